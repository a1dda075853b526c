#pragma once
// Where a user's tendond listens when no --socket is given.
#include <filesystem>
#include <string>

namespace tendon {

struct SocketPlace {
  std::filesystem::path path;
  // Non-empty when the usual place was not available and why another was taken: for the log.
  std::string note;
};

// $XDG_RUNTIME_DIR/tendon/tendond.sock; without XDG_RUNTIME_DIR (no login session, e.g. a
// cron job or ssh without pam_systemd) /tmp/tendon-$UID/tendond.sock, whose folder
// bind_socket_file() creates 0700.
SocketPlace user_socket_place();

}  // namespace tendon
