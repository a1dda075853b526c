#pragma once
// The figures a runner or coach looks at between runs: the 30-day longest run and the safe
// ceiling today, when that ceiling changes, this week against last, ACWR, habitual drop,
// per-shoe distance; and the plan check ("would 18 km be a spike today?").
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "detectors/acwr_figures.h"
#include "timeline.h"

namespace tendon {

struct RunRef {
  std::int64_t activity_id = 0;
  std::string source_id;
  Instant start = 0;
  std::string date;  // local date
  std::int64_t distance_m = 0;
};

struct ShoeStatus {
  std::string name;
  std::optional<double> drop_mm;
  double distance_m = 0;  // starting distance included
  double worn_km = 0;
  double replace_km = 0;
  bool retired = false;
};

struct ReturnStatus {
  std::int64_t days_since_last_run = 0;
  std::string tier;          // short / significant / major
  double first_week_cap_m = 0;
};

struct Status {
  Instant now = 0;
  std::optional<RunRef> last_run;
  std::optional<RunRef> longest_30d;           // today's baseline
  std::optional<std::int64_t> safe_ceiling_m;  // 1.10 x baseline
  std::optional<Instant> baseline_leaves_at;   // when today's baseline run leaves the window
  std::optional<std::int64_t> next_baseline_m; // the baseline from then on (runs known today)
  std::optional<std::int64_t> next_ceiling_m;
  std::string week_start;                      // local Monday of this week
  std::int64_t week_m = 0;                     // this week so far
  std::int64_t previous_week_m = 0;
  AcwrFigures acwr;
  std::optional<double> habitual_drop_mm;
  std::optional<ReturnStatus> returning;       // the next run would be a return
  std::vector<ShoeStatus> shoes;
};

Status compute_status(const Timeline& tl, Instant now);

struct PlanCheck {
  std::int64_t distance_m = 0;
  bool spike = false;
  std::string category;                        // spike band, empty when none
  std::optional<double> ratio;                 // over the baseline
  std::optional<RunRef> baseline;
  std::optional<std::int64_t> safe_ceiling_m;
  std::optional<ReturnStatus> returning;
  bool over_return_cap = false;
  std::string answer;                          // one line: yes / no and by how much
  std::string why;                             // the reasoning a runner can check
};

PlanCheck check_plan(const Timeline& tl, Instant now, std::int64_t distance_m);

}  // namespace tendon
