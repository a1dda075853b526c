// Lower-drop shoe (SPEC.md 4): a run in a shoe whose heel-to-toe drop is well below what the
// runner's Achilles has been used to over the last 30 days.
#include "core/figures.h"
#include "detectors.h"
#include "drop_delta.h"

namespace tendon {

void detect_shoe_drop(const RunJudgement& j, std::vector<Alert>& out) {
  const Run& run = j.run();
  if (run.shoe < 0) return;
  const ShoeInfo& shoe = j.timeline.shoes()[static_cast<std::size_t>(run.shoe)];
  if (!shoe.drop_tenths) return;  // unknown drop: not judged
  const auto& t = j.thresholds().shoe_drop;
  const auto habitual = habitual_drop_before(j.timeline, run.start, t.habitual_window_days);
  if (!habitual) return;
  const auto category = drop_category(*habitual, *shoe.drop_tenths, t);
  if (!category) return;

  const double drop_mm = static_cast<double>(*shoe.drop_tenths) / 10.0;
  const double delta_mm = habitual->mm() - drop_mm;
  Alert a = alert_for_run(run, AlertKind::shoe_drop, category->name, category->severity, "malisoux-2016");
  a.figures = {
      {"shoe", shoe.shoe.name},
      {"drop_mm", drop_mm},
      {"habitual_drop_mm", round_to(habitual->mm(), 2)},
      {"delta_mm", round_to(delta_mm, 2)},
  };
  a.message = "Lower-drop shoe: " + shoe.shoe.name + " (" + format_mm(drop_mm) + ") is " + format_mm(delta_mm) +
              " below the " + format_mm(habitual->mm()) + " your last " + std::to_string(t.habitual_window_days) +
              " days of running averaged.";
  a.advice = "A lower drop loads the Achilles and calf more. Bring the new shoe in gradually: short, easy runs "
             "first, and keep most of the week in your usual shoes for a few weeks.";
  out.push_back(std::move(a));
}

}  // namespace tendon
