#pragma once
// The control socket server: listens on a Unix socket (bound here, or handed over by
// systemd), greets each client, checks its credentials, dispatches its requests to the
// method table, and pushes events to subscribers. Lives on one io_context; every member
// function except publish() must be called on that context's thread (or while it is not
// running).
#include <boost/asio/io_context.hpp>
#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/steady_timer.hpp>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "control/json_text.h"
#include "control/limits.h"
#include "control/method_table.h"
#include "control/permissions.h"
#include "control/rpc_error.h"
#include "control/socket_file.h"

namespace tendon::control {

class Session;

struct ServerOptions {
  Limits limits;
  // Who may connect and with which tier. Default: PeerPolicy{} (our uid and root → admin).
  TierDecider decide_tier = PeerPolicy{};
  // Named in the greeting's "features", after the server's own ("events").
  std::vector<std::string> features;
  // Where refused connections and accept errors are logged; nullptr: nowhere.
  std::ostream* log = nullptr;
};

class Server {
 public:
  explicit Server(boost::asio::io_context& io, ServerOptions options = {});
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds options.path (see bind_socket_file()) and starts accepting. Throws
  // std::runtime_error with a message for the user (path in use, group missing, ...).
  void listen(const SocketOptions& options);
  // Starts accepting on a socket that is already listening (socket activation: an fd from
  // sd_listen_fds). The server owns the fd from now on; the socket file is not ours to remove.
  void adopt(int listening_fd);

  // Adds a method (replacing one of the same name). Built in: Server.ListMethods,
  // Events.Subscribe, Events.Unsubscribe.
  void register_method(MethodSpec spec, SyncHandler handler);
  // For methods that take long (imports): the handler starts the work and answers through
  // its Responder later, while the loop goes on serving everyone.
  void register_async_method(MethodSpec spec, AsyncHandler handler);

  // Sends {"jsonrpc":"2.0","method":event,"params":params} to every client subscribed to
  // it. Safe from any thread (it is posted to the loop); a subscriber too slow to keep up
  // is dropped, nobody waits for it.
  void publish(std::string_view event, const JsonText& params);

  // Stops accepting, closes every client, removes the socket file if we created it.
  // Idempotent.
  void stop();

  std::size_t client_count() const { return sessions_.size(); }
  const MethodTable& methods() const { return methods_; }
  MethodTable& methods() { return methods_; }

 private:
  void start_accepting(int listening_fd);
  void accept_next();
  void on_accept(const boost::system::error_code& error, boost::asio::local::stream_protocol::socket socket);
  void refuse(boost::asio::local::stream_protocol::socket& socket, int code, const std::string& message);
  std::string greeting(Tier tier) const;
  void register_builtins();
  JsonText subscribe(const rapidjson::Value& params, const Caller& caller);
  void deliver(const std::string& event, const std::string& line);
  void log(const std::string& message) const;

  boost::asio::io_context& io_;
  ServerOptions options_;
  MethodTable methods_;
  std::optional<boost::asio::local::stream_protocol::acceptor> acceptor_;
  boost::asio::steady_timer accept_retry_;
  std::map<std::uint64_t, std::shared_ptr<Session>> sessions_;
  std::uint64_t next_session_id_ = 1;
  std::optional<std::filesystem::path> owned_path_;
  SocketFileIdentity owned_identity_;
  bool stopped_ = false;
  // Handlers queued on the loop check this before touching a destroyed Server.
  std::shared_ptr<Server*> self_;
};

}  // namespace tendon::control
