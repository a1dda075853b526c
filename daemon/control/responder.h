#pragma once
// How an asynchronous method answers later: reply() or fail() once, from any thread (the
// answer is posted to the loop). A request whose last Responder copy is destroyed without an
// answer gets -32603 "method ended without a reply", so a client never waits forever.
// For a notification (no id) the answer is dropped, as JSON-RPC wants.
#include <boost/asio/io_context.hpp>
#include <memory>
#include <optional>
#include <string>

#include "control/json_text.h"
#include "control/rpc_error.h"

namespace tendon::control {

class Session;

class Responder {
 public:
  // A responder that answers no one (handy in tests of handlers).
  Responder() = default;
  // `id_json` is the request's id as JSON text, nullopt for a notification.
  static Responder for_request(boost::asio::io_context& io, std::weak_ptr<Session> session,
                               std::optional<std::string> id_json);

  void reply(const JsonText& result) const;
  void fail(const RpcError& error) const;
  // True once reply() or fail() was called.
  bool done() const;

 private:
  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace tendon::control
