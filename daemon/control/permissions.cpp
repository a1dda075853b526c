#include "control/permissions.h"

#include <grp.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <system_error>

namespace tendon::control {

std::string_view tier_name(Tier tier) {
  switch (tier) {
    case Tier::read:
      return "read";
    case Tier::control:
      return "control";
    case Tier::admin:
      return "admin";
  }
  return "admin";
}

PeerCredentials read_peer_credentials(int socket_fd) {
  ucred cred{};
  socklen_t length = sizeof cred;
  if (::getsockopt(socket_fd, SOL_SOCKET, SO_PEERCRED, &cred, &length) != 0) {
    throw std::system_error(errno, std::generic_category(), "SO_PEERCRED");
  }
  return {cred.pid, cred.uid, cred.gid};
}

std::vector<gid_t> groups_of(const PeerCredentials& peer) {
  std::vector<gid_t> groups{peer.gid};
  // The peer's own process may have dropped or gained groups since login; the passwd
  // database is the best we know without reading /proc of another user's process.
  std::vector<char> buffer(16 * 1024);
  passwd entry{};
  passwd* found = nullptr;
  if (::getpwuid_r(peer.uid, &entry, buffer.data(), buffer.size(), &found) != 0 || found == nullptr) return groups;
  int count = 64;
  std::vector<gid_t> listed(static_cast<std::size_t>(count));
  while (::getgrouplist(entry.pw_name, entry.pw_gid, listed.data(), &count) < 0) {
    listed.resize(static_cast<std::size_t>(count) * 2);  // count now says how many there are
    count = static_cast<int>(listed.size());
  }
  groups.insert(groups.end(), listed.begin(), listed.begin() + count);
  return groups;
}

std::optional<Tier> PeerPolicy::operator()(const PeerCredentials& peer) const {
  if (peer.uid == owner_uid || (root_is_admin && peer.uid == 0)) return Tier::admin;
  const auto contains = [](const auto& list, auto value) {
    return std::find(list.begin(), list.end(), value) != list.end();
  };
  // Only look the groups up when a group can make a difference.
  std::vector<gid_t> groups;
  if (!control_gids.empty() || !read_gids.empty()) groups = groups_of(peer);
  for (gid_t gid : groups) {
    if (contains(control_gids, gid)) return Tier::control;
  }
  if (contains(read_uids, peer.uid)) return Tier::read;
  for (gid_t gid : groups) {
    if (contains(read_gids, gid)) return Tier::read;
  }
  return std::nullopt;
}

}  // namespace tendon::control
