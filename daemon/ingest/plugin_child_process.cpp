#include "plugin_child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>

extern char** environ;

namespace tendon {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kChunkBytes = 64 * 1024;

class FileDescriptor {
 public:
  FileDescriptor() = default;
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() { reset(); }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }
  bool is_open() const { return fd_ >= 0; }
  void reset(int fd = -1) {
    if (fd_ >= 0) close(fd_);
    fd_ = fd;
  }

 private:
  int fd_ = -1;
};

struct Pipe {
  FileDescriptor read_end;
  FileDescriptor write_end;
};

// Both ends close-on-exec, and above 2: when the daemon runs with a standard descriptor
// closed, a pipe end could otherwise land on 0..2 and be clobbered by the child's dup2s.
bool make_pipe(Pipe& p) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return false;
  for (int& fd : fds) {
    if (fd <= STDERR_FILENO) {
      const int moved = fcntl(fd, F_DUPFD_CLOEXEC, STDERR_FILENO + 1);
      close(fd);
      fd = moved;
    }
  }
  p.read_end.reset(fds[0]);
  p.write_end.reset(fds[1]);
  return p.read_end.is_open() && p.write_end.is_open();
}

void set_non_blocking(int fd) { fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); }

// Writing to a pipe whose reader has gone raises SIGPIPE, which would end the daemon. The
// signal is blocked in this thread while we write (the write then fails with EPIPE), and
// one that became pending meanwhile is consumed before the mask is restored.
class SigpipeSuppressed {
 public:
  SigpipeSuppressed() {
    sigemptyset(&sigpipe_);
    sigaddset(&sigpipe_, SIGPIPE);
    sigset_t pending;
    sigpending(&pending);
    was_pending_ = sigismember(&pending, SIGPIPE) == 1;
    pthread_sigmask(SIG_BLOCK, &sigpipe_, &old_mask_);
  }
  ~SigpipeSuppressed() {
    sigset_t pending;
    sigpending(&pending);
    if (!was_pending_ && sigismember(&pending, SIGPIPE) == 1) {
      const timespec no_wait{0, 0};
      sigtimedwait(&sigpipe_, nullptr, &no_wait);
    }
    pthread_sigmask(SIG_SETMASK, &old_mask_, nullptr);
  }
  SigpipeSuppressed(const SigpipeSuppressed&) = delete;
  SigpipeSuppressed& operator=(const SigpipeSuppressed&) = delete;

 private:
  sigset_t sigpipe_;
  sigset_t old_mask_;
  bool was_pending_ = false;
};

// posix_spawn with the three pipes as stdin/stdout/stderr, a process group of its own
// (so that a timeout can kill everything it started) and default signal handling (the
// daemon's ignored signals and blocked mask are not the program's business).
int spawn(const std::vector<std::string>& argv, int in_fd, int out_fd, int err_fd, pid_t& pid) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_fd, STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out_fd, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_fd, STDERR_FILENO);
  // Ours are all O_CLOEXEC; this also keeps out what a library of the daemon may have
  // opened without it.
  posix_spawn_file_actions_addclosefrom_np(&actions, STDERR_FILENO + 1);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  posix_spawnattr_setpgroup(&attributes, 0);
  sigset_t empty;
  sigemptyset(&empty);
  posix_spawnattr_setsigmask(&attributes, &empty);
  sigset_t defaults;
  sigemptyset(&defaults);
  for (int sig : {SIGPIPE, SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGCHLD, SIGUSR1, SIGUSR2}) sigaddset(&defaults, sig);
  posix_spawnattr_setsigdefault(&attributes, &defaults);

  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  const int error = posix_spawn(&pid, args[0], &actions, &attributes, args.data(), environ);
  posix_spawnattr_destroy(&attributes);
  posix_spawn_file_actions_destroy(&actions);
  return error;
}

int milliseconds_until(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return static_cast<int>(std::clamp<decltype(left)>(left, 0, INT_MAX));
}

bool has_exited(pid_t pid) {
  siginfo_t info{};
  // WNOWAIT: look without reaping, so that the pid (and with it the process group id)
  // stays reserved until the group has been killed.
  return waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid;
}

