#include "track_figures.h"

#include <cmath>

#include "ascent_filter.h"
#include "geo.h"

namespace tendon::xml {

tendon_sample empty_sample() {
  tendon_sample s;
  s.struct_size = sizeof(tendon_sample);
  s.time_ms = INT64_MIN;
  s.latitude_deg = kUnknown;
  s.longitude_deg = kUnknown;
  s.altitude_m = kUnknown;
  s.distance_m = kUnknown;
  s.heart_rate_bpm = kUnknown;
  s.cadence_spm = kUnknown;
  s.speed_m_s = kUnknown;
  s.power_w = kUnknown;
  return s;
}

TrackFigures compute_track_figures(std::span<tendon_sample> samples, std::span<const std::size_t> segment_starts,
                                   bool write_distance) {
  TrackFigures f;
  AscentFilter ascent;
  double hr_sum = 0;
  std::size_t hr_count = 0;

  std::size_t next_break = 0;  // index into segment_starts
  bool have_pos = false;       // previous positioned point of this segment
  GeoPoint prev_pos;
  std::int64_t prev_pos_time = INT64_MIN;
  double cum = 0;  // counted distance so far

  bool have_timed = false;
  std::int64_t prev_time = 0;
  double cum_at_prev_time = 0;

  for (std::size_t i = 0; i < samples.size(); ++i) {
    tendon_sample& s = samples[i];
    while (next_break < segment_starts.size() && segment_starts[next_break] <= i) {
      if (segment_starts[next_break] == i) have_pos = false;  // new segment: no step across the break
      ++next_break;
    }
    const bool timed = s.time_ms != INT64_MIN;

    if (!std::isnan(s.latitude_deg) && !std::isnan(s.longitude_deg)) {
      f.has_position = true;
      const GeoPoint pos = GeoPoint::from_degrees(s.latitude_deg, s.longitude_deg);
      if (have_pos) {
        const double step = haversine_m(prev_pos, pos);
        bool jump = false;
        if (step > kJumpMinStepM && timed && prev_pos_time != INT64_MIN) {
          const double dt = static_cast<double>(s.time_ms - prev_pos_time) / 1000.0;
          jump = dt <= 0 || step / dt > kJumpMaxSpeedMS;
        }
        if (jump) {
          ++f.gps_jumps;
        } else {
          cum += step;
        }
      }
      have_pos = true;
      prev_pos = pos;
      prev_pos_time = s.time_ms;
    }
    if (write_distance) s.distance_m = cum;

    if (timed) {
      if (f.timed_points == 0) {
        f.first_ms = f.earliest_ms = f.latest_ms = s.time_ms;
      } else {
        if (s.time_ms < f.earliest_ms) f.earliest_ms = s.time_ms;
        if (s.time_ms > f.latest_ms) f.latest_ms = s.time_ms;
      }
      ++f.timed_points;
      if (have_timed) {
        const double dt = static_cast<double>(s.time_ms - prev_time) / 1000.0;
        if (dt < 0) {
          ++f.backward_steps;
          if (-dt > f.largest_backward_s) f.largest_backward_s = -dt;
        } else {
          const double moved = cum - cum_at_prev_time;
          if (dt > kPauseMinGapS && moved < kPauseMaxSpeedMS * dt) {
            ++f.pauses;
            f.paused_s += dt;
          } else {
            f.moving_s += dt;
          }
        }
      }
      have_timed = true;
      prev_time = s.time_ms;
      cum_at_prev_time = cum;
    }

    ascent.add(s.altitude_m);
    if (!std::isnan(s.heart_rate_bpm)) {
      hr_sum += s.heart_rate_bpm;
      ++hr_count;
    }
  }
  f.distance_m = cum;
  if (ascent.has_altitude()) f.ascent_m = ascent.ascent_m();
  if (hr_count > 0) f.avg_heart_rate_bpm = hr_sum / static_cast<double>(hr_count);
  // With times going back and forth, the sum of forward intervals can exceed the span.
  const double span_s = static_cast<double>(f.latest_ms - f.earliest_ms) / 1000.0;
  if (f.moving_s > span_s) f.moving_s = span_s;
  return f;
}

}  // namespace tendon::xml
