#pragma once
// The values the plugin host hands out (problems, importer listings, import results) and
// the knobs it takes (limits, log sink). Kept apart from plugin_host.h so that the exec
// importer and the conversion code can use them without the host class.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/activity.h"
#include "tendon/plugin.h"

namespace tendon {

// One problem with one plugin: "<path or id>: <reason>".
struct PluginProblem {
  std::string origin;  // the .so path, or "built-in:<id>"
  std::string reason;  // "ABI major 2 is not supported (host speaks 1)"
  std::string line() const { return origin + ": " + reason; }
};

struct ImporterInfo {
  std::string id;           // "fit"
  std::string description;
  std::vector<std::string> suffixes;
  std::string plugin_id;
  std::string origin;       // "built-in" or the .so path ("exec:<program>" for exec importers)
  bool disabled = false;    // its plugin threw an exception and is no longer called
};

// A source (ABI 1.2): a remote service the sync worker polls.
struct SourceInfo {
  std::string id;           // "strava": its config section is [sync.strava]
  std::string description;
  std::string plugin_id;
  std::string origin;       // "built-in" or the .so path
  bool disabled = false;    // its plugin threw an exception and is no longer called
};

// What one importer made of one input.
struct PluginImport {
  std::string importer_id;               // which importer read it ("" when none matched)
  std::vector<Activity> activities;      // converted, validated, sport normalised; source_id
                                         // and athlete are the plugin's (may be empty)
  std::vector<std::size_t> sample_counts;  // per activity (same index): track points the
                                           // plugin sent; not stored yet
  std::vector<bool> from_nested_file;    // per activity: read from a file the plugin handed
                                         // back (import_nested): kind and identity are that
                                         // file's, not the outer input's
  std::vector<Shoe> gear;                // shoes the plugin described (tendon_sink.gear)
  std::vector<std::string> warnings;     // TENDON_LEVEL_WARNING/INFO reports and the host's
                                         // own notes (dropped activities...), one line each
  tendon_status status = TENDON_OK;
  std::string error;                     // non-OK status: the reason (from the plugin's
                                         // ERROR reports, or the host's own)
  bool ok() const { return status == TENDON_OK; }
};

// Bounds on what one import may produce, so a broken or hostile plugin costs a clear
// error instead of the daemon's memory.
struct PluginHostLimits {
  std::size_t max_activities = 500'000;              // per input; more: TENDON_ERR_LIMIT
  std::size_t max_warnings = 1000;                   // then one "N more warnings" line
  std::uint64_t max_samples_per_activity = 10'000'000;  // more: the track is ignored
};

// Where plugin log lines (tendon_host.log) and the host's notes about a plugin go. Called
// from whichever thread runs the plugin, so it must be thread-safe.
using PluginLogSink = std::function<void(std::string_view plugin_id, tendon_level level, std::string_view message)>;

// The daemon's default: one line on stderr, "tendond: plugin <id>: [warning: ]<message>".
void log_plugin_line_to_stderr(std::string_view plugin_id, tendon_level level, std::string_view message);

}  // namespace tendon
