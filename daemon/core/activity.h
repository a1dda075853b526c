#pragma once
// The domain records: what a run is, what a shoe is, what a pain check-in is.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "time.h"

namespace tendon {

// Where an activity came from, ordered by richness: when two sources describe the same
// run (SPEC.md's duplicate rule) the richer one's figures are kept.
enum class SourceKind : int { summary = 0, gpx = 1, tcx = 2, fit = 3 };
const char* to_string(SourceKind kind);
std::optional<SourceKind> parse_source_kind(std::string_view text);

struct Activity {
  std::int64_t id = 0;      // store id; 0 until stored
  std::string athlete;      // athlete key (config name)
  std::string source_id;    // the source's own identity: log id, platform id, file hash
  SourceKind source_kind = SourceKind::summary;
  std::string source_name;  // human hint: the file or export it came from
  Instant start = 0;
  std::optional<std::int32_t> utc_offset_s;  // local offset at start, when the source knows it
  std::string sport;        // normalised (sport.h): running, trail_running, cycling, ...
  std::string sub_sport;    // as the source said, may be empty
  double distance_m = 0;
  std::optional<double> elapsed_s;
  std::optional<double> moving_s;
  std::optional<double> ascent_m;
  std::optional<double> avg_hr;
  std::optional<std::string> shoe;  // shoe name as the athlete knows it
  std::string device;
};

struct Shoe {
  std::string name;  // key within an athlete
  std::string brand;
  std::string model;
  std::optional<double> drop_mm;     // unknown drop: not judged
  double start_distance_m = 0;       // distance run before Tendon knew the shoe
  std::optional<double> worn_km;     // per-shoe override of the worn limit
  std::optional<double> replace_km;  // per-shoe override of the replace limit
  bool retired = false;
};

struct Checkin {
  std::int64_t id = 0;
  std::string athlete;
  Instant at = 0;
  std::optional<std::int64_t> activity_id;
  std::optional<int> pain_during;   // 0..10
  std::optional<int> pain_after;    // 0..10
  std::optional<int> morning;       // next-morning pain / stiffness 0..10
};

// SPEC.md's duplicate rule: same athlete, starts within 60 s, distances within 3 %.
bool is_same_run(const Activity& a, const Activity& b);

}  // namespace tendon
