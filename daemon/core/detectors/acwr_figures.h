#pragma once
#include <cstdint>
#include <optional>

#include "core/timeline.h"

namespace tendon {

struct AcwrFigures {
  std::int64_t acute_m = 0;         // running distance of the last 7 days
  double chronic_weekly_m = 0;      // last 28 days / 4
  std::optional<double> ratio;      // none without chronic load
};

// The ratio as of instant t, runs starting at t included.
AcwrFigures acwr_at(const Timeline& tl, Instant t);

}  // namespace tendon
