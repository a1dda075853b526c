#pragma once
// Who may reach the control socket in each mode: the file's mode and group, and the tier
// each caller gets (docs/protocol.md, "Permissions").
//   user:   0600; the daemon's uid and root → admin; nobody else can even connect.
//   system: 0660, group "tendon"; the daemon's uid and root → admin, members of "tendon"
//           (primary or supplementary) → control; nobody else can connect.
#include <filesystem>

#include "control/permissions.h"
#include "control/socket_file.h"
#include "service_dirs.h"

namespace tendon {

struct SocketAccess {
  control::SocketOptions socket;  // path, mode, group (used when we bind it ourselves)
  control::PeerPolicy policy;
};

// Throws std::runtime_error in system mode when the group "tendon" does not exist.
SocketAccess socket_access(ServiceMode mode, const std::filesystem::path& path);

// System mode binding its own socket: the folder must let group members through, so a
// missing one is created 0755 (what RuntimeDirectory= makes), not the private 0700.
void create_shared_socket_folder(const std::filesystem::path& folder);

}  // namespace tendon
