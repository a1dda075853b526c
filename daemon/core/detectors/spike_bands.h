#pragma once
// The RUNSAFE bands of a run against its 30-day baseline, shared by the spike detector,
// the status view and the plan check so all three answer the same.
#include <cstdint>
#include <optional>
#include <string>

#include "core/alert.h"
#include "core/figures.h"
#include "core/thresholds.h"

namespace tendon {

struct SpikeBand {
  const char* category;
  Severity severity;
  double hazard_ratio;        // Frandsen et al. 2025, hazard rate ratio of the band
  const char* hazard_ratio_ci;
  const char* band_text;
};

// nullopt: not a spike (r <= small). Whole-metre integer comparisons keep limits exact.
inline std::optional<SpikeBand> spike_band(std::int64_t distance_m, std::int64_t baseline_m,
                                           const SpikeThresholds& t) {
  if (baseline_m <= 0 || !exceeds_by(distance_m, baseline_m, t.small)) return std::nullopt;
  if (!exceeds_by(distance_m, baseline_m, t.moderate)) {
    return SpikeBand{"small", Severity::warning, 1.64, "1.31-2.05", "10-30 %"};
  }
  if (!exceeds_by(distance_m, baseline_m, t.large)) {
    return SpikeBand{"moderate", Severity::warning, 1.52, "1.16-2.00", "30-100 %"};
  }
  return SpikeBand{"large", Severity::critical, 2.28, "1.50-3.48", "more than 100 %"};
}

// The study's rate ratios describe its own bands only; with other configured bands a
// message must not quote them.
inline bool bands_match_study(const SpikeThresholds& t) {
  return basis_points(t.small) == 1000 && basis_points(t.moderate) == 3000 && basis_points(t.large) == 10000;
}

// "10 %" of the configured spike threshold, for messages.
inline std::string allowance_text(const SpikeThresholds& t) { return format_fixed(t.small * 100.0, 0) + " %"; }

// The longest distance that is not a spike: (1 + small) x baseline, in whole metres.
inline std::int64_t safe_ceiling_m(std::int64_t baseline_m, const SpikeThresholds& t) {
  return baseline_m * (10000 + basis_points(t.small)) / 10000;
}

}  // namespace tendon
