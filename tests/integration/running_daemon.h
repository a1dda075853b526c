#pragma once
// The real tendond started in the background for integration tests: stdout and stderr go to a
// log file the test reads; conditions are polled with a deadline, never slept on.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "binaries.h"
#include "support/temp_dir.h"

namespace tendon::testing {

// True as soon as `condition` holds, false when it still does not after `limit`
// (checked every 50 ms).
inline bool eventually(const std::function<bool()>& condition,
                       std::chrono::milliseconds limit = std::chrono::seconds(10)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!condition()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return true;
}

class RunningDaemon {
 public:
  // `prepare_child` runs in the child just before exec (more environment, descriptors to
  // pass): what systemd would set up for a service.
  RunningDaemon(const TempDir& dir, std::vector<std::string> args, const std::function<void()>& prepare_child = {})
      : log_(dir / "tendond.log") {
    // Emptied before the fork, not in the child: a daemon started again in the same folder
    // must not be found "ready" in the log of the one before it.
    std::ofstream(log_, std::ios::trunc);
    pid_ = fork();
    if (pid_ == 0) {
      const int fd = ::open(log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      dup2(fd, 1);
      dup2(fd, 2);
      const std::string home = "HOME=" + dir.path().string(), data = "XDG_DATA_HOME=" + dir / "data",
                        conf = "XDG_CONFIG_HOME=" + dir / "config", user = "USER=tester",
                        // Each daemon its own default socket: tests running side by side
                        // must not find each other's (or the user's real) tendond there.
                        runtime = "XDG_RUNTIME_DIR=" + dir / "run";
      putenv(const_cast<char*>(home.c_str()));
      putenv(const_cast<char*>(data.c_str()));
      putenv(const_cast<char*>(conf.c_str()));
      putenv(const_cast<char*>(user.c_str()));
      putenv(const_cast<char*>(runtime.c_str()));
      if (prepare_child) prepare_child();
      std::vector<char*> argv{const_cast<char*>(tendond_path())};
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
  }
  ~RunningDaemon() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  RunningDaemon(const RunningDaemon&) = delete;
  RunningDaemon& operator=(const RunningDaemon&) = delete;

  bool wait_for(const std::string& text) const {
    return eventually([&] { return log().find(text) != std::string::npos; });
  }
  std::string log() const {
    std::ifstream in(log_);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  void signal(int signo) const { kill(pid_, signo); }
  // The daemon's process id (for /proc/<pid>/status in the benchmark).
  pid_t pid() const { return pid_; }
  // The exit code (128 + signal when killed).
  int wait_exit() {
    int status = 0;
    waitpid(pid_, &status, 0);
    exited_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

 private:
  std::string log_;
  pid_t pid_ = -1;
  bool exited_ = false;
};

}  // namespace tendon::testing
