#include "socket_access.h"

#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <vector>

#include <tendon/protocol.h>

namespace tendon {

namespace {

gid_t system_group_id() {
  std::vector<char> buffer(16 * 1024);
  group entry{};
  group* found = nullptr;
  const int error = ::getgrnam_r(TENDON_SOCKET_GROUP, &entry, buffer.data(), buffer.size(), &found);
  if (error != 0) {
    throw std::runtime_error(std::string("system mode: cannot look up group '" TENDON_SOCKET_GROUP "': ") +
                             std::strerror(error));
  }
  if (found == nullptr) {
    throw std::runtime_error("system mode: group '" TENDON_SOCKET_GROUP
                             "' does not exist (create it with systemd-sysusers, see docs/daemon.md)");
  }
  return entry.gr_gid;
}

}  // namespace

SocketAccess socket_access(ServiceMode mode, const std::filesystem::path& path) {
  SocketAccess access;
  access.socket.path = path;
  access.policy.owner_uid = ::geteuid();
  access.policy.root_is_admin = true;
  if (mode == ServiceMode::system) {
    access.socket.mode = 0660;
    access.socket.group = TENDON_SOCKET_GROUP;
    access.policy.control_gids = {system_group_id()};
  } else {
    access.socket.mode = 0600;
  }
  return access;
}

void create_shared_socket_folder(const std::filesystem::path& folder) {
  if (folder.empty() || std::filesystem::exists(folder)) return;
  create_shared_socket_folder(folder.parent_path());
  if (::mkdir(folder.c_str(), 0755) != 0 && errno != EEXIST) {
    throw std::runtime_error("control socket folder " + folder.string() + ": cannot create it: " +
                             std::strerror(errno));
  }
  ::chmod(folder.c_str(), 0755);  // mkdir's mode went through the umask
}

}  // namespace tendon
