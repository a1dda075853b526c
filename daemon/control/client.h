#pragma once
// A blocking client of the control socket, for tendonctl and tests: plain POSIX sockets,
// one request at a time, ids counting up from 1. Notifications that arrive while a call
// waits for its answer are kept, in order, for next_event().
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include <rapidjson/document.h>

#include "control/rpc_error.h"

namespace tendon::control {

// The daemon is not there: no socket file, or nobody listening. what() names the path and the reason.
class DaemonUnreachable : public std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Client {
 public:
  // A line from the server longer than this is an error (the server's answers are large
  // only for big lists; this is far beyond any of them).
  static constexpr std::size_t kMaxLineBytes = 64UL * 1024 * 1024;

  // Connects and reads the greeting. Throws DaemonUnreachable, or RpcError when the server
  // refuses the connection at the door (its error line: permission, too many clients).
  // Other failures (permission on the socket file, a server that does not greet within
  // seconds, a path too long for a socket address) are std::runtime_error.
  static Client connect(const std::filesystem::path& socket_path);
  Client(Client&& other) noexcept;
  Client& operator=(Client&& other) noexcept;
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  const rapidjson::Document& greeting() const;  // the Server.Hello params

  // Sends one request (with `fd` attached by SCM_RIGHTS when >= 0; the caller keeps its fd) and
  // waits for its answer; notifications arriving meanwhile are queued for next_event().
  // Returns the result; throws RpcError for an error answer, std::runtime_error when the
  // connection breaks. `params_json` must be a JSON object or array (std::invalid_argument
  // otherwise); it may be pretty-printed, it is sent as one line.
  rapidjson::Document call(const std::string& method, const std::string& params_json = "{}", int fd = -1);

  // The next notification ({"method":..,"params":..} as a whole document); blocks until one
  // comes; std::nullopt when the server closed the connection.
  std::optional<rapidjson::Document> next_event();
  // True when next_event() has one at hand without reading the socket. A poll()-driven
  // caller asks this first: an event read along with an answer is no longer in the socket,
  // so poll() would not report it.
  bool has_queued_event() const;

  // For poll()-driven callers (watch with a timeout): the socket's fd.
  int native_handle() const;

 private:
  struct Connection;
  explicit Client(std::unique_ptr<Connection> connection);

  std::unique_ptr<Connection> connection_;  // null only in a moved-from Client
};

}  // namespace tendon::control
