#pragma once
// A program left running while a test goes on (`tendonctl watch --desktop`, `tendonctl sync
// login` waiting for its browser): stdout and stderr go to a log file the test reads as
// it runs. Stopped with SIGTERM when the test is done with it, unless it ended by itself.
#include <string>
#include <vector>

#include <sys/types.h>

namespace tendon::testing {

class BackgroundProcess {
 public:
  // argv[0] is the program's path; `extra_env` holds "NAME=value" entries added to (or
  // replacing) the test's own environment.
  BackgroundProcess(const std::vector<std::string>& argv, const std::vector<std::string>& extra_env, std::string log);
  ~BackgroundProcess();
  BackgroundProcess(const BackgroundProcess&) = delete;
  BackgroundProcess& operator=(const BackgroundProcess&) = delete;

  // Everything it wrote so far.
  std::string output() const;
  // Waits for it to end by itself: its exit code (128 + signal when killed).
  int wait_exit();

 private:
  std::string log_;
  pid_t pid_ = -1;
  bool reaped_ = false;
};

}  // namespace tendon::testing
