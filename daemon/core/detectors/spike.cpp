// Single-run spike (SPEC.md 1): a run much longer than the longest of the previous 30 days.
#include "core/figures.h"
#include "detectors.h"
#include "spike_bands.h"

namespace tendon {

void detect_spike(const RunJudgement& j, std::vector<Alert>& out) {
  const Run& run = j.run();
  const auto& t = j.thresholds().spike;
  const auto baseline = longest_before(j.timeline, run.start, t.window_days);
  // No run in the window: nothing to compare with (a return after a break covers it).
  if (!baseline || baseline->distance_m <= 0) return;
  const auto band = spike_band(run.distance_m, baseline->distance_m, t);
  if (!band) return;

  const Run& base = j.timeline[baseline->index];
  const double ratio = growth_ratio(run.distance_m, baseline->distance_m);
  Alert a = alert_for_run(run, AlertKind::spike, band->category, band->severity, "runsafe-2025");
  a.figures = {
      {"distance_m", run.distance_m},
      {"baseline_m", baseline->distance_m},
      {"ratio", ratio},
      {"baseline_activity_id", base.id},
      {"baseline_date", format_day(base.local_day)},
      {"window_days", static_cast<std::int64_t>(t.window_days)},
      {"hazard_ratio", band->hazard_ratio},
      {"hazard_ratio_ci", std::string(band->hazard_ratio_ci)},
  };
  a.message = std::string("Long run spike: ") + format_km(static_cast<double>(run.distance_m)) + " is " +
              format_percent(ratio) + " over your " + std::to_string(t.window_days) + "-day longest (" +
              format_km(static_cast<double>(base.distance_m)) + ", " + format_short_day(base.local_day) + ").";
  if (bands_match_study(t)) {
    a.message += std::string(" Runners with runs ") + band->band_text + " longer had a " +
                 format_fixed((band->hazard_ratio - 1.0) * 100.0, 0) + " % higher injury rate (RUNSAFE 2025, HRR " +
                 format_fixed(band->hazard_ratio, 2) + ").";
  }
  a.advice = "Keep your next long runs at or below " +
             format_km_floor(static_cast<double>(safe_ceiling_m(baseline->distance_m, t))) + " (" + allowance_text(t) +
             " over your 30-day longest) and let the tendon adapt for a few days before going longer.";
  out.push_back(std::move(a));
}

}  // namespace tendon
