#include "control/fd_passing.h"

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace tendon::control {

ssize_t send_with_fds(int socket_fd, std::string_view bytes, std::span<const int> fds, int flags) {
  iovec data{const_cast<char*>(bytes.data()), bytes.size()};  // NOLINT: sendmsg does not write through it
  msghdr message{};
  message.msg_iov = &data;
  message.msg_iovlen = 1;
  std::vector<char> control;
  if (!fds.empty()) {
    control.assign(CMSG_SPACE(fds.size_bytes()), 0);
    message.msg_control = control.data();
    message.msg_controllen = control.size();
    cmsghdr* header = CMSG_FIRSTHDR(&message);
    header->cmsg_level = SOL_SOCKET;
    header->cmsg_type = SCM_RIGHTS;
    header->cmsg_len = CMSG_LEN(fds.size_bytes());
    std::memcpy(CMSG_DATA(header), fds.data(), fds.size_bytes());
  }
  ssize_t sent = 0;
  do {
    sent = ::sendmsg(socket_fd, &message, flags | MSG_NOSIGNAL);
  } while (sent < 0 && errno == EINTR);
  return sent;
}

Received receive_with_fds(int socket_fd, std::span<char> buffer, std::size_t max_fds) {
  iovec data{buffer.data(), buffer.size()};
  msghdr message{};
  message.msg_iov = &data;
  message.msg_iovlen = 1;
  // CMSG_LEN rather than CMSG_SPACE: the kernel fits as many descriptors as the length
  // allows, and the padding of CMSG_SPACE could let one more through than we asked for.
  std::vector<char> control(CMSG_SPACE(max_fds * sizeof(int)), 0);
  if (max_fds > 0) {
    message.msg_control = control.data();
    message.msg_controllen = CMSG_LEN(max_fds * sizeof(int));
  }

  Received received;
  do {
    received.bytes = ::recvmsg(socket_fd, &message, MSG_DONTWAIT | MSG_CMSG_CLOEXEC);
  } while (received.bytes < 0 && errno == EINTR);
  if (received.bytes < 0) {
    received.error = errno;
    return received;
  }
  for (cmsghdr* header = CMSG_FIRSTHDR(&message); header != nullptr; header = CMSG_NXTHDR(&message, header)) {
    if (header->cmsg_level != SOL_SOCKET || header->cmsg_type != SCM_RIGHTS) continue;
    const std::size_t count = (header->cmsg_len - CMSG_LEN(0)) / sizeof(int);
    for (std::size_t i = 0; i < count; ++i) {
      int fd = -1;
      std::memcpy(&fd, CMSG_DATA(header) + i * sizeof(int), sizeof fd);
      received.fds.push_back(fd);
    }
  }
  received.fds_truncated = (message.msg_flags & MSG_CTRUNC) != 0;
  return received;
}

void close_all(std::span<const int> fds) {
  for (const int fd : fds) {
    if (fd >= 0) ::close(fd);
  }
}

}  // namespace tendon::control
