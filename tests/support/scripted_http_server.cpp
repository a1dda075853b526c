#include "support/scripted_http_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace tendon::testing {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

int bound_socket(int& port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) throw std::runtime_error("bind failed");
  socklen_t size = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
  port = ntohs(address.sin_port);
  return fd;
}

// Waits up to `ms` for the fd to be readable; false on timeout.
bool readable(int fd, int ms) {
  pollfd p{fd, POLLIN, 0};
  return ::poll(&p, 1, ms) > 0;
}

void send_all(int fd, const std::string& text) {
  std::size_t sent = 0;
  while (sent < text.size()) {
    const ssize_t n = ::send(fd, text.data() + sent, text.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;  // the client went away: nothing to answer
    sent += static_cast<std::size_t>(n);
  }
}

}  // namespace

std::string RecordedRequest::header(const std::string& name) const {
  const auto it = headers.find(lower(name));
  return it == headers.end() ? std::string() : it->second;
}

ScriptedHttpServer::ScriptedHttpServer() {
  listener_ = bound_socket(port_);
  if (::listen(listener_, 16) != 0) throw std::runtime_error("listen failed");
  thread_ = std::thread([this] { serve(); });
}

ScriptedHttpServer::~ScriptedHttpServer() {
  stopping_ = true;
  ::shutdown(listener_, SHUT_RDWR);
  thread_.join();
  ::close(listener_);
}

std::string ScriptedHttpServer::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

void ScriptedHttpServer::script(std::vector<ScriptedAnswer> answers) {
  std::lock_guard lock(mutex_);
  for (auto& a : answers) script_.push_back(std::move(a));
}

void ScriptedHttpServer::set_default(ScriptedAnswer answer) {
  std::lock_guard lock(mutex_);
  default_ = std::move(answer);
}

void ScriptedHttpServer::set_handler(Handler handler) {
  std::lock_guard lock(mutex_);
  handler_ = std::move(handler);
}

std::vector<RecordedRequest> ScriptedHttpServer::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

std::size_t ScriptedHttpServer::request_count() const {
  std::lock_guard lock(mutex_);
  return requests_.size();
}

void ScriptedHttpServer::serve() {
  while (!stopping_) {
    if (!readable(listener_, 100)) continue;
    const int client = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
    if (client < 0) continue;
    handle(client);
    ::close(client);
  }
}

void ScriptedHttpServer::handle(int client) {
  std::string data;
  char buffer[4096];
  std::size_t header_end = std::string::npos;
  while ((header_end = data.find("\r\n\r\n")) == std::string::npos) {
    if (!readable(client, 5000)) return;
    const ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
    if (n <= 0) return;
    data.append(buffer, static_cast<std::size_t>(n));
  }
  RecordedRequest request;
  std::size_t line_start = 0;
  bool first = true;
  while (line_start < header_end) {
    const std::size_t line_end = data.find("\r\n", line_start);
    const std::string line = data.substr(line_start, line_end - line_start);
    line_start = line_end + 2;
    if (first) {
      first = false;
      const auto space = line.find(' ');
      request.method = line.substr(0, space);
      request.target = line.substr(space + 1, line.find(' ', space + 1) - space - 1);
      continue;
    }
    const auto colon = line.find(':');
    if (colon != std::string::npos) request.headers[lower(line.substr(0, colon))] = trim(line.substr(colon + 1));
  }
  const std::string length_text = request.header("content-length");
  const std::size_t length = length_text.empty() ? 0 : std::stoul(length_text);
  request.body = data.substr(header_end + 4);
  while (request.body.size() < length) {
    if (!readable(client, 5000)) return;
    const ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
    if (n <= 0) return;
    request.body.append(buffer, static_cast<std::size_t>(n));
  }
  ScriptedAnswer answer;
  Handler handler;
  bool scripted = false;
  {
    std::lock_guard lock(mutex_);
    requests_.push_back(request);
    if (!script_.empty()) {
      answer = std::move(script_.front());
      script_.pop_front();
      scripted = true;
    } else {
      answer = default_;
      handler = handler_;
    }
  }
  // Outside the lock: the handler may look at the server (requests(), script()).
  if (!scripted && handler) {
    if (auto handled = handler(request)) answer = std::move(*handled);
  }
  if (answer.delay.count() > 0) {
    // The client hanging up (its timeout) makes the socket readable: stop waiting then.
    if (readable(client, static_cast<int>(answer.delay.count()))) return;
  }
  std::string response = "HTTP/1.1 " + std::to_string(answer.status) + " Scripted\r\n";
  for (const auto& [name, value] : answer.headers) response += name + ": " + value + "\r\n";
  response += "Content-Length: " + std::to_string(answer.body.size()) + "\r\nConnection: close\r\n\r\n" + answer.body;
  send_all(client, response);
}

int closed_port() {
  int port = 0;
  const int fd = bound_socket(port);
  ::close(fd);
  return port;
}

}  // namespace tendon::testing
