#include "listen_fds.h"

#include <sys/socket.h>
#include <sys/un.h>
#include <systemd/sd-daemon.h>

#include <cstddef>
#include <cstring>
#include <stdexcept>
#include <string>

namespace tendon::systemd {

namespace {

std::filesystem::path bound_path(int fd) {
  sockaddr_un address{};
  socklen_t length = sizeof address;
  // NOLINTNEXTLINE: the sockets API takes the generic address type
  if (::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) return {};
  const auto offset = offsetof(sockaddr_un, sun_path);
  if (length <= offset || address.sun_path[0] == '\0') return {};  // unnamed or abstract
  return std::string(address.sun_path, ::strnlen(address.sun_path, length - offset));
}

}  // namespace

std::optional<ActivationSocket> take_activation_socket() {
  const int count = ::sd_listen_fds(1);
  if (count < 0) {
    throw std::runtime_error(std::string("socket activation: cannot read LISTEN_FDS: ") + std::strerror(-count));
  }
  if (count == 0) return std::nullopt;
  if (count > 1) {
    throw std::runtime_error("socket activation: systemd passed " + std::to_string(count) +
                             " sockets, tendond takes exactly one (one ListenStream= in tendond.socket)");
  }
  const int fd = SD_LISTEN_FDS_START;
  if (::sd_is_socket_unix(fd, SOCK_STREAM, 1, nullptr, 0) <= 0) {
    throw std::runtime_error("socket activation: descriptor " + std::to_string(fd) +
                             " from systemd is not a listening Unix stream socket "
                             "(tendond.socket needs ListenStream=/a/path, not an address or a datagram socket)");
  }
  return ActivationSocket{fd, bound_path(fd)};
}

}  // namespace tendon::systemd
