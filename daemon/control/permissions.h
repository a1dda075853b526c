#pragma once
// Who is calling, and what they may do. The kernel tells us the peer's uid/gid/pid
// (SO_PEERCRED) at connect; a policy turns that into a tier, or refuses the peer.
#include <sys/types.h>
#include <unistd.h>

#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace tendon::control {

// Ordered: a higher tier may call everything a lower one may.
enum class Tier { read = 0, control = 1, admin = 2 };

std::string_view tier_name(Tier tier);
inline bool allows(Tier caller, Tier needed) { return static_cast<int>(caller) >= static_cast<int>(needed); }

struct PeerCredentials {
  pid_t pid = 0;
  uid_t uid = 0;
  gid_t gid = 0;
};

// Throws std::system_error when the kernel does not say (not a Unix socket).
PeerCredentials read_peer_credentials(int socket_fd);

// The tier a peer gets, or nullopt to refuse it at connect.
using TierDecider = std::function<std::optional<Tier>(const PeerCredentials&)>;

// The daemon's policy: its own uid (and root) → admin; members of the control groups
// (primary or supplementary, looked up with getgrouplist) → control; the listed read-only
// uids / gids → read; anyone else is refused. In user mode the socket is 0600, so only the
// owner (and root) get this far anyway; the policy matters for the 0660 system socket.
struct PeerPolicy {
  uid_t owner_uid = ::getuid();
  bool root_is_admin = true;
  std::vector<gid_t> control_gids;
  std::vector<uid_t> read_uids;
  std::vector<gid_t> read_gids;

  std::optional<Tier> operator()(const PeerCredentials& peer) const;
};

// The peer's primary group and, when the uid has a passwd entry, its supplementary groups.
std::vector<gid_t> groups_of(const PeerCredentials& peer);

}  // namespace tendon::control
