#pragma once
// How an asynchronous method answers later: reply() or fail() once, from any thread. A
// request whose last Responder copy is destroyed without an answer gets -32603 "method
// ended without a reply", so a caller never waits forever.
// for_request: the answer is posted to the loop and queued on the session; for a
// notification (no id) it is dropped, as JSON-RPC wants.
// to_function: the answer goes to a function instead (in-process calls, tests).
#include <boost/asio/io_context.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "control/json_text.h"
#include "control/rpc_error.h"

namespace tendon::control {

class Session;

class Responder {
 public:
  // Exactly one of the two is non-null.
  using Sink = std::function<void(const JsonText* result, const RpcError* error)>;

  // A responder that answers no one (handy in tests of handlers).
  Responder() = default;
  // `id_json` is the request's id as JSON text, nullopt for a notification.
  static Responder for_request(boost::asio::io_context& io, std::weak_ptr<Session> session,
                               std::optional<std::string> id_json);
  // The answer is handed to `sink`, on the thread that answers (or destroys the last
  // copy); `sink` must not throw (it may run in a destructor).
  static Responder to_function(Sink sink);

  void reply(const JsonText& result) const;
  void fail(const RpcError& error) const;
  // True once reply() or fail() was called.
  bool done() const;

 private:
  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace tendon::control
