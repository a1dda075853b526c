#include "service_dirs.h"

#include <cstdlib>

#include <tendon/protocol.h>

#include "config/paths.h"

namespace tendon {

namespace {

// What systemd (or the administrator) set stays; unset or empty gets the system folder.
void default_env(const char* name, const char* value) {
  if (!config_detail::env(name)) ::setenv(name, value, 1);
}

}  // namespace

void use_system_directories() {
  default_env("STATE_DIRECTORY", kSystemStateDirectory);
  default_env("CONFIGURATION_DIRECTORY", kSystemConfigurationDirectory);
}

std::optional<std::filesystem::path> runtime_directory() { return config_detail::systemd_dir("RUNTIME_DIRECTORY"); }

SocketPlace control_socket_place(ServiceMode mode, const std::optional<std::filesystem::path>& explicit_path) {
  if (explicit_path) return {*explicit_path, ""};
  if (auto dir = runtime_directory()) return {*dir / TENDON_SOCKET_FILE_NAME, ""};
  if (mode == ServiceMode::system) return {TENDON_SYSTEM_SOCKET_PATH, ""};
  return user_socket_place();
}

}  // namespace tendon
