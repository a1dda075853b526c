// Acute:chronic workload ratio (SPEC.md 3). Always reported in the status; alerted only when
// the user enables it, since RUNSAFE found no positive dose-response for runners.
#include "acwr_figures.h"
#include "core/figures.h"
#include "detectors.h"

namespace tendon {

AcwrFigures acwr_at(const Timeline& tl, Instant t) {
  AcwrFigures f;
  // (t - 7 d, t] and (t - 28 d, t]: the run at t itself counts toward its own load.
  f.acute_m = tl.distance_between(t - days(7) + 1, t + 1);
  f.chronic_weekly_m = static_cast<double>(tl.distance_between(t - days(28) + 1, t + 1)) / 4.0;
  if (f.chronic_weekly_m > 0) f.ratio = static_cast<double>(f.acute_m) / f.chronic_weekly_m;
  return f;
}

void detect_acwr(const RunJudgement& j, std::vector<Alert>& out) {
  const auto& t = j.thresholds().acwr;
  if (!t.alert) return;
  const Run& run = j.run();
  const auto last = j.state.last_fired.find(AlertKind::acwr);
  if (last != j.state.last_fired.end() && run.start - last->second < days(7)) return;
  // Until the history spans the chronic window the ratio says more about a new user than
  // about load (a first week is always "4 x" its own average).
  if (j.timeline[0].start > run.start - days(28)) return;
  const AcwrFigures f = acwr_at(j.timeline, run.start);
  if (!f.ratio || *f.ratio < t.high) return;

  Alert a = alert_for_run(run, AlertKind::acwr, "high", Severity::warning, "gabbett-2016");
  a.figures = {
      {"acwr", round_to(*f.ratio, 2)},
      {"acute_m", f.acute_m},
      {"chronic_weekly_m", round_to(f.chronic_weekly_m, 1)},
  };
  a.message = "Acute:chronic ratio " + format_fixed(*f.ratio, 2) + ": " + format_km(static_cast<double>(f.acute_m)) +
              " in 7 days against a 4-week average of " + format_km(f.chronic_weekly_m) + " a week.";
  a.advice = "Gabbett's model calls 1.5 and above a danger zone; RUNSAFE 2025 did not confirm it for runners. "
             "Watch single long runs first.";
  out.push_back(std::move(a));
}

}  // namespace tendon
