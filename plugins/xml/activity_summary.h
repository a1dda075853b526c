#pragma once
// An activity's figures as its importer worked them out, ready for tendon_activity.
#include <cstdint>

#include "unknown.h"

namespace tendon::xml {

struct ActivitySummary {
  std::int64_t start_ms = 0;
  bool has_utc_offset = false;
  std::int32_t utc_offset_s = 0;
  double distance_m = kUnknown;  // NaN: unknown, as in every figure below
  double elapsed_s = kUnknown;
  double timer_s = kUnknown;
  double ascent_m = kUnknown;
  double avg_heart_rate_bpm = kUnknown;
};

}  // namespace tendon::xml
