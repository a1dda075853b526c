#include "detectors.h"

namespace tendon {

Alert alert_for_run(const Run& run, AlertKind kind, const char* category, Severity severity,
                    const char* evidence) {
  Alert a;
  a.subject.activity_id = run.id;
  a.at = run.start;
  a.kind = kind;
  a.category = category;
  a.severity = severity;
  a.evidence = evidence;
  return a;
}

std::optional<Baseline> longest_before(const Timeline& tl, Instant t, int window_days) {
  std::optional<Baseline> best;
  for (std::size_t i = tl.first_at_or_after(t - days(window_days)); i < tl.size() && tl[i].start < t; ++i) {
    if (!best || tl[i].distance_m >= best->distance_m) best = Baseline{i, tl[i].distance_m};
  }
  return best;
}

std::optional<HabitualDrop> habitual_drop_before(const Timeline& tl, Instant t, int window_days) {
  HabitualDrop h;
  for (std::size_t i = tl.first_at_or_after(t - days(window_days)); i < tl.size() && tl[i].start < t; ++i) {
    const Run& r = tl[i];
    if (r.shoe < 0) continue;
    const auto& drop = tl.shoes()[static_cast<std::size_t>(r.shoe)].drop_tenths;
    if (!drop) continue;
    h.weighted_tenths += r.distance_m * *drop;
    h.distance_m += r.distance_m;
  }
  if (h.distance_m <= 0) return std::nullopt;
  return h;
}

}  // namespace tendon
