#pragma once
// Exec importers: any program that reads a file's bytes on stdin and prints activities as
// JSON lines (the activity-log format, docs/activity-log.md) on stdout. They let a runner
// script a platform Tendon does not support yet, in any language, without the C ABI and
// without running inside the daemon.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plugin_types.h"

namespace tendon {

struct ExecImporterSpec {
  std::string id;                      // "my-platform", unique among all importers
  std::vector<std::string> argv;       // the program (absolute path) and its arguments
  std::vector<std::string> suffixes;   // ".myexport": exec importers are chosen by suffix only
  double timeout_s = 30;               // then its process group is killed
  std::size_t max_output_bytes = std::size_t{64} << 20;  // stdout beyond this: killed, error
  std::string description;
};

inline constexpr double kMaxExecTimeoutS = 24 * 3600.0;
inline constexpr std::size_t kMaxExecOutputBytes = std::size_t{1} << 30;

// Why the spec cannot be used, or nullopt: the id and suffixes follow the importer rules;
// the program must be an absolute path to an executable regular file that passes the same
// ownership and permission checks as a .so plugin (and so must its folder).
std::optional<std::string> exec_importer_spec_problem(const ExecImporterSpec& spec);

// Runs the program over one input: argv, then `file_name` as the last argument, the bytes
// on stdin. Non-zero exit, a signal, a timeout or too much output fail the import with the
// reason (and the program's last stderr line); the output's bad lines become warnings.
PluginImport run_exec_importer(const ExecImporterSpec& spec, const std::string& file_name, std::string_view bytes,
                               const PluginHostLimits& limits);

}  // namespace tendon