// Moves the three streams until stdout and stderr are closed, the deadline passes or
// stdout overflows.
void pump(FileDescriptor& in, FileDescriptor& out, FileDescriptor& err, std::string_view input,
          const ChildProcessLimits& limits, Clock::time_point deadline, ChildProcessResult& result) {
  std::size_t written = 0;
  if (input.empty()) in.reset();
  char buffer[kChunkBytes];
  while (out.is_open() || err.is_open()) {
    pollfd fds[3];
    nfds_t count = 0;
    const auto watch = [&](FileDescriptor& fd, short events) {
      if (fd.is_open()) fds[count++] = pollfd{fd.get(), events, 0};
    };
    watch(in, POLLOUT);
    watch(out, POLLIN);
    watch(err, POLLIN);
    const int wait_ms = milliseconds_until(deadline);
    if (wait_ms == 0) {
      result.timed_out = true;
      return;
    }
    if (poll(fds, count, wait_ms) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    for (nfds_t i = 0; i < count; ++i) {
      if (fds[i].revents == 0) continue;
      if (fds[i].fd == in.get()) {
        const std::size_t size = std::min(kChunkBytes, input.size() - written);
        const ssize_t n = write(in.get(), input.data() + written, size);
        if (n > 0) written += static_cast<std::size_t>(n);
        // EPIPE: the program closed stdin without reading all of it; that is its choice.
        if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == input.size()) in.reset();
        continue;
      }
      const bool is_out = fds[i].fd == out.get();
      const ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
      if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
      if (n <= 0) {
        (is_out ? out : err).reset();
        continue;
      }
      const auto size = static_cast<std::size_t>(n);
      if (is_out) {
        if (result.out.size() + size > limits.max_stdout_bytes) {
          result.stdout_overflow = true;
          return;
        }
        result.out.append(buffer, size);
      } else {
        result.err_tail.append(buffer, size);
        // Trim only now and then, so that a chatty program costs linear time.
        if (result.err_tail.size() > 2 * limits.stderr_tail_bytes) {
          result.err_tail.erase(0, result.err_tail.size() - limits.stderr_tail_bytes);
        }
      }
    }
  }
}

}  // namespace

ChildProcessResult run_child_process(const std::vector<std::string>& argv, std::string_view input,
                                     const ChildProcessLimits& limits) {
  ChildProcessResult result;
  if (argv.empty()) {
    result.start_error = "no program given";
    return result;
  }
  Pipe in, out, err;
  if (!make_pipe(in) || !make_pipe(out) || !make_pipe(err)) {
    result.start_error = std::string("cannot create pipes: ") + std::strerror(errno);
    return result;
  }
  SigpipeSuppressed no_sigpipe;
  const auto deadline = Clock::now() + limits.timeout;
  pid_t pid = -1;
  if (const int error = spawn(argv, in.read_end.get(), out.write_end.get(), err.write_end.get(), pid); error != 0) {
    result.start_error = "cannot start " + argv[0] + ": " + std::strerror(error);
    return result;
  }
  // Our copies of the child's ends must go, or we would never see end-of-file.
  in.read_end.reset();
  out.write_end.reset();
  err.write_end.reset();
  set_non_blocking(in.write_end.get());
  set_non_blocking(out.read_end.get());
  set_non_blocking(err.read_end.get());

  pump(in.write_end, out.read_end, err.read_end, input, limits, deadline, result);
  in.write_end.reset();  // end of input, for a program still reading it
  // The streams are closed; the program may still be running.
  while (!result.timed_out && !result.stdout_overflow && !has_exited(pid)) {
    if (milliseconds_until(deadline) == 0) {
      result.timed_out = true;
      break;
    }
    poll(nullptr, 0, 10);
  }
  // The whole group: a killed program's children, and whatever a finished one left behind.
  kill(-pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && !result.timed_out && !result.stdout_overflow) result.exit_status = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  if (result.err_tail.size() > limits.stderr_tail_bytes) {
    result.err_tail.erase(0, result.err_tail.size() - limits.stderr_tail_bytes);
  }
  return result;
}

}  // namespace tendon
