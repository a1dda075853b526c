#pragma once
// What an importer may hand the daemon: the bounds every activity must meet, whether it
// came from a built-in, a .so or an exec importer. An activity outside them is dropped
// with a warning naming the field, never stored half-right.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/activity.h"

namespace tendon {

// 1990 catches a zero timestamp from FIT (epoch 1989-12-31) or Unix (1970); 2100 a
// garbage one.
inline constexpr Instant kEarliestActivityStart = 631'152'000;    // 1990-01-01T00:00:00Z
inline constexpr Instant kLatestActivityStart = 4'102'444'800;    // 2100-01-01T00:00:00Z, excluded
inline constexpr double kMaxActivityDistanceM = 1'000'000;        // 1000 km, as the activity log
inline constexpr double kMaxActivityDurationS = 31.0 * 86'400;    // 31 days, excluded
inline constexpr double kMaxActivityAscentM = 50'000;             // as the activity log
inline constexpr double kMinActivityHeartRate = 20;
inline constexpr double kMaxActivityHeartRate = 300;
inline constexpr std::int32_t kMaxUtcOffsetS = 18 * 3600;         // ISO 8601's widest offset
inline constexpr std::size_t kMaxActivityTextBytes = 256;         // sport, shoe, athlete, ids...

// Why `activity` cannot be kept ("distance_m -5 is negative", "shoe is not valid UTF-8"),
// or nullopt when every field is within bounds.
std::optional<std::string> activity_problem(const Activity& activity);

// The reason a text field is unusable ("is longer than 256 bytes", "is not valid UTF-8",
// "contains a control character"), or nullopt.
std::optional<std::string> text_problem(std::string_view text);

}  // namespace tendon
