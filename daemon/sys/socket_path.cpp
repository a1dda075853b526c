#include "socket_path.h"

#include <unistd.h>

#include <cstdlib>

#include <tendon/protocol.h>

namespace tendon {

SocketPlace user_socket_place() {
  const char* runtime = std::getenv("XDG_RUNTIME_DIR");
  if (runtime != nullptr && *runtime != '\0') {
    return {std::filesystem::path(runtime) / TENDON_SOCKET_DIR_NAME / TENDON_SOCKET_FILE_NAME, ""};
  }
  const std::filesystem::path fallback = std::filesystem::path("/tmp") / ("tendon-" + std::to_string(::geteuid())) /
                                         TENDON_SOCKET_FILE_NAME;
  return {fallback, "XDG_RUNTIME_DIR is not set, using " + fallback.string()};
}

}  // namespace tendon
