#pragma once
// From what a plugin emits (tendon_activity, read within its struct_size) to a checked
// tendon::Activity.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/activity.h"
#include "plugin_types.h"
#include "tendon/plugin.h"

namespace tendon {

// A plugin's tendon_activity must at least reach start_ms: an activity without a start
// cannot be placed in any week. Later fields may lie beyond struct_size (absent).
inline constexpr std::size_t kMinimumActivityStructSize = offsetof(tendon_activity, start_ms) + sizeof(std::int64_t);
inline constexpr std::uint32_t kMinimumSampleStride = sizeof(std::uint32_t);  // struct_size

struct EmittedActivity {
  std::optional<Activity> activity;  // nullopt: dropped
  std::string dropped_because;       // when dropped: "distance_m -5 is negative"
  std::vector<std::string> notes;    // kept, but worth a warning: "no distance (taken as 0)"
  std::size_t sample_count = 0;      // a consistent track's length; 0 when absent or ignored
};

// "fit" -> fit, "tcx" -> tcx, "gpx" -> gpx; every other importer gives summary figures.
SourceKind source_kind_for_importer(std::string_view importer_id);

// Converts and checks one emitted activity: fields beyond its struct_size are absent, NaN
// means unknown, strings are bounded, the sport is normalised (NULL -> "").
EmittedActivity convert_emitted_activity(const tendon_activity& raw, std::string_view importer_id,
                                         const PluginHostLimits& limits);

}  // namespace tendon
