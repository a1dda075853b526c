// Climbing jump (SPEC.md 7, heuristic): uphill running loads the Achilles, so a week with
// much more climbing than the month before deserves a word.
#include "core/figures.h"
#include "detectors.h"

namespace tendon {

void detect_climb_jump(const RunJudgement& j, std::vector<Alert>& out) {
  const Run& run = j.run();
  const auto& t = j.thresholds().climb;
  const auto last = j.state.last_fired.find(AlertKind::climb_jump);
  if (last != j.state.last_fired.end() && run.start - last->second < days(7)) return;

  // Rolling 7 days ending with this run, (t - 7 d, t], against the 28 days before them.
  std::int64_t week_m = 0, base_m = 0;
  std::size_t base_runs = 0;
  for (std::size_t k = j.index + 1; k-- > 0;) {
    const Run& r = j.timeline[k];
    if (r.start <= run.start - days(35)) break;
    if (r.start > run.start - days(7)) {
      week_m += r.ascent_m;
    } else {
      base_m += r.ascent_m;
      ++base_runs;
    }
  }
  // Without runs in the 28 days before, there is nothing to compare with.
  if (base_runs == 0) return;
  const double weekly_base = static_cast<double>(base_m) / 4.0;
  // week > ratio * base / 4  <=>  week * 4 * 10000 > bp(ratio) * base
  if (!(week_m * 4 * 10000 > basis_points(t.ratio) * base_m)) return;
  if (static_cast<double>(week_m) - weekly_base < t.min_increase_m) return;

  Alert a = alert_for_run(run, AlertKind::climb_jump, "jump", Severity::info, "heuristic");
  a.figures = {
      {"week_ascent_m", week_m},
      {"baseline_weekly_ascent_m", round_to(weekly_base, 1)},
  };
  a.message = "Climbing jump: " + std::to_string(week_m) + " m of ascent in 7 days against " +
              std::to_string(std::llround(weekly_base)) + " m a week over the month before.";
  a.advice = "Uphill running loads the Achilles and calf: keep the next days flat and easy.";
  out.push_back(std::move(a));
}

}  // namespace tendon
