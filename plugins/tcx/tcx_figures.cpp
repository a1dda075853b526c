#include "tcx_figures.h"

#include <cmath>

#include "unknown.h"

namespace tendon::tcx {

namespace {

bool all_laps_have(const std::vector<TcxLap>& laps, double TcxLap::*member) {
  if (laps.empty()) return false;
  for (const TcxLap& lap : laps) {
    if (std::isnan(lap.*member)) return false;
  }
  return true;
}

double lap_sum(const std::vector<TcxLap>& laps, double TcxLap::*member) {
  double sum = 0;
  for (const TcxLap& lap : laps) sum += lap.*member;
  return sum;
}

void set_start(TcxFigures& f, const xml::DateTime& t) {
  f.has_start = true;
  f.start_ms = t.utc_ms;
  f.has_utc_offset = t.zone == xml::ZoneKind::offset;
  f.utc_offset_s = t.offset_s;
}

double lap_weighted_heart_rate(const std::vector<TcxLap>& laps) {
  double weighted = 0;
  double time = 0;
  for (const TcxLap& lap : laps) {
    if (std::isnan(lap.total_time_s) || lap.total_time_s <= 0) continue;
    if (std::isnan(lap.avg_heart_rate_bpm)) return xml::kUnknown;  // one lap without: use the points
    weighted += lap.avg_heart_rate_bpm * lap.total_time_s;
    time += lap.total_time_s;
  }
  return time > 0 ? weighted / time : xml::kUnknown;
}

}  // namespace

TcxFigures compute_tcx_figures(TcxActivity& a) {
  TcxFigures f;
  f.track = xml::compute_track_figures(a.samples, a.segment_starts, !a.any_point_distance);
  const xml::TrackFigures& t = f.track;

  if (!a.laps.empty() && a.laps.front().has_start) {
    set_start(f, a.laps.front().start);
  } else if (a.has_id) {
    set_start(f, a.id);
  } else if (t.timed_points > 0) {
    f.has_start = true;
    f.start_ms = t.earliest_ms;
    f.has_utc_offset = a.first_point_zone_known && a.first_point_time.zone == xml::ZoneKind::offset;
    f.utc_offset_s = f.has_utc_offset ? a.first_point_time.offset_s : 0;
  }

  const bool laps_distance = all_laps_have(a.laps, &TcxLap::distance_m);
  const double laps_sum = laps_distance ? lap_sum(a.laps, &TcxLap::distance_m) : 0;
  if (a.max_point_distance_m > 0) {
    // The trackpoints' running total, unless the laps add up to clearly more (trackpoint
    // distances that restart at each lap, or a track cut short).
    const bool laps_clearly_longer = laps_distance && laps_sum > a.max_point_distance_m * (1 + kLapsLongerMargin);
    f.distance_m = laps_clearly_longer ? laps_sum : a.max_point_distance_m;
  } else if (laps_distance && laps_sum > 0) {
    f.distance_m = laps_sum;
  } else if (t.has_position) {
    f.distance_m = t.distance_m;
  } else if (laps_distance) {
    f.distance_m = laps_sum;
  } else {
    f.distance_m = xml::kUnknown;
  }

  if (all_laps_have(a.laps, &TcxLap::total_time_s)) {
    f.timer_s = lap_sum(a.laps, &TcxLap::total_time_s);
  } else if (t.timed_points >= 2) {
    f.timer_s = t.moving_s;
  } else {
    f.timer_s = xml::kUnknown;
  }

  bool has_end = false;
  std::int64_t end_ms = 0;
  if (t.timed_points > 0) {
    has_end = true;
    end_ms = t.latest_ms;
  }
  for (const TcxLap& lap : a.laps) {
    if (!lap.has_start || std::isnan(lap.total_time_s)) continue;
    const std::int64_t lap_end = lap.start.utc_ms + static_cast<std::int64_t>(std::llround(lap.total_time_s * 1000.0));
    if (!has_end || lap_end > end_ms) end_ms = lap_end;
    has_end = true;
  }
  if (f.has_start && has_end) {
    const double elapsed = static_cast<double>(end_ms - f.start_ms) / 1000.0;
    f.elapsed_s = elapsed > 0 ? elapsed : 0;
  } else {
    f.elapsed_s = xml::kUnknown;
  }

  f.ascent_m = t.ascent_m;
  const double from_laps = lap_weighted_heart_rate(a.laps);
  f.avg_heart_rate_bpm = std::isnan(from_laps) ? t.avg_heart_rate_bpm : from_laps;
  return f;
}

}  // namespace tendon::tcx
