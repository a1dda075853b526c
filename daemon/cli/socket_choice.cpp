#include "socket_choice.h"

#include <cstdlib>

#include <tendon/protocol.h>

#include "sys/socket_path.h"

namespace tendon::cli {

namespace {

bool is_there(const std::filesystem::path& path) {
  std::error_code ignored;
  return std::filesystem::exists(path, ignored);
}

}  // namespace

std::filesystem::path socket_to_use(const std::optional<std::string>& socket_option) {
  if (socket_option) return *socket_option;
  if (const char* env = std::getenv("TENDON_SOCKET"); env != nullptr && *env != '\0') return env;
  const std::filesystem::path user = user_socket_place().path;
  if (is_there(user)) return user;
  const std::filesystem::path system = TENDON_SYSTEM_SOCKET_PATH;
  if (is_there(system)) return system;
  return user;
}

}  // namespace tendon::cli
