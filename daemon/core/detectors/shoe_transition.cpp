// Transition exposure (SPEC.md 4): while a lower-drop shoe is new to the runner, cap its
// share of the rolling 7-day running distance: 15 % in its first week, +10 points a week.
#include "core/figures.h"
#include "detectors.h"
#include "drop_delta.h"

namespace tendon {

namespace {

struct Exposure {
  std::int64_t week = 0;  // 0-based week since the shoe's first run
  std::int64_t shoe_m = 0;
  std::int64_t total_m = 0;
  double cap = 0;
  bool over = false;
};

Exposure exposure_at(const Timeline& tl, std::size_t index, Instant first_use, const ShoeDropThresholds& t) {
  const Run& run = tl[index];
  Exposure e;
  e.week = (run.start - first_use) / days(7);
  e.cap = t.transition_first_week_share + t.transition_weekly_step * static_cast<double>(e.week);
  // Rolling 7 days ending with this run: (start - 7 d, start], runs up to and including it.
  for (std::size_t k = index + 1; k-- > 0;) {
    const Run& r = tl[k];
    if (r.start <= run.start - days(7)) break;
    e.total_m += r.distance_m;
    if (r.shoe == run.shoe) e.shoe_m += r.distance_m;
  }
  e.over = e.total_m > 0 && e.shoe_m * 10000 > e.total_m * basis_points(e.cap);
  return e;
}

}  // namespace

void detect_shoe_transition(const RunJudgement& j, std::vector<Alert>& out) {
  const Run& run = j.run();
  if (run.shoe < 0) return;
  const ShoeInfo& shoe = j.timeline.shoes()[static_cast<std::size_t>(run.shoe)];
  // A shoe with distance on it before Tendon knew it is not new to the runner.
  if (!shoe.drop_tenths || shoe.shoe.start_distance_m > 0) return;
  const auto& t = j.thresholds().shoe_drop;

  std::size_t first = j.index;
  for (std::size_t k = 0; k < j.index; ++k) {
    if (j.timeline[k].shoe == run.shoe) {
      first = k;
      break;
    }
  }
  const Instant first_use = j.timeline[first].start;
  if (run.start - first_use >= days(7) * t.transition_weeks) return;
  const auto habitual = habitual_drop_before(j.timeline, first_use, t.habitual_window_days);
  if (!habitual || !drop_delta_at_least(*habitual, *shoe.drop_tenths, t.transition_min_delta_mm)) return;

  const Exposure e = exposure_at(j.timeline, j.index, first_use, t);
  if (!e.over) return;
  // At most once per week of the transition: an earlier run of this shoe in the same week
  // that was already over the cap raised it.
  for (std::size_t k = first; k < j.index; ++k) {
    if (j.timeline[k].shoe != run.shoe) continue;
    const Exposure earlier = exposure_at(j.timeline, k, first_use, t);
    if (earlier.week == e.week && earlier.over) return;
  }

  const double share = static_cast<double>(e.shoe_m) / static_cast<double>(e.total_m);
  Alert a = alert_for_run(run, AlertKind::shoe_transition, "over_cap", Severity::warning, "malisoux-2016");
  a.figures = {
      {"shoe", shoe.shoe.name},
      {"drop_mm", static_cast<double>(*shoe.drop_tenths) / 10.0},
      {"habitual_drop_mm", round_to(habitual->mm(), 2)},
      {"transition_week", e.week + 1},
      {"share", round_to(share, 4)},
      {"cap", round_to(e.cap, 4)},
      {"shoe_7d_m", e.shoe_m},
      {"total_7d_m", e.total_m},
  };
  a.message = "Too much too soon in " + shoe.shoe.name + ": " + format_fixed(share * 100.0, 1) + " % of your last 7 days (" +
              format_km(static_cast<double>(e.shoe_m)) + " of " + format_km(static_cast<double>(e.total_m)) +
              ") in week " + std::to_string(e.week + 1) + " of the switch, where " + format_percent(e.cap) +
              " is the cap.";
  a.advice = "Move some of this week's running back to your usual shoes; raise the new shoe's share by about "
             "10 points a week.";
  out.push_back(std::move(a));
}

}  // namespace tendon
