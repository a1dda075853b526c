#pragma once
// The socket file on disk: binding it safely and removing it only when it is still ours.
#include <sys/types.h>

#include <filesystem>
#include <string>

namespace tendon::control {

struct SocketOptions {
  std::filesystem::path path;
  // 0600 for a user's daemon; 0660 with group "tendon" for the system daemon.
  mode_t mode = 0600;
  // Empty: leave the group as bind() made it. Otherwise a group name that must exist.
  std::string group;
};

// Which file we created, so that stop() never removes a socket a newer daemon bound since.
struct SocketFileIdentity {
  dev_t device = 0;
  ino_t inode = 0;
};

struct BoundSocket {
  int fd = -1;  // listening
  SocketFileIdentity identity;
};

// Creates the parent folder (0700) when missing; replaces a stale socket file (one nobody
// answers on); refuses, with a message naming the path, when a server is listening there or
// the path is something other than a socket; binds, sets group and mode, and listens.
// Throws std::runtime_error.
BoundSocket bind_socket_file(const SocketOptions& options);

// Removes `path` if it is still the file `identity` describes.
void remove_socket_file(const std::filesystem::path& path, const SocketFileIdentity& identity);

}  // namespace tendon::control
