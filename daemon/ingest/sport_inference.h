#pragma once
// Files that do not say their sport (a GPX without <type>, a log line with "unknown"):
// a runner's inbox mostly holds runs, so a pace in the running band is taken as a run,
// and the import says so. Anything else stays "unknown" and is stored but not judged.
#include <optional>
#include <string>

#include "core/activity.h"

namespace tendon {

// Pace band taken as running: 2.0 m/s (8:20 /km, slower than this is mostly walking)
// to 6.5 m/s (2:34 /km, faster than world-class 10 km pace: a bike or a car).
inline constexpr double kInferRunMinSpeed = 2.0;
inline constexpr double kInferRunMaxSpeed = 6.5;

// Sets the sport of an activity whose sport is empty or "unknown". Returns the note to
// report when it decided something, nullopt when the sport was already stated.
std::optional<std::string> settle_sport(Activity& activity);

}  // namespace tendon
