#pragma once
// The plugin host: every importer, built in or loaded from a tendon-*.so, is reached
// through the C ABI of include/tendon/plugin.h. The host validates descriptors (ABI
// major/minor, struct sizes, required functions), calls plugins behind a try/catch wall,
// picks the importer for a file (suffix, then content probe) and turns what a plugin
// emits into tendon::Activity values. Exec importers (programs printing activity JSON
// lines, exec_importer.h) are chosen by suffix like any other importer.
//
// Threads: import() may run on several threads at once. A plugin without
// TENDON_PLUGIN_THREAD_SAFE gets one call at a time (probe and import share a lock per
// plugin). Registration (add, load_*, add_exec_importer) may run alongside imports.
//
// A plugin that throws (or lets an exception escape init, probe or import) is a broken
// plugin: at init it is refused; later, the import fails with "plugin <id> threw an
// exception" and the whole plugin is disabled (none of its importers is chosen again
// until the daemon restarts; its shutdown is still called).
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/activity.h"
#include "exec_importer.h"
#include "plugin_types.h"  // PluginProblem, ImporterInfo, PluginImport, PluginHostLimits, PluginLogSink
#include "tendon/plugin.h"

namespace tendon {

class PluginHost {
 public:
  PluginHost();  // logs to stderr, default limits
  // `log` receives plugin log lines and the host's notes about plugins (thread-safe sink).
  explicit PluginHost(PluginLogSink log, PluginHostLimits limits = {});
  ~PluginHost();  // shuts plugins down, then dlclose()s the loaded ones
  PluginHost(const PluginHost&) = delete;
  PluginHost& operator=(const PluginHost&) = delete;

  // Registers a descriptor (a built-in's, or one a loader found). Validates it, calls its
  // init. Returns the problem when refused; the host then keeps no trace of it.
  std::optional<PluginProblem> add(const tendon_plugin* plugin, const std::string& origin);

  // Loads every tendon-*.so in `folder` (not recursive). The folder and each file must be
  // owned by the daemon's user or root and not writable by group or others; files that
  // fail a check, dlopen(RTLD_NOW | RTLD_LOCAL), the entry symbol or validation are
  // refused with their path and reason. A missing folder is not a problem.
  std::vector<PluginProblem> load_folder(const std::filesystem::path& folder);
  // One tendon-*.so file, with the same checks (its folder included).
  std::optional<PluginProblem> load_file(const std::filesystem::path& so_file);

  // Registers a program as an importer for its suffixes (see exec_importer.h for the
  // checks). Origin in problems and listings: "exec:<program>".
  std::optional<PluginProblem> add_exec_importer(const ExecImporterSpec& spec);

  std::vector<ImporterInfo> importers() const;
  std::vector<SourceInfo> sources() const;

  // Runs one round of the source `source_id` (ABI 1.2) with `round`, on the calling
  // thread. Returns the plugin's tendon_status; `error` says why when the source is
  // unknown or disabled (TENDON_ERR_INTERNAL) or threw (then its plugin is disabled).
  int poll_source(const std::string& source_id, const tendon_source_round* round, std::string& error) const;

  // Runs the importer that fits `name` (lower-cased suffix match; the longest suffix wins)
  // and `bytes`: when no suffix matches, or the suffix's importer probes 0 for the
  // content, the importer with the highest probe above 50 is taken instead; none: an
  // error naming the suffix. The plugin reads `bytes` through tendon_input (data set).
  // Among importers of the same suffix the highest probe wins; an exec importer claims
  // its suffixes without a probe (it was configured for them).
  PluginImport import(const std::filesystem::path& name, std::string_view bytes) const;

  // Runs the importer surest (probe_folder, ABI 1.1) that the folder behind `directory_fd`
  // is its export; it reads the folder through openat. None: an error saying so.
  PluginImport import_folder(const std::filesystem::path& name, int directory_fd) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The built-in plugins (FIT, GPX, TCX, activity log, Strava export) registered through the same
// descriptor path as external ones.
void register_builtin_plugins(PluginHost& host);

}  // namespace tendon
