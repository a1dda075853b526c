#pragma once
// Running cadence in full steps per minute, as tendon_sample.cadence_spm asks.
//
// Garmin's extensions write running cadence per leg (TCX ActivityExtension RunCadence,
// and the GPX TrackPointExtension <cad> of Garmin Connect and Strava exports: 80-95 for
// a run), while other writers give full steps (150-190). A human run has a full-step
// cadence of at least ~130 and a per-leg cadence of at most ~105, so the median of the
// activity's values tells the two apart: below kPerLegMedianLimit the values are per leg
// and are doubled. Only running sports are touched; cycling cadence stays in rpm.
#include <span>
#include <string_view>

#include "tendon/plugin.h"

namespace tendon::xml {

inline constexpr double kPerLegMedianLimit = 120.0;

// True for Tendon's running words (running, trail_running, treadmill_running, ...).
bool is_running_sport(std::string_view sport);

// Doubles every cadence of `samples` when `sport` is a running sport and the median of
// the positive cadence values is below kPerLegMedianLimit.
void normalise_running_cadence(std::span<tendon_sample> samples, std::string_view sport);

}  // namespace tendon::xml
