#pragma once
// An activity's figures computed from its track points, in the order the file lists them.
//
// Distance: haversine (geo.h) between consecutive positioned points of the same segment;
//   nothing is counted across a segment break (GPX <trkseg>, TCX <Track>), where the
//   device stopped recording. A step is a GPS jump, and not counted, when it covers more
//   than kJumpMinStepM at more than kJumpMaxSpeedMS (or with no time passing): 50 m/s is
//   180 km/h, beyond any human-powered sport, so only glitches are dropped; the track is
//   not smoothed otherwise.
// Timer (moving time): the sum of the intervals between consecutive timed points, except
//   pauses: an interval longer than kPauseMinGapS during which the credited distance
//   shows less than kPauseMaxSpeedMS. A device that auto-pauses leaves exactly such a
//   gap (no points while stopped); a gap in which the runner moved on (lost GPS in a
//   tunnel) is still running time. Slow smart-recording intervals (up to ~10 s) are far
//   below the minimum gap.
// Elapsed: latest − earliest point time. Times going backwards are counted (reported as
//   a warning); points stay in file order, and backward intervals add nothing.
// Ascent: AscentFilter over the altitudes. Heart rate: mean of the point values.
#include <cstddef>
#include <cstdint>
#include <span>

#include "tendon/plugin.h"
#include "unknown.h"

namespace tendon::xml {

inline constexpr double kPauseMinGapS = 60.0;
inline constexpr double kPauseMaxSpeedMS = 0.5;
inline constexpr double kJumpMinStepM = 100.0;
inline constexpr double kJumpMaxSpeedMS = 50.0;

// A tendon_sample with every member unknown.
tendon_sample empty_sample();

struct TrackFigures {
  std::size_t timed_points = 0;
  std::int64_t first_ms = 0;     // time of the first timed point in file order
  std::int64_t earliest_ms = 0;  // smallest and largest point time
  std::int64_t latest_ms = 0;
  bool has_position = false;
  double distance_m = 0;
  double moving_s = 0;  // timer time by the pause rule
  double paused_s = 0;
  std::size_t pauses = 0;
  double ascent_m = kUnknown;            // NaN without altitudes
  double avg_heart_rate_bpm = kUnknown;  // NaN without heart rate
  std::size_t backward_steps = 0;
  double largest_backward_s = 0;
  std::size_t gps_jumps = 0;
};

// Computes the figures of `samples`. `segment_starts` lists the indices (ascending) at
// which a new segment begins (index 0 may be omitted). When `write_distance` is set, each
// sample's distance_m receives the cumulative counted distance.
TrackFigures compute_track_figures(std::span<tendon_sample> samples, std::span<const std::size_t> segment_starts,
                                   bool write_distance);

}  // namespace tendon::xml
