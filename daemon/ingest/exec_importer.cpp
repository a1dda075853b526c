#include "exec_importer.h"

#include <sys/stat.h>

#include <cmath>
#include <cstring>

#include "activity_log/activity_log.h"
#include "plugin_activity_checks.h"
#include "plugin_activity_conversion.h"
#include "plugin_child_process.h"
#include "plugin_descriptor.h"
#include "plugin_file_trust.h"
#include "plugin_import_session.h"
#include "plugin_text.h"

namespace tendon {

namespace {

std::optional<std::string> program_problem(const std::string& program) {
  if (program.empty() || program.front() != '/') return "program '" + program + "' is not an absolute path";
  if (auto reason = untrusted_file_reason(program)) return "program " + program + " " + *reason;
  std::error_code ec;
  const auto resolved = std::filesystem::canonical(program, ec);
  if (ec) return "program " + program + " cannot be resolved: " + ec.message();
  if (auto reason = untrusted_folder_reason(resolved.parent_path())) {
    return "program " + program + ": " + resolved.parent_path().string() + " " + *reason;
  }
  struct stat st {};
  if (stat(resolved.c_str(), &st) != 0 || (st.st_mode & (S_IXUSR | S_IXGRP | S_IXOTH)) == 0) {
    return "program " + program + " is not executable";
  }
  return std::nullopt;
}

// The line a failing program most likely explains itself in: its last non-blank stderr line.
std::string last_line(std::string_view text) {
  while (!text.empty()) {
    const auto end = text.find_last_not_of(" \t\r\n");
    if (end == std::string_view::npos) return "";
    text = text.substr(0, end + 1);
    const auto start = text.find_last_of('\n');
    const std::string line = one_line(start == std::string_view::npos ? text : text.substr(start + 1), 300);
    if (!line.empty()) return line;
    text = start == std::string_view::npos ? std::string_view() : text.substr(0, start);
  }
  return "";
}

std::string with_stderr(std::string message, const std::string& err_tail) {
  const std::string line = last_line(err_tail);
  return line.empty() ? message : message + ": " + line;
}

PluginImport failure(const ExecImporterSpec& spec, tendon_status status, std::string error) {
  PluginImport out;
  out.importer_id = spec.id;
  out.status = status;
  out.error = std::move(error);
  return out;
}

// The program's stdout, read as activity-log JSON lines and checked like any importer's.
PluginImport read_output(const ExecImporterSpec& spec, const std::string& output, const PluginHostLimits& limits) {
  LogParseResult parsed = parse_activity_log(output, LogFormat::json_lines);
  if (parsed.fatal) {
    return failure(spec, TENDON_ERR_FORMAT,
                   "its output is not activity JSON lines: " +
                       (parsed.problems.empty() ? std::string("unreadable") : parsed.problems.front().reason));
  }
  if (parsed.activities.size() > limits.max_activities) {
    return failure(spec, TENDON_ERR_LIMIT,
                   "more than " + std::to_string(limits.max_activities) + " activities in one file");
  }
  PluginImport out;
  out.importer_id = spec.id;
  BoundedWarnings warnings(limits.max_warnings);
  for (const auto& problem : parsed.problems) {
    warnings.add(problem.line ? "output line " + std::to_string(problem.line) + ": " + problem.reason
                              : "output: " + problem.reason);
  }
  std::size_t number = 0;
  for (auto& activity : parsed.activities) {
    ++number;
    activity.source_kind = source_kind_for_importer(spec.id);
    if (auto problem = activity_problem(activity)) {
      warnings.add("activity " + std::to_string(number) + " dropped: " + *problem);
      continue;
    }
    out.activities.push_back(std::move(activity));
    out.sample_counts.push_back(0);
  }
  if (parsed.activities.empty() && parsed.problems.empty()) warnings.add("the program printed no activity");
  out.warnings = warnings.take();
  return out;
}

}  // namespace

std::optional<std::string> exec_importer_spec_problem(const ExecImporterSpec& spec) {
  if (auto p = id_problem(spec.id)) return "id '" + one_line(spec.id, 80) + "' " + *p;
  if (spec.argv.empty()) return "no program given";
  if (spec.suffixes.empty()) return "declares no suffix (an exec importer is chosen by suffix only)";
  for (const auto& suffix : spec.suffixes) {
    if (auto p = suffix_problem(suffix)) return "suffix '" + one_line(suffix, 40) + "' " + *p;
  }
  if (!(spec.timeout_s > 0 && spec.timeout_s <= kMaxExecTimeoutS)) {
    return "timeout_s " + format_seconds(spec.timeout_s) + " is outside (0, " + format_seconds(kMaxExecTimeoutS) + "]";
  }
  if (spec.max_output_bytes == 0 || spec.max_output_bytes > kMaxExecOutputBytes) {
    return "max_output_bytes " + std::to_string(spec.max_output_bytes) + " is outside 1.." +
           std::to_string(kMaxExecOutputBytes);
  }
  return program_problem(spec.argv.front());
}

PluginImport run_exec_importer(const ExecImporterSpec& spec, const std::string& file_name, std::string_view bytes,
                               const PluginHostLimits& limits) {
  std::vector<std::string> argv = spec.argv;
  argv.push_back(file_name);
  ChildProcessLimits child_limits;
  child_limits.timeout = std::chrono::milliseconds(static_cast<long long>(std::ceil(spec.timeout_s * 1000)));
  child_limits.max_stdout_bytes = spec.max_output_bytes;
  const ChildProcessResult run = run_child_process(argv, bytes, child_limits);

  if (!run.start_error.empty()) return failure(spec, TENDON_ERR_INTERNAL, run.start_error);
  if (run.timed_out) return failure(spec, TENDON_ERR_LIMIT, "timed out after " + format_seconds(spec.timeout_s) + " s");
  if (run.stdout_overflow) {
    return failure(spec, TENDON_ERR_LIMIT, "printed more than " + std::to_string(spec.max_output_bytes) + " bytes");
  }
  if (!run.exit_status) {
    return failure(spec, TENDON_ERR_INTERNAL,
                   with_stderr("killed by signal " + std::to_string(run.signal) + " (" + strsignal(run.signal) + ")",
                               run.err_tail));
  }
  if (*run.exit_status != 0) {
    return failure(spec, TENDON_ERR_FORMAT,
                   with_stderr("exited with status " + std::to_string(*run.exit_status), run.err_tail));
  }
  return read_output(spec, run.out, limits);
}

}  // namespace tendon
