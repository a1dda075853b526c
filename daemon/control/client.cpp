#include "control/client.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <deque>
#include <span>

#include "control/fd_passing.h"
#include "control/json_text.h"
#include "control/line_reader.h"
#include "tendon/protocol.h"

namespace tendon::control {
namespace {

// A daemon that accepted but does not greet is stuck; say so instead of hanging.
constexpr int kGreetingTimeoutMs = 10'000;

bool is_notification(const rapidjson::Document& message) {
  return message.IsObject() && !message.HasMember("id") && message.HasMember("method") &&
         message["method"].IsString();
}

bool has_error(const rapidjson::Document& message) { return message.IsObject() && message.HasMember("error"); }

}  // namespace

struct Client::Connection {
  Connection(int socket_fd, std::string socket_path) : fd(socket_fd), path(std::move(socket_path)) {}
  ~Connection() { ::close(fd); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  std::string where() const { return "control socket " + path; }

  // The next complete line already received, parsed; no I/O.
  std::optional<rapidjson::Document> next_buffered_message() {
    while (auto line = reader.next_line()) {
      if (line->text.empty()) continue;
      rapidjson::Document message;
      message.Parse<rapidjson::kParseFullPrecisionFlag>(line->text.c_str(), line->text.size());
      if (message.HasParseError() || !message.IsObject()) {
        throw std::runtime_error(where() + ": the daemon sent a line that is not a JSON-RPC message");
      }
      return message;
    }
    if (reader.too_long()) {
      throw std::runtime_error(where() + ": the daemon sent a line longer than " +
                               std::to_string(reader.max_line_bytes()) + " bytes");
    }
    return std::nullopt;
  }

  // The next message, reading the socket as needed; nullopt once the daemon closed.
  // `timeout_ms` < 0: wait as long as it takes.
  std::optional<rapidjson::Document> read_message(int timeout_ms = -1) {
    for (;;) {
      if (auto message = next_buffered_message()) return message;
      if (closed) return std::nullopt;
      receive(timeout_ms);
    }
  }

  void receive(int timeout_ms) {
    if (timeout_ms >= 0) {
      pollfd readable{fd, POLLIN, 0};
      int ready = 0;
      do {
        ready = ::poll(&readable, 1, timeout_ms);
      } while (ready < 0 && errno == EINTR);
      if (ready == 0) {
        throw std::runtime_error(where() + ": the daemon sent nothing within " + std::to_string(timeout_ms / 1000) +
                                 " s");
      }
    }
    std::array<char, 64 * 1024> chunk{};
    ssize_t got = 0;
    do {
      got = ::recv(fd, chunk.data(), chunk.size(), 0);
    } while (got < 0 && errno == EINTR);
    if (got == 0 || (got < 0 && errno == ECONNRESET)) {
      closed = true;
      return;
    }
    if (got < 0) throw std::runtime_error(where() + ": cannot read: " + std::strerror(errno));
    reader.append({chunk.data(), static_cast<std::size_t>(got)});
  }

  void send_line(std::string_view line, int passed_fd) {
    // The descriptor goes with the first byte, so it belongs to this line (see LineReader).
    std::span<const int> fds = passed_fd >= 0 ? std::span<const int>(&passed_fd, 1) : std::span<const int>();
    while (!line.empty()) {
      const ssize_t sent = send_with_fds(fd, line, fds);
      if (sent < 0) {
        if (errno == EPIPE || errno == ECONNRESET) throw std::runtime_error(where() + ": the daemon closed the connection");
        throw std::runtime_error(where() + ": cannot send: " + std::strerror(errno));
      }
      line.remove_prefix(static_cast<std::size_t>(sent));
      fds = {};
    }
  }

  int fd;
  std::string path;
  LineReader reader{kMaxLineBytes};
  std::deque<rapidjson::Document> events;
  rapidjson::Document greeting;
  std::int64_t next_id = 1;
  bool closed = false;
};

namespace {

// The error object of an answer as the exception a caller catches.
RpcError rpc_error_of(const rapidjson::Document& answer, const std::string& where) {
  const auto& error = answer["error"];
  if (!error.IsObject() || !error.HasMember("code") || !error["code"].IsInt() || !error.HasMember("message") ||
      !error["message"].IsString()) {
    throw std::runtime_error(where + ": the daemon sent a malformed error answer");
  }
  std::optional<std::string> data;
  if (const auto found = error.FindMember("data"); found != error.MemberEnd()) data = to_json(found->value);
  return {error["code"].GetInt(), error["message"].GetString(), std::move(data)};
}

std::string request_line(std::int64_t id, const std::string& method, const rapidjson::Value& params) {
  rapidjson::Document request(rapidjson::kObjectType);
  auto& allocator = request.GetAllocator();
  request.AddMember("jsonrpc", "2.0", allocator);
  request.AddMember("id", id, allocator);
  request.AddMember("method", rapidjson::Value(method.c_str(), allocator), allocator);
  request.AddMember("params", rapidjson::Value(params, allocator), allocator);
  return to_json(request) + "\n";  // the writer escapes newlines: one line whatever came in
}

}  // namespace

Client::Client(std::unique_ptr<Connection> connection) : connection_(std::move(connection)) {}
Client::Client(Client&& other) noexcept = default;
Client& Client::operator=(Client&& other) noexcept = default;
Client::~Client() = default;

Client Client::connect(const std::filesystem::path& socket_path) {
  const std::string path = socket_path.string();
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  if (path.size() >= sizeof address.sun_path) {
    throw std::runtime_error("control socket " + path + ": the path is longer than a Unix socket address allows (" +
                             std::to_string(sizeof address.sun_path - 1) + " bytes)");
  }
  std::memcpy(address.sun_path, path.c_str(), path.size() + 1);
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error("control socket " + path + ": cannot make a socket: " + std::strerror(errno));
  auto connection = std::make_unique<Connection>(fd, path);

  int connected = 0;
  do {
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the sockets API takes the generic type
    connected = ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address);
  } while (connected != 0 && errno == EINTR);
  if (connected != 0) {
    const int error = errno;
    if (error == ENOENT || error == ENOTDIR) {
      throw DaemonUnreachable(connection->where() + ": no such socket (is tendond running?)");
    }
    if (error == ECONNREFUSED) {
      throw DaemonUnreachable(connection->where() +
                              ": nobody is listening (tendond is not running; the file is left from an earlier run)");
    }
    throw std::runtime_error(connection->where() + ": cannot connect: " + std::strerror(error));
  }

