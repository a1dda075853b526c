#pragma once
// Socket activation: the listening socket systemd created from tendond.socket and passed to
// us ($LISTEN_FDS / $LISTEN_PID, descriptors from 3 on).
#include <filesystem>
#include <optional>

namespace tendon::systemd {

struct ActivationSocket {
  int fd = -1;                  // listening AF_UNIX stream socket, close-on-exec
  std::filesystem::path path;   // the address it is bound to, for the log ("" when unnamed)
};

// The socket systemd passed, or nullopt when it passed none (started by hand, or by a
// service without a socket unit). Clears $LISTEN_FDS so children do not see it. Throws
// std::runtime_error naming the reason when systemd passed more than one descriptor or one
// that is not a listening Unix stream socket.
std::optional<ActivationSocket> take_activation_socket();

}  // namespace tendon::systemd
