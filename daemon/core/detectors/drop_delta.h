#pragma once
// The drop difference categories of SPEC.md 4, computed exactly in tenths of a millimetre
// times metres: delta >= x  <=>  weighted - drop * D >= x * D.
#include <cmath>
#include <cstdint>
#include <optional>

#include "core/alert.h"
#include "core/thresholds.h"
#include "detectors.h"

namespace tendon {

struct DropCategory {
  const char* name;
  Severity severity;
};

inline bool drop_delta_at_least(const HabitualDrop& h, std::int64_t drop_tenths, double mm) {
  return h.weighted_tenths - drop_tenths * h.distance_m >= std::llround(mm * 10.0) * h.distance_m;
}

inline std::optional<DropCategory> drop_category(const HabitualDrop& h, std::int64_t drop_tenths,
                                                 const ShoeDropThresholds& t) {
  if (!drop_delta_at_least(h, drop_tenths, t.slight_mm)) return std::nullopt;
  const bool zero_drop = drop_tenths <= std::llround(t.zero_drop_mm * 10.0);
  if (drop_delta_at_least(h, drop_tenths, t.steep_mm) || (zero_drop && drop_delta_at_least(h, drop_tenths, t.lower_mm))) {
    return DropCategory{"steep", Severity::critical};
  }
  if (drop_delta_at_least(h, drop_tenths, t.lower_mm)) return DropCategory{"lower", Severity::warning};
  return DropCategory{"slight", Severity::info};
}

}  // namespace tendon
