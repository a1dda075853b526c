#include "gpx_import.h"

#include <cstdio>
#include <string>
#include <utility>

#include "gpx_reader.h"
#include "plugin_support.h"
#include "running_cadence.h"
#include "sport_words.h"
#include "track_figures.h"
#include "unknown.h"
#include "xml_load.h"
#include "xml_prolog.h"
#include "xml_text.h"

namespace tendon::gpx {

namespace {

std::string seconds_text(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f s", s);
  return buf;
}

// Keeps only the timed points of `track` (segment starts follow their points).
void drop_untimed_points(GpxTrack& track) {
  std::size_t kept = 0;
  std::size_t next_start = 0;
  for (std::size_t i = 0; i < track.samples.size(); ++i) {
    while (next_start < track.segment_starts.size() && track.segment_starts[next_start] == i) {
      track.segment_starts[next_start++] = kept;  // the segment now begins at the next kept point
    }
    if (track.samples[i].time_ms != INT64_MIN) track.samples[kept++] = track.samples[i];
  }
  while (next_start < track.segment_starts.size()) track.segment_starts[next_start++] = kept;
  track.samples.resize(kept);
}

// Turns each track into an activity and hands it to the sink.
class ActivityEmitter final : public TrackVisitor {
 public:
  ActivityEmitter(const tendon_sink* sink, const xml::Reporter& report, std::string device)
      : sink_(sink), report_(report), device_(std::move(device)) {}

  bool on_track(GpxTrack& track) override {
    if (track.samples.empty()) return true;  // an empty track: the reason comes from the counts
    // A recording has a time on (nearly) every point. Garmin units keep saved tracks
    // without times, and may leave a few timed points at the end of one
    // (cerknicko-without-times.gpx): a track with fewer than half its points timed is
    // a saved or drawn track, not an activity.
    std::size_t timed = 0;
    for (const tendon_sample& s : track.samples) timed += s.time_ms != INT64_MIN ? 1 : 0;
    if (timed == 0 || timed * 2 < track.samples.size()) {
      ++untimed_tracks_;
      return true;
    }
    const std::string source_id = "track-" + std::to_string(track.index);
    if (timed < track.samples.size()) {
      report_.warning(source_id + ": " + std::to_string(track.samples.size() - timed) +
                      " points without a readable <time> were left out");
      drop_untimed_points(track);
    }
    const xml::TrackFigures f = xml::compute_track_figures(track.samples, track.segment_starts, true);
    const xml::SportWord sport = track.type.empty() ? xml::SportWord{"unknown", {}} : xml::map_sport_word(track.type);
    xml::normalise_running_cadence(track.samples, sport.sport);

    tendon_activity a = xml::empty_activity();
    a.sport = sport.sport.c_str();
    a.sub_sport = sport.sub_sport.empty() ? nullptr : sport.sub_sport.c_str();
    a.start_ms = f.earliest_ms;
    a.has_utc_offset = track.has_utc_offset ? 1 : 0;
    a.utc_offset_s = track.utc_offset_s;
    a.distance_m = f.has_position ? f.distance_m : xml::kUnknown;
    a.elapsed_s = static_cast<double>(f.latest_ms - f.earliest_ms) / 1000.0;
    a.timer_s = f.moving_s;
    a.ascent_m = f.ascent_m;
    a.avg_heart_rate_bpm = f.avg_heart_rate_bpm;
    a.device = device_.empty() ? nullptr : device_.c_str();
    a.source_id = source_id.c_str();
    a.samples = track.samples.data();
    a.sample_count = track.samples.size();
    a.sample_stride = sizeof(tendon_sample);

    if (f.backward_steps > 0) {
      report_.warning(source_id + ": time goes backwards at " + std::to_string(f.backward_steps) +
                      " points (by up to " + seconds_text(f.largest_backward_s) + "); points kept in file order");
    }
    if (f.gps_jumps > 0) {
      report_.warning(source_id + ": " + std::to_string(f.gps_jumps) +
                      " GPS jumps (steps faster than 50 m/s) left out of the distance");
    }
    ++emitted_;
    if (!xml::emit(sink_, a)) {
      cancelled_ = true;
      return false;
    }
    return true;
  }

