#include "activity_sender.h"

#include <cstdio>

#include "running_cadence.h"
#include "sport_words.h"

namespace tendon::xml {

namespace {

std::string seconds_text(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f s", s);
  return buf;
}

void report_track_problems(const Reporter& report, const OutgoingActivity& o) {
  const TrackFigures& t = *o.track;
  if (t.backward_steps > 0) {
    report.warning(o.source_id + ": time goes backwards at " + std::to_string(t.backward_steps) + " points (by up to " +
                   seconds_text(t.largest_backward_s) + "); points kept in file order");
  }
  if (t.gps_jumps > 0 && o.warn_gps_jumps) {
    report.warning(o.source_id + ": " + std::to_string(t.gps_jumps) +
                   " GPS jumps (steps faster than 50 m/s) left out of the distance");
  }
}

}  // namespace

bool ActivitySender::send(const OutgoingActivity& o) {
  const SportWord sport = o.sport_word.empty() ? SportWord{"unknown", {}} : map_sport_word(o.sport_word);
  normalise_running_cadence(o.samples, sport.sport);

  tendon_activity a = empty_activity();
  a.sport = sport.sport.c_str();
  a.sub_sport = sport.sub_sport.empty() ? nullptr : sport.sub_sport.c_str();
  a.start_ms = o.summary.start_ms;
  a.has_utc_offset = o.summary.has_utc_offset ? 1 : 0;
  a.utc_offset_s = o.summary.utc_offset_s;
  a.distance_m = o.summary.distance_m;
  a.elapsed_s = o.summary.elapsed_s;
  a.timer_s = o.summary.timer_s;
  a.ascent_m = o.summary.ascent_m;
  a.avg_heart_rate_bpm = o.summary.avg_heart_rate_bpm;
  a.device = o.device == nullptr || o.device[0] == '\0' ? nullptr : o.device;
  a.source_id = o.source_id.c_str();
  a.samples = o.samples.empty() ? nullptr : o.samples.data();
  a.sample_count = o.samples.size();
  a.sample_stride = sizeof(tendon_sample);

  report_track_problems(report_, o);
  ++sent_;
  if (!emit(sink_, a)) {
    cancelled_ = true;
    return false;
  }
  return true;
}

}  // namespace tendon::xml
