#include "offline_channel.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace tendon::cli {

OfflineChannel::OfflineChannel(const std::optional<std::filesystem::path>& config_file)
    : service_(OfflineService::open(config_file)) {}

rapidjson::Document OfflineChannel::call(const std::string& method, const std::string& params_json, int fd) {
  // The service takes the descriptor over, the socket client does not: hand it a copy so
  // that callers close their own in both modes.
  int copy = -1;
  if (fd >= 0) {
    copy = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (copy < 0) throw std::runtime_error(std::string("cannot duplicate a file descriptor: ") + std::strerror(errno));
  }
  return service_->call(method, params_json, copy);
}

}  // namespace tendon::cli
