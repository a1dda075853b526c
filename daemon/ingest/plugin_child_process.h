#pragma once
// Runs a program for an exec importer: argv without a shell, `input` on its stdin, its
// stdout collected up to a limit and the tail of its stderr kept for messages. The program
// runs in its own process group, which is killed on a timeout or an overflow, so nothing
// it started outlives the import; it is always reaped (no zombie), and every descriptor of
// ours is O_CLOEXEC (no leak into it or into other children).
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tendon {

struct ChildProcessLimits {
  std::chrono::milliseconds timeout{30'000};
  std::size_t max_stdout_bytes = std::size_t{64} << 20;
  std::size_t stderr_tail_bytes = 4096;
};

struct ChildProcessResult {
  std::string start_error;          // non-empty: the program could not be started
  bool timed_out = false;           // killed at the deadline
  bool stdout_overflow = false;     // killed for printing more than max_stdout_bytes
  std::optional<int> exit_status;   // set when it exited by itself
  int signal = 0;                   // the signal that ended it, when one did
  std::string out;                  // stdout (at most max_stdout_bytes)
  std::string err_tail;             // the last stderr_tail_bytes of stderr
};

// Starts argv[0] (an absolute path; no PATH lookup, no shell) with argv[1..] and waits for
// it within the limits. The program may ignore stdin: input is written without blocking
// and abandoned when the program closes its end or exits.
ChildProcessResult run_child_process(const std::vector<std::string>& argv, std::string_view input,
                                     const ChildProcessLimits& limits);

}  // namespace tendon
