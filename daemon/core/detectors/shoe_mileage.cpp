// Shoe mileage (SPEC.md 5): cushioning fades with use; say so once at 500 km, once at 800 km.
#include "core/figures.h"
#include "detectors.h"

namespace tendon {

void detect_shoe_mileage(const RunJudgement& j, std::vector<Alert>& out) {
  const Run& run = j.run();
  if (run.shoe < 0) return;
  const auto s = static_cast<std::size_t>(run.shoe);
  const ShoeInfo& shoe = j.timeline.shoes()[s];
  const auto& t = j.thresholds().mileage;
  const std::int64_t start_m = std::llround(shoe.shoe.start_distance_m);
  const std::int64_t before = start_m + (s < j.state.shoe_distance_m.size() ? j.state.shoe_distance_m[s] : 0);
  const std::int64_t after = before + run.distance_m;

  struct Limit {
    const char* category;
    Severity severity;
    double km;
  };
  const Limit limits[] = {
      {"worn", Severity::info, shoe.shoe.worn_km.value_or(t.worn_km)},
      {"replace", Severity::warning, shoe.shoe.replace_km.value_or(t.replace_km)},
  };
  for (const auto& limit : limits) {
    const std::int64_t limit_m = std::llround(limit.km * 1000.0);
    if (!(before < limit_m && after >= limit_m)) continue;  // fires once, on the crossing run
    Alert a = alert_for_run(run, AlertKind::shoe_mileage, limit.category, limit.severity, "shoe-wear");
    a.figures = {
        {"shoe", shoe.shoe.name},
        {"km", round_to(static_cast<double>(after) / 1000.0, 1)},
        {"limit_km", limit.km},
    };
    const bool replace = limit.severity == Severity::warning;
    a.message = shoe.shoe.name + " has passed " + format_km(static_cast<double>(limit_m)) + " (" +
                format_km(static_cast<double>(after)) + " now)" +
                (replace ? ": time to replace it." : ": its cushioning is wearing.");
    a.advice = replace ? "Retire it for running, or keep it for short easy runs; break in a replacement of the same "
                         "drop gradually."
                       : "Plan a replacement of the same drop and start rotating it in.";
    out.push_back(std::move(a));
  }
}

}  // namespace tendon