  std::size_t emitted() const { return emitted_; }
  std::size_t untimed_tracks() const { return untimed_tracks_; }
  bool cancelled() const { return cancelled_; }

 private:
  const tendon_sink* sink_;
  const xml::Reporter& report_;
  std::string device_;
  std::size_t emitted_ = 0;
  std::size_t untimed_tracks_ = 0;
  bool cancelled_ = false;
};

// Why a readable GPX document holds no activity.
std::string not_activity_reason(const GpxCounts& c, const ActivityEmitter& e) {
  if (e.untimed_tracks() > 0)
    return "GPX track without <time> on (most of) its points, a saved or drawn track, not an activity";
  if (c.route_points > 0) return "GPX route without a recorded track, not an activity";
  if (c.tracks > 0) return "GPX track without points, not an activity";
  if (c.waypoints > 0) return "GPX with waypoints only, not an activity";
  return "GPX without tracks, not an activity";
}

void report_value_problems(const GpxCounts& c, const xml::Reporter& report) {
  if (c.zone_less_times > 0) {
    report.warning(std::to_string(c.zone_less_times) + " point times have no time zone and were read as UTC");
  }
  if (c.bad_positions > 0) {
    report.warning(std::to_string(c.bad_positions) + " points have no valid lat/lon and were kept without position");
  }
  if (c.bad_values > 0) {
    report.warning(std::to_string(c.bad_values) + " values that are not numbers or out of range were left out");
  }
}

int import_document(char* data, std::size_t size, const tendon_sink* sink, const xml::Reporter& report) {
  pugi::xml_document doc;
  const xml::LoadResult loaded = xml::load_xml(data, size, doc);
  if (loaded.status == xml::LoadStatus::failed) {
    if (loaded.not_xml) return report.fail(TENDON_ERR_FORMAT, "not a GPX document (" + loaded.message + ")");
    return report.fail(TENDON_ERR_FORMAT, loaded.message);
  }
  const pugi::xml_node root = doc.document_element();
  const std::string_view root_local = xml::local_part(root.name());
  if (root_local != "gpx") {
    return report.fail(TENDON_ERR_FORMAT, "not a GPX document (root element is <" + std::string(root.name()) + ">)");
  }
  const bool partial = loaded.status == xml::LoadStatus::partial;
  if (partial) xml::drop_unfinished_tail(doc, "trkpt");

  GpxTrack track;
  GpxCounts counts;
  ActivityEmitter emitter(sink, report, xml::clean_text(root.attribute("creator").value()));
  const ReadResult read = read_gpx(doc.document_element(), track, counts, emitter);
  if (read == ReadResult::too_many_points) {
    return report.fail(TENDON_ERR_LIMIT, "more than " + std::to_string(kMaxPoints) + " track points");
  }
  if (emitter.cancelled()) return TENDON_ERR_CANCELLED;
  if (emitter.emitted() == 0) {
    if (partial) return report.fail(TENDON_ERR_FORMAT, loaded.message);
    return report.fail(TENDON_NOT_ACTIVITY, not_activity_reason(counts, emitter));
  }
  report_value_problems(counts, report);
  if (partial) {
    report.warning("the file is cut short or broken (" + loaded.message + "); imported what came before it");
  }
  return TENDON_OK;
}

}  // namespace

int import_gpx(const tendon_input* input, const tendon_sink* sink) {
  const xml::Reporter report(sink);
  if (!xml::usable_sink(sink)) return report.fail(TENDON_ERR_INTERNAL, "the host passed no usable sink");
  xml::InputBuffer buffer;
  const int loaded = buffer.load(input, report);
  if (loaded != TENDON_OK) return loaded;
  return import_document(buffer.data(), buffer.size(), sink, report);
}

int probe_gpx(const unsigned char* head, std::size_t size) { return xml::probe_root(head, size, "gpx"); }

}  // namespace tendon::gpx
