#include "control/socket_file.h"

#include <grp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <utility>
#include <vector>

namespace tendon::control {
namespace {

std::runtime_error failure(const std::filesystem::path& path, const std::string& what, int error) {
  return std::runtime_error("control socket " + path.string() + ": " + what + ": " + std::strerror(error));
}

// Closes the fd unless released: bind_socket_file() has many ways out.
class FdGuard {
 public:
  explicit FdGuard(int fd) : fd_(fd) {}
  ~FdGuard() {
    if (fd_ >= 0) ::close(fd_);
  }
  FdGuard(const FdGuard&) = delete;
  FdGuard& operator=(const FdGuard&) = delete;
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

sockaddr_un address_of(const std::filesystem::path& path) {
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  const std::string text = path.string();
  if (text.size() >= sizeof address.sun_path) {
    throw std::runtime_error("control socket " + text + ": path longer than " +
                             std::to_string(sizeof address.sun_path - 1) + " bytes");
  }
  std::memcpy(address.sun_path, text.c_str(), text.size() + 1);
  return address;
}

// mkdir -p with mode 0700 for the folders it creates; existing ones are left as they are
// (/run/tendon comes from systemd's RuntimeDirectory= with the mode the unit chose).
void create_parent_folders(const std::filesystem::path& folder) {
  if (folder.empty() || std::filesystem::exists(folder)) return;
  create_parent_folders(folder.parent_path());
  if (::mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST) throw failure(folder, "cannot create folder", errno);
  ::chmod(folder.c_str(), 0700);  // mkdir's mode went through the umask
}

// True when a server accepts connections on `path`.
bool someone_listens(const sockaddr_un& address, const std::filesystem::path& path) {
  FdGuard probe(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (probe.get() < 0) throw failure(path, "socket", errno);
  // NOLINTNEXTLINE: the sockets API takes the generic address type
  if (::connect(probe.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0) return true;
  if (errno == ECONNREFUSED || errno == ENOENT) return false;
  if (errno == EAGAIN) return true;  // alive, only its backlog is full
  throw failure(path, "cannot tell whether another daemon listens", errno);
}

gid_t group_id(const std::string& name, const std::filesystem::path& path) {
  std::vector<char> buffer(16 * 1024);
  group entry{};
  group* found = nullptr;
  const int error = ::getgrnam_r(name.c_str(), &entry, buffer.data(), buffer.size(), &found);
  if (error != 0) throw failure(path, "cannot look up group '" + name + "'", error);
  if (found == nullptr) {
    throw std::runtime_error("control socket " + path.string() + ": group '" + name +
                             "' does not exist (create it, e.g. with systemd-sysusers)");
  }
  return entry.gr_gid;
}

}  // namespace

BoundSocket bind_socket_file(const SocketOptions& options) {
  const auto& path = options.path;
  const sockaddr_un address = address_of(path);
  create_parent_folders(path.parent_path());
  // Resolve the group before touching anything, so a missing group leaves no trace.
  const gid_t gid = options.group.empty() ? static_cast<gid_t>(-1) : group_id(options.group, path);

  struct stat existing {};
  if (::lstat(path.c_str(), &existing) == 0) {
    if (!S_ISSOCK(existing.st_mode)) {
      throw std::runtime_error("control socket " + path.string() + ": exists and is not a socket; not replacing it");
    }
    if (someone_listens(address, path)) {
      throw std::runtime_error("control socket " + path.string() + ": another daemon is already listening there");
    }
    // Left behind by a daemon that did not stop cleanly.
    if (::unlink(path.c_str()) != 0 && errno != ENOENT) throw failure(path, "cannot remove stale socket", errno);
  }

  FdGuard fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (fd.get() < 0) throw failure(path, "socket", errno);
  // NOLINTNEXTLINE: the sockets API takes the generic address type
  if (::bind(fd.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    throw failure(path, "cannot bind", errno);
  }
  // Until listen() nobody can connect, so setting group and mode after bind() opens no
  // window (and avoids umask(), which is per process and not thread-safe).
  const auto undo = [&](const std::string& what, int error) {
    ::unlink(path.c_str());
    return failure(path, what, error);
  };
  if (gid != static_cast<gid_t>(-1) && ::chown(path.c_str(), static_cast<uid_t>(-1), gid) != 0) {
    throw undo("cannot give it group '" + options.group + "'", errno);
  }
  if (::chmod(path.c_str(), options.mode) != 0) throw undo("cannot set its mode", errno);
  struct stat bound {};
  if (::stat(path.c_str(), &bound) != 0) throw undo("stat", errno);
  if (::listen(fd.get(), SOMAXCONN) != 0) throw undo("cannot listen", errno);
  return {fd.release(), {bound.st_dev, bound.st_ino}};
}

void remove_socket_file(const std::filesystem::path& path, const SocketFileIdentity& identity) {
  struct stat current {};
  if (::lstat(path.c_str(), &current) != 0) return;
  if (current.st_dev == identity.device && current.st_ino == identity.inode) ::unlink(path.c_str());
}

}  // namespace tendon::control
