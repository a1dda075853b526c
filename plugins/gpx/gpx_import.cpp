#include "gpx_import.h"

#include <string>

#include "document_import.h"
#include "gpx_reader.h"
#include "track_figures.h"
#include "unknown.h"
#include "xml_prolog.h"
#include "xml_text.h"

namespace tendon::gpx {

namespace {

constexpr xml::DocumentFormat kGpxFormat{"GPX", "gpx", "trkpt"};

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

// Reads the tracks of a GPX document and sends each recorded one as an activity.
class GpxDocumentReader final : public xml::DocumentReader, private TrackVisitor {
 public:
  using DocumentReader::DocumentReader;

  int read(pugi::xml_node root) override {
    device_ = xml::clean_text(root.attribute("creator").value());
    GpxTrack track;
    if (read_gpx(root, track, counts_, *this) == ReadResult::too_many_points) {
      return report().fail(TENDON_ERR_LIMIT, "more than " + std::to_string(kMaxPoints) + " track points");
    }
    return TENDON_OK;
  }

  std::string not_activity_reason() const override {
    if (untimed_tracks_ > 0)
      return "GPX track without <time> on (most of) its points, a saved or drawn track, not an activity";
    if (counts_.route_points > 0) return "GPX route without a recorded track, not an activity";
    if (counts_.tracks > 0) return "GPX track without points, not an activity";
    if (counts_.waypoints > 0) return "GPX with waypoints only, not an activity";
    return "GPX without tracks, not an activity";
  }

  void report_value_problems() const override {
    report().count_warning(counts_.zone_less_times, "point times have no time zone and were read as UTC");
    report().count_warning(counts_.bad_positions, "points have no valid lat/lon and were kept without position");
    report().count_warning(counts_.bad_values, "values that are not numbers or out of range were left out");
  }

 private:
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
      report().warning(source_id + ": " + std::to_string(track.samples.size() - timed) +
                       " points without a readable <time> were left out");
      drop_untimed_points(track);
    }
    const xml::TrackFigures f = xml::compute_track_figures(track.samples, track.segment_starts, true);
    return send({
        .source_id = source_id,
        .sport_word = track.type,
        .device = device_.c_str(),
        .samples = track.samples,
        .summary = {.start_ms = f.earliest_ms,
                    .has_utc_offset = track.has_utc_offset,
                    .utc_offset_s = track.utc_offset_s,
                    .distance_m = f.has_position ? f.distance_m : xml::kUnknown,
                    .elapsed_s = static_cast<double>(f.latest_ms - f.earliest_ms) / 1000.0,
                    .timer_s = f.moving_s,
                    .ascent_m = f.ascent_m,
                    .avg_heart_rate_bpm = f.avg_heart_rate_bpm},
        .track = &f,
        .warn_gps_jumps = true,
    });
  }

  GpxCounts counts_;
  std::string device_;  // <gpx creator>, cleaned
  std::size_t untimed_tracks_ = 0;
};

}  // namespace

int import_gpx(const tendon_input* input, const tendon_sink* sink) {
  GpxDocumentReader reader(sink);
  return xml::import_document(input, sink, kGpxFormat, reader);
}

int probe_gpx(const unsigned char* head, std::size_t size) { return xml::probe_root(head, size, "gpx"); }

}  // namespace tendon::gpx
