#pragma once
// Sending and receiving bytes with file descriptors attached (SCM_RIGHTS) on a Unix stream
// socket: one sendmsg / one recvmsg each, shared by the server's sessions and the client.
#include <sys/types.h>

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace tendon::control {

// One sendmsg of (a prefix of) `bytes` with `fds` attached; `flags` as for send()
// (MSG_NOSIGNAL is always added). Returns how many bytes went, or -1 with errno set. The
// descriptors go with the first byte sent, so a caller sending the rest later sends it
// without them. The caller keeps its descriptors (the receiver gets duplicates).
ssize_t send_with_fds(int socket_fd, std::string_view bytes, std::span<const int> fds, int flags = 0);

struct Received {
  // Bytes read; 0 at end of stream; -1 with `error` (an errno value) set.
  ssize_t bytes = 0;
  int error = 0;
  // The descriptors that came along (close-on-exec), now owned by the caller.
  std::vector<int> fds;
  // The kernel had more descriptors than room for them (MSG_CTRUNC): those it could not
  // deliver are lost, the ones in `fds` are still the caller's to close.
  bool fds_truncated = false;
};

// One non-blocking recvmsg into `buffer` with room for `max_fds` descriptors, always with
// MSG_CMSG_CLOEXEC so that no descriptor leaks into a child process.
Received receive_with_fds(int socket_fd, std::span<char> buffer, std::size_t max_fds);

// Closes each of `fds` (errors ignored: nothing useful can be done about them).
void close_all(std::span<const int> fds);

}  // namespace tendon::control
