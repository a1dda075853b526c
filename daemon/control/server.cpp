#include "control/server.h"

#include <sys/socket.h>
#include <unistd.h>

#include <boost/asio/post.hpp>
#include <chrono>

#include "control/request_dispatch.h"
#include "control/session.h"
#include "tendon/protocol.h"
#include "tendon/version.h"

namespace tendon::control {

using boost::asio::local::stream_protocol;

Server::Server(boost::asio::io_context& io, ServerOptions options)
    : io_(io), options_(std::move(options)), accept_retry_(io), self_(std::make_shared<Server*>(this)) {
  register_builtins();
}

Server::~Server() {
  stop();
  self_.reset();
}

void Server::register_method(MethodSpec spec, SyncHandler handler) { methods_.add(std::move(spec), std::move(handler)); }

void Server::register_async_method(MethodSpec spec, AsyncHandler handler) {
  methods_.add(std::move(spec), std::move(handler));
}

void Server::listen(const SocketOptions& options) {
  const BoundSocket bound = bind_socket_file(options);
  owned_path_ = options.path;
  owned_identity_ = bound.identity;
  start_accepting(bound.fd);
}

void Server::adopt(int listening_fd) { start_accepting(listening_fd); }

void Server::start_accepting(int listening_fd) {
  if (acceptor_) {
    ::close(listening_fd);
    throw std::logic_error("control server is already listening");
  }
  stopped_ = false;
  acceptor_.emplace(io_);
  boost::system::error_code error;
  acceptor_->assign(stream_protocol(), listening_fd, error);
  if (error) {
    ::close(listening_fd);
    acceptor_.reset();
    throw std::runtime_error("control socket: cannot use the listening socket: " + error.message());
  }
  accept_next();
}

void Server::accept_next() {
  acceptor_->async_accept([alive = std::weak_ptr(self_)](const boost::system::error_code& error,
                                                        stream_protocol::socket socket) {
    if (alive.expired()) return;
    (**alive.lock()).on_accept(error, std::move(socket));
  });
}

void Server::on_accept(const boost::system::error_code& error, stream_protocol::socket socket) {
  if (stopped_ || !acceptor_) return;
  if (error) {
    if (error == boost::asio::error::operation_aborted) return;
    // Out of fds and the like: retrying at once would spin; try again shortly.
    log("tendond: control socket: accept failed: " + error.message());
    accept_retry_.expires_after(std::chrono::milliseconds(100));
    accept_retry_.async_wait([alive = std::weak_ptr(self_)](const boost::system::error_code& waited) {
      if (!waited && !alive.expired() && !(**alive.lock()).stopped_) (**alive.lock()).accept_next();
    });
    return;
  }
  accept_next();

  if (sessions_.size() >= options_.limits.max_clients) {
    refuse(socket, TENDON_RPC_BUSY, "too many clients (at most " + std::to_string(options_.limits.max_clients) + ")");
    return;
  }
  PeerCredentials peer;
  try {
    peer = read_peer_credentials(socket.native_handle());
  } catch (const std::exception& failure) {
    refuse(socket, TENDON_RPC_PERMISSION_DENIED, std::string("permission denied: ") + failure.what());
    return;
  }
  const std::optional<Tier> tier = options_.decide_tier(peer);
  if (!tier) {
    log("tendond: control socket: refused uid " + std::to_string(peer.uid) + " (pid " + std::to_string(peer.pid) +
        ")");
    refuse(socket, TENDON_RPC_PERMISSION_DENIED,
           "permission denied: uid " + std::to_string(peer.uid) + " may not use this socket");
    return;
  }
  const Caller caller{peer, *tier, next_session_id_++};
  Session::Hooks hooks;
  hooks.on_line = [this](Session& session, const std::string& line, std::shared_ptr<PassedFds> fds) {
    dispatch_request(methods_, io_, session, line, std::move(fds));
  };
  hooks.on_closed = [this](Session& session) { sessions_.erase(session.caller().session_id); };
  hooks.on_overflow = [this](Session& session) {
    const PeerCredentials& who = session.caller().peer;
    log("tendond: control socket: dropped a client that stopped reading (uid " + std::to_string(who.uid) + ", pid " +
        std::to_string(who.pid) + "): its output queue was full");
  };
  auto session = std::make_shared<Session>(std::move(socket), caller, options_.limits, std::move(hooks));
  sessions_.emplace(caller.session_id, session);
  session->start(greeting(*tier));
}

void Server::refuse(stream_protocol::socket& socket, int code, const std::string& message) {
  // One line, one attempt, no waiting: the client learns why, then the door closes. No
  // greeting, so a client cannot mistake this for a working connection.
  const std::string line = error_line("null", code, message) + "\n";
  [[maybe_unused]] const auto sent =
      ::send(socket.native_handle(), line.data(), line.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
  boost::system::error_code ignored;
  socket.close(ignored);
}

std::string Server::greeting(Tier tier) const {
  std::string features = "[" + json_string(TENDON_FEATURE_EVENTS);
  for (const auto& feature : options_.features) features += "," + json_string(feature);
  features += "]";
  return notification_line(TENDON_METHOD_SERVER_HELLO,
                           JsonText::raw(R"({"server":"tendond","version":)" + json_string(TENDON_VERSION) +
                                         R"(,"protocol":)" + std::to_string(TENDON_PROTOCOL_VERSION) +
                                         R"(,"features":)" + features + R"(,"tier":)" +
                                         json_string(tier_name(tier)) + "}"));
}

void Server::register_builtins() {
  methods_.add(MethodSpec{TENDON_METHOD_SERVER_LIST_METHODS, Tier::read,
                          "Every method of this server: name, tier needed, description, params.", "{}"},
               SyncHandler([this](const rapidjson::Value&, const Caller&) { return methods_.describe(); }));
  methods_.add(
      MethodSpec{TENDON_METHOD_EVENTS_SUBSCRIBE, Tier::read,
                 "Receive events as notifications on this connection. Replaces an earlier subscription.",
                 R"({"events":"optional array of strings: event names (Alert.Raised), namespaces (Alert), prefixes (Import.*) or *; absent or empty: all events"})"},
      SyncHandler([this](const rapidjson::Value& params, const Caller& caller) { return subscribe(params, caller); }));
  methods_.add(MethodSpec{TENDON_METHOD_EVENTS_UNSUBSCRIBE, Tier::read, "Stop receiving events on this connection.",
                          "{}"},
               SyncHandler([this](const rapidjson::Value&, const Caller& caller) {
                 if (const auto found = sessions_.find(caller.session_id); found != sessions_.end()) {
                   found->second->events().clear();
                 }
                 return JsonText::raw(R"({"events":[]})");
               }));
}

JsonText Server::subscribe(const rapidjson::Value& params, const Caller& caller) {
  std::vector<std::string> patterns;
  if (params.IsObject()) {
    if (const auto events = params.FindMember("events"); events != params.MemberEnd()) {
      if (!events->value.IsArray()) throw invalid_params("events must be an array of strings");
      for (const auto& event : events->value.GetArray()) {
        if (!event.IsString() || event.GetStringLength() == 0) {
          throw invalid_params("events must be an array of non-empty strings");
        }
        patterns.emplace_back(event.GetString(), event.GetStringLength());
      }
    }
  } else if (!params.Empty()) {
    throw invalid_params("params must be an object: {\"events\":[...]}");
  }
  const auto found = sessions_.find(caller.session_id);
  if (found == sessions_.end()) throw RpcError(TENDON_RPC_INTERNAL_ERROR, "connection is closing");
  EventFilter& filter = found->second->events();
  filter.subscribe(std::move(patterns));
  std::string result = R"({"events":[)";
  for (std::size_t i = 0; i < filter.patterns().size(); ++i) {
    result += (i == 0 ? "" : ",") + json_string(filter.patterns()[i]);
  }
  return JsonText::raw(result + "]}");
}

void Server::publish(std::string_view event, const JsonText& params) {
  boost::asio::post(io_, [alive = std::weak_ptr(self_), name = std::string(event),
                          line = notification_line(event, params)] {
    if (const auto server = alive.lock()) (**server).deliver(name, line);
  });
}

void Server::deliver(const std::string& event, const std::string& line) {
  // A copy: a send that drops its client erases it from sessions_ underneath us.
  std::vector<std::shared_ptr<Session>> targets;
  for (const auto& [id, session] : sessions_) {
    if (session->wants_event(event)) targets.push_back(session);
  }
  for (const auto& session : targets) session->send(line);
}

void Server::stop() {
  if (stopped_ && !acceptor_) return;
  stopped_ = true;
  accept_retry_.cancel();
  if (acceptor_) {
    boost::system::error_code ignored;
    acceptor_->close(ignored);
    acceptor_.reset();
  }
  const auto sessions = sessions_;  // close() erases from sessions_
  for (const auto& [id, session] : sessions) session->close();
  sessions_.clear();
  if (owned_path_) {
    remove_socket_file(*owned_path_, owned_identity_);
    owned_path_.reset();
  }
}

void Server::log(const std::string& message) const {
  // Flushed: a journal or log file must show a refusal when it happens, not at exit.
  if (options_.log != nullptr) *options_.log << message << std::endl;
}

}  // namespace tendon::control
