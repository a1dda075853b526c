#include "control/responder.h"

#include <atomic>
#include <boost/asio/post.hpp>

#include "control/session.h"

namespace tendon::control {

struct Responder::State {
  State(boost::asio::io_context& io_context, std::weak_ptr<Session> owner, std::optional<std::string> id)
      : io(io_context), session(std::move(owner)), id_json(std::move(id)) {}
  State(const State&) = delete;
  State& operator=(const State&) = delete;
  ~State() {
    // Nobody left to call fail(): answer for the handler. When the session is gone
    // (shut down) there is no one to tell, and nothing is posted to a dying loop.
    if (!done.load() && !session.expired()) complete(TENDON_RPC_INTERNAL_ERROR, "method ended without a reply");
  }

  void complete(std::string line) {
    if (done.exchange(true)) return;
    if (!id_json) line.clear();  // notifications get no answer
    boost::asio::post(io, [owner = session, answer = std::move(line)]() mutable {
      const auto live = owner.lock();
      if (!live) return;
      if (!answer.empty()) live->send(std::move(answer));
      live->end_call();
    });
  }
  void complete(int code, const std::string& message) {
    complete(error_line(id_json.value_or("null"), code, message));
  }

  boost::asio::io_context& io;
  std::weak_ptr<Session> session;
  std::optional<std::string> id_json;
  std::atomic<bool> done{false};
};

Responder Responder::for_request(boost::asio::io_context& io, std::weak_ptr<Session> session,
                                 std::optional<std::string> id_json) {
  Responder responder;
  responder.state_ = std::make_shared<State>(io, std::move(session), std::move(id_json));
  return responder;
}

void Responder::reply(const JsonText& result) const {
  if (state_) state_->complete(result_line(state_->id_json.value_or("null"), result));
}

void Responder::fail(const RpcError& error) const {
  if (state_) state_->complete(error_line(state_->id_json.value_or("null"), error));
}

bool Responder::done() const { return state_ && state_->done.load(); }

}  // namespace tendon::control
