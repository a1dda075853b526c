#pragma once
// The detectors of SPEC.md. Each judges one run (or one check-in) from the history before
// it and appends the alerts it raises. A detector never looks at later runs, so alerts of
// runs that start before a change can never be affected by it (engine.cpp relies on this).
#include <cstddef>
#include <cstdint>
#include <map>
#include <vector>

#include "core/activity.h"
#include "core/alert.h"
#include "core/timeline.h"

namespace tendon {

// State carried along a time-ordered pass over the runs: what the history before the
// current run accumulated (shoe distances, when rate-limited alerts last fired).
struct PassState {
  std::vector<std::int64_t> shoe_distance_m;     // running distance per shoe before this run
  std::map<AlertKind, Instant> last_fired;        // for "at most once per 7 days" detectors
};

struct RunJudgement {
  const Timeline& timeline;
  std::size_t index;
  const PassState& state;
  const Run& run() const { return timeline[index]; }
  const Thresholds& thresholds() const { return timeline.thresholds(); }
};

Alert alert_for_run(const Run& run, AlertKind kind, const char* category, Severity severity,
                    const char* evidence);

void detect_spike(const RunJudgement& j, std::vector<Alert>& out);
void detect_weekly_jump(const RunJudgement& j, std::vector<Alert>& out);
void detect_acwr(const RunJudgement& j, std::vector<Alert>& out);
void detect_shoe_drop(const RunJudgement& j, std::vector<Alert>& out);
void detect_shoe_transition(const RunJudgement& j, std::vector<Alert>& out);
void detect_shoe_mileage(const RunJudgement& j, std::vector<Alert>& out);
void detect_return(const RunJudgement& j, std::vector<Alert>& out);
void detect_climb_jump(const RunJudgement& j, std::vector<Alert>& out);

// Pain check-ins: `checkins` sorted by time, judging checkins[index]; last_trend is when
// the trend alert last fired before it.
void detect_pain(const std::vector<Checkin>& checkins, std::size_t index, const PainThresholds& t,
                 std::optional<Instant> last_trend, std::vector<Alert>& out);

// Shared window queries.
struct Baseline {
  std::size_t index;        // the longest run (the latest among equals)
  std::int64_t distance_m;
};
// Longest run with start in [t - window, t); nullopt when there is none.
std::optional<Baseline> longest_before(const Timeline& tl, Instant t, int window_days);

// Habitual drop over runs with start in [t - window, t) whose shoe has a known drop:
// sum(distance * drop_tenths) and sum(distance). Nullopt when no such run.
struct HabitualDrop {
  std::int64_t weighted_tenths = 0;  // sum of distance_m * drop_tenths
  std::int64_t distance_m = 0;
  double mm() const { return static_cast<double>(weighted_tenths) / static_cast<double>(distance_m) / 10.0; }
};
std::optional<HabitualDrop> habitual_drop_before(const Timeline& tl, Instant t, int window_days);

}  // namespace tendon
