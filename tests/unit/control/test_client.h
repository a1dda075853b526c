#pragma once
// A plain POSIX client for the control socket tests, with deadlines on every read so a
// broken server fails a test instead of hanging it.
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "control/fd_passing.h"

namespace tendon::testing {

class TestClient {
 public:
  explicit TestClient(const std::string& path) {
    fd_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, path.c_str(), sizeof address.sun_path - 1);
    // NOLINTNEXTLINE: the sockets API takes the generic address type
    if (::connect(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
      ::close(fd_);
      throw std::runtime_error("connect " + path + ": " + std::strerror(errno));
    }
  }
  ~TestClient() { ::close(fd_); }
  TestClient(const TestClient&) = delete;
  TestClient& operator=(const TestClient&) = delete;

  int fd() const { return fd_; }

  void send_raw(const std::string& bytes) const {
    std::size_t done = 0;
    while (done < bytes.size()) {
      const auto sent = ::send(fd_, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
      if (sent <= 0) throw std::runtime_error("send failed");
      done += static_cast<std::size_t>(sent);
    }
  }
  void send_line(const std::string& line) const { send_raw(line + "\n"); }
  // One sendmsg of `bytes` (all of it, or the test fails) with `fds` attached (SCM_RIGHTS).
  void send_with_fds(const std::string& bytes, const std::vector<int>& fds) const {
    const auto sent = control::send_with_fds(fd_, bytes, fds);
    if (sent != static_cast<ssize_t>(bytes.size())) throw std::runtime_error("sendmsg did not take it all");
  }

  // The next line, or nullopt on end of stream, reset or timeout (closed() tells which).
  std::optional<std::string> read_line(std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      if (const auto end = buffer_.find('\n'); end != std::string::npos) {
        std::string line = buffer_.substr(0, end);
        buffer_.erase(0, end + 1);
        return line;
      }
      if (closed_) return std::nullopt;
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return std::nullopt;
      pollfd poll_fd{fd_, POLLIN, 0};
      if (::poll(&poll_fd, 1, static_cast<int>(left.count())) <= 0) continue;
      char chunk[65536];
      const auto got = ::recv(fd_, chunk, sizeof chunk, 0);
      if (got <= 0) {
        closed_ = true;  // EOF, or ECONNRESET when the server closed with our bytes unread
        continue;
      }
      buffer_.append(chunk, static_cast<std::size_t>(got));
    }
  }

  rapidjson::Document read_json(std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    rapidjson::Document document;
    const auto line = read_line(timeout);
    if (!line) throw std::runtime_error(closed_ ? "connection closed" : "no line before the deadline");
    document.Parse(line->c_str());
    if (document.HasParseError()) throw std::runtime_error("not JSON: " + *line);
    return document;
  }

  // Reads (and forgets) everything until the server closes; false on timeout.
  bool wait_closed(std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!closed_ && std::chrono::steady_clock::now() < deadline) {
      if (!read_line(std::chrono::milliseconds(100))) continue;
    }
    return closed_;
  }
  bool closed() const { return closed_; }
  // Lines already received but not yet read.
  const std::string& pending() const { return buffer_; }

 private:
  int fd_ = -1;
  std::string buffer_;
  bool closed_ = false;
};

}  // namespace tendon::testing
