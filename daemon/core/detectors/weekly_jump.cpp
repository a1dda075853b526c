// Weekly volume jump (SPEC.md 2): the coaching 10 % rule, shown because runners ask for it.
#include "core/figures.h"
#include "detectors.h"

namespace tendon {

namespace {

struct WeekSums {
  std::int64_t before = 0;    // this week's distance before the run (same week, earlier runs)
  std::int64_t previous = 0;  // last week's total
};

WeekSums week_sums(const Timeline& tl, std::size_t index) {
  const Run& run = tl[index];
  WeekSums s;
  // Weeks are local, so scan by week index rather than by instants; two weeks back in
  // time bounds the scan whatever the zone does.
  for (std::size_t k = index; k-- > 0;) {
    const Run& r = tl[k];
    if (r.start < run.start - days(16)) break;
    if (r.week == run.week) s.before += r.distance_m;
    else if (r.week == run.week - 1) s.previous += r.distance_m;
  }
  return s;
}

bool is_jump(std::int64_t week_m, std::int64_t previous_m, const WeeklyThresholds& t) {
  return exceeds_by(week_m, previous_m, t.jump) &&
         static_cast<double>(week_m - previous_m) >= t.min_increase_m;
}

}  // namespace

void detect_weekly_jump(const RunJudgement& j, std::vector<Alert>& out) {
  const Run& run = j.run();
  const auto& t = j.thresholds().weekly;
  const WeekSums s = week_sums(j.timeline, j.index);
  if (s.previous <= 0) return;  // nothing last week is a return, not a jump
  const std::int64_t week_m = s.before + run.distance_m;
  // Fires once per week: on the run that first makes the week a jump. The week total only
  // grows within a week, so "first" means: a jump now, not before this run.
  if (!is_jump(week_m, s.previous, t) || is_jump(s.before, s.previous, t)) return;

  const bool steep = exceeds_by(week_m, s.previous, t.steep);
  const double ratio = growth_ratio(week_m, s.previous);
  Alert a = alert_for_run(run, AlertKind::weekly_jump, steep ? "steep" : "moderate",
                          steep ? Severity::warning : Severity::info, "ten-percent-rule");
  a.figures = {
      {"week_m", week_m},
      {"previous_week_m", s.previous},
      {"ratio", ratio},
      {"week_start", format_day(first_day_of_week(run.week))},
  };
  a.message = "Weekly volume jump: " + format_km(static_cast<double>(week_m)) + " this week is " +
              format_percent(ratio) + " more than last week's " + format_km(static_cast<double>(s.previous)) + ".";
  a.advice = "A coaching rule of thumb, not backed by the RUNSAFE study: single long runs matter more. "
             "If the week also holds your longest run in a month, ease the rest of the week.";
  out.push_back(std::move(a));
}

}  // namespace tendon
