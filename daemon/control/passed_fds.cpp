#include "control/passed_fds.h"

#include <unistd.h>

namespace tendon::control {

PassedFds::~PassedFds() {
  for (const int fd : fds_) {
    if (fd >= 0) ::close(fd);
  }
}

int PassedFds::take(std::size_t index) {
  if (index >= fds_.size()) return -1;
  const int fd = fds_[index];
  fds_[index] = -1;
  return fd;
}

}  // namespace tendon::control
