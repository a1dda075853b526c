#include "control/responder.h"

#include <atomic>
#include <boost/asio/post.hpp>

#include "control/session.h"

namespace tendon::control {

struct Responder::State {
  explicit State(Sink answer_sink) : sink(std::move(answer_sink)) {}
  State(const State&) = delete;
  State& operator=(const State&) = delete;
  ~State() {
    // Nobody left to call fail(): answer for the handler.
    if (done.load()) return;
    const RpcError unanswered(TENDON_RPC_INTERNAL_ERROR, "method ended without a reply");
    complete(nullptr, &unanswered);
  }

  void complete(const JsonText* result, const RpcError* error) {
    if (done.exchange(true)) return;
    sink(result, error);
  }

  Sink sink;
  std::atomic<bool> done{false};
};

Responder Responder::for_request(boost::asio::io_context& io, std::weak_ptr<Session> session,
                                 std::optional<std::string> id_json) {
  Sink post_to_session = [&io, owner = std::move(session), id = std::move(id_json)](const JsonText* result,
                                                                                    const RpcError* error) {
    // When the session is gone (shut down) there is no one to tell, and nothing is posted
    // to a dying loop.
    if (owner.expired()) return;
    std::string line;
    if (id) line = result != nullptr ? result_line(*id, *result) : error_line(*id, *error);  // notifications: none
    boost::asio::post(io, [owner, answer = std::move(line)]() mutable {
      const auto live = owner.lock();
      if (!live) return;
      if (!answer.empty()) live->send(std::move(answer));
      live->end_call();
    });
  };
  return to_function(std::move(post_to_session));
}

Responder Responder::to_function(Sink sink) {
  Responder responder;
  responder.state_ = std::make_shared<State>(std::move(sink));
  return responder;
}

void Responder::reply(const JsonText& result) const {
  if (state_) state_->complete(&result, nullptr);
}

void Responder::fail(const RpcError& error) const {
  if (state_) state_->complete(nullptr, &error);
}

bool Responder::done() const { return state_ && state_->done.load(); }

}  // namespace tendon::control
