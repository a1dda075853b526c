#pragma once
// Reads a GPX document (1.0, 1.1 or no namespace) into tracks of tendon_samples.
//
// Per <trk>: its <type>, and every <trkpt> of its <trkseg>s in file order (each
// segment's first point is recorded as a segment start). Per point: lat/lon, <ele>,
// <time>, GPX 1.0 <speed>, and from <extensions> (or, GPX 1.0 style, foreign elements
// directly in the point): Garmin TrackPointExtension v1/v2 hr/cad/speed, PowerExtension
// PowerInWatts, ClueTrust gpxdata hr/cadence, and plain <heartrate>, <hr>, <cadence>,
// <cad>, <power>, <speed> (Strava, Apple, other apps). Elements are matched by namespace
// URI (xml_names.h). Values that are not numbers or out of range are left out and
// counted.
#include <cstddef>
#include <cstdint>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "tendon/plugin.h"

namespace tendon::gpx {

// A file with more points than this (in all tracks) is refused: TENDON_ERR_LIMIT.
inline constexpr std::size_t kMaxPoints = 5'000'000;

struct GpxTrack {
  std::size_t index = 0;  // position among the document's <trk> elements (0-based)
  std::string type;       // <type> text (cleaned), empty when absent
  std::vector<tendon_sample> samples;
  std::vector<std::size_t> segment_starts;  // index of each segment's first point
  bool has_utc_offset = false;              // the first timed point carried a numeric offset
  std::int32_t utc_offset_s = 0;
};

// What the document holds besides tracks, and what was wrong with its values.
struct GpxCounts {
  std::size_t tracks = 0;           // <trk> elements
  std::size_t track_points = 0;     // <trkpt> elements
  std::size_t route_points = 0;     // <rtept> elements
  std::size_t waypoints = 0;        // <wpt> elements
  std::size_t zone_less_times = 0;  // times without a zone, read as UTC
  std::size_t bad_positions = 0;    // lat/lon missing, not numbers or off the globe
  std::size_t bad_values = 0;       // other values not numbers or out of range
};

class TrackVisitor {
 public:
  virtual ~TrackVisitor() = default;
  // Called once per <trk> (also for empty ones). Returns false to stop reading.
  virtual bool on_track(GpxTrack& track) = 0;
};

enum class ReadResult : unsigned char { done, stopped, too_many_points };

// Reads every <trk> below `root` (the <gpx> element). `track` is reused for each one.
ReadResult read_gpx(pugi::xml_node root, GpxTrack& track, GpxCounts& counts, TrackVisitor& visitor);

}  // namespace tendon::gpx