  std::optional<rapidjson::Document> first = connection->read_message(kGreetingTimeoutMs);
  if (!first) throw std::runtime_error(connection->where() + ": the daemon hung up without a greeting");
  if (has_error(*first)) throw rpc_error_of(*first, connection->where());  // refused at the door
  if (!is_notification(*first) || std::string_view((*first)["method"].GetString()) != TENDON_METHOD_SERVER_HELLO ||
      !first->HasMember("params") || !(*first)["params"].IsObject()) {
    throw std::runtime_error(connection->where() + ": the first line is not a " TENDON_METHOD_SERVER_HELLO " greeting");
  }
  connection->greeting.CopyFrom((*first)["params"], connection->greeting.GetAllocator());
  return Client(std::move(connection));
}

const rapidjson::Document& Client::greeting() const { return connection_->greeting; }

int Client::native_handle() const { return connection_->fd; }

rapidjson::Document Client::call(const std::string& method, const std::string& params_json, int fd) {
  Connection& connection = *connection_;
  rapidjson::Document params;
  params.Parse(params_json.c_str(), params_json.size());
  if (params.HasParseError() || (!params.IsObject() && !params.IsArray())) {
    throw std::invalid_argument("params of " + method + " are not a JSON object or array: " + params_json);
  }
  const std::int64_t id = connection.next_id++;
  connection.send_line(request_line(id, method, params), fd);

  for (;;) {
    std::optional<rapidjson::Document> message = connection.read_message();
    if (!message) throw std::runtime_error(connection.where() + ": the daemon closed the connection before answering " + method);
    if (is_notification(*message)) {
      connection.events.push_back(std::move(*message));
      continue;
    }
    const auto answer_id = message->FindMember("id");
    if (answer_id == message->MemberEnd()) continue;
    const bool ours = answer_id->value.IsInt64() && answer_id->value.GetInt64() == id;
    // An error about a line the server could not read (parse error, line too long) has id null;
    // with one request at a time it can only be about ours.
    const bool about_ours = answer_id->value.IsNull() && has_error(*message);
    if (!ours && !about_ours) continue;  // a stray answer: not ours to return
    if (has_error(*message)) throw rpc_error_of(*message, connection.where());
    const auto result = message->FindMember("result");
    if (result == message->MemberEnd()) throw std::runtime_error(connection.where() + ": an answer without result or error");
    rapidjson::Document copy;
    copy.CopyFrom(result->value, copy.GetAllocator());
    return copy;
  }
}

std::optional<rapidjson::Document> Client::next_event() {
  Connection& connection = *connection_;
  if (!connection.events.empty()) {
    rapidjson::Document event = std::move(connection.events.front());
    connection.events.pop_front();
    return event;
  }
  for (;;) {
    std::optional<rapidjson::Document> message = connection.read_message();
    if (!message || is_notification(*message)) return message;
    // An answer with no call waiting (a notification-style request's error): nothing to do with it.
  }
}

bool Client::has_queued_event() const {
  Connection& connection = *connection_;
  while (auto message = connection.next_buffered_message()) {
    if (is_notification(*message)) connection.events.push_back(std::move(*message));
  }
  return !connection.events.empty();
}

}  // namespace tendon::control
