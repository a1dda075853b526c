#pragma once
// Where the daemon keeps things when systemd runs it: $STATE_DIRECTORY (StateDirectory=:
// database, plugins), $CONFIGURATION_DIRECTORY (ConfigurationDirectory=: tendon.toml) and
// $RUNTIME_DIRECTORY (RuntimeDirectory=: the control socket). Without them, the XDG places
// of the user (user mode) or the system's fixed ones (system mode).
#include <filesystem>
#include <optional>

#include "socket_path.h"

namespace tendon {

// user: one runner's daemon in their session. system: a shared daemon (a coach's server)
// run as its own user, with a socket the group "tendon" may use.
enum class ServiceMode { user, system };

// The state, configuration and runtime folders of `tendond --system`, as the system unit
// names them (StateDirectory=tendon and so on).
inline constexpr const char* kSystemStateDirectory = "/var/lib/tendon";
inline constexpr const char* kSystemConfigurationDirectory = "/etc/tendon";

// System mode started by hand: sets $STATE_DIRECTORY and $CONFIGURATION_DIRECTORY to the
// system folders when they are unset, so the config's defaults (database, plugin folder,
// config file) land where the system unit would put them. Call before loading the config
// and before any thread starts (setenv).
void use_system_directories();

// The first folder in $RUNTIME_DIRECTORY; nullopt when unset, empty or relative.
std::optional<std::filesystem::path> runtime_directory();

// Where to bind: `explicit_path` (--socket) when given; else $RUNTIME_DIRECTORY/tendond.sock;
// else /run/tendon/tendond.sock (system) or user_socket_place() (user).
SocketPlace control_socket_place(ServiceMode mode, const std::optional<std::filesystem::path>& explicit_path);

}  // namespace tendon
