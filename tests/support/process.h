#pragma once
// Runs the project's real binaries from tests: argv in, exit code and output back.
#include <string>
#include <vector>

#include "temp_dir.h"  // most users of run_process need one

namespace tendon::testing {

struct ProcessResult {
  int exit_code = -1;  // 128 + signal when killed
  std::string out;
  std::string err;
};

// Runs argv[0] with the given arguments and extra "NAME=value" environment entries, waits
// for it, and collects stdout and stderr.
ProcessResult run_process(const std::vector<std::string>& argv, const std::vector<std::string>& extra_env = {});

}  // namespace tendon::testing
