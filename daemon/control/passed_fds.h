#pragma once
// The file descriptors a client passed (SCM_RIGHTS) along with one request line, e.g. the
// open file of `tendonctl import` so that a sandboxed daemon needs no access to the
// client's home folder. Owned here until a handler takes one; whatever no handler took is
// closed when the last reference goes.
#include <cstddef>
#include <vector>

namespace tendon::control {

class PassedFds {
 public:
  PassedFds() = default;
  explicit PassedFds(std::vector<int> fds) : fds_(std::move(fds)) {}
  ~PassedFds();
  PassedFds(const PassedFds&) = delete;
  PassedFds& operator=(const PassedFds&) = delete;

  std::size_t size() const { return fds_.size(); }
  // Hands the index-th descriptor over to the caller, who must close it; -1 when there is
  // no such descriptor or it was taken before.
  int take(std::size_t index);

 private:
  std::vector<int> fds_;  // -1 once taken
};

}  // namespace tendon::control
