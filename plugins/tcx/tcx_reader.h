#pragma once
// Reads a Training Center Database v2 document into activities: laps (their summary
// values) and trackpoints (as tendon_samples, in file order).
//
// Activities come from Activities/Activity and from MultiSportSession (FirstSport and
// NextSport legs; a NextSport's <Transition> is read as an activity of its own, one lap).
// Per lap: StartTime, TotalTimeSeconds, DistanceMeters, AverageHeartRateBpm/Value and its
// <Track>s. Per trackpoint: Time, Position, AltitudeMeters, DistanceMeters,
// HeartRateBpm/Value, Cadence and the ActivityExtension v2 <TPX> (Speed, RunCadence,
// Watts), matched by namespace URI, whatever its prefix or a default xmlns on <TPX>
// itself. xsi:type attributes are ignored. Values that are not numbers or out of range
// are left out and counted.
#include <cstddef>
#include <cstdint>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "tendon/plugin.h"
#include "unknown.h"
#include "xsd_datetime.h"

namespace tendon::tcx {

// A file with more trackpoints than this (in all activities) is refused: TENDON_ERR_LIMIT.
inline constexpr std::size_t kMaxPoints = 5'000'000;

struct TcxLap {
  bool has_start = false;
  xml::DateTime start;
  double total_time_s = xml::kUnknown;        // NaN when absent
  double distance_m = xml::kUnknown;          // NaN when absent
  double avg_heart_rate_bpm = xml::kUnknown;  // NaN when absent
};

struct TcxActivity {
  std::size_t index = 0;    // position among the document's Activity elements (or Transitions)
  bool transition = false;  // a MultiSportSession <Transition>
  std::string sport;        // the Sport attribute, cleaned ("" when absent)
  bool has_id = false;
  xml::DateTime id;    // <Id>, when it is a time
  std::string device;  // Creator/Name, cleaned
  std::vector<TcxLap> laps;
  std::vector<tendon_sample> samples;
  std::vector<std::size_t> segment_starts;  // a new segment at each extra <Track> of a lap
  bool any_point_distance = false;          // some trackpoint has DistanceMeters
  double max_point_distance_m = 0;
  bool first_point_zone_known = false;  // zone of the first timed trackpoint
  xml::DateTime first_point_time;

  void clear();
};

struct TcxCounts {
  std::size_t activities = 0;  // Activity elements (incl. multisport legs)
  std::size_t transitions = 0;
  std::size_t courses = 0;   // Courses/Course
  std::size_t workouts = 0;  // Workouts/Workout
  std::size_t trackpoints = 0;
  std::size_t zone_less_times = 0;
  std::size_t unreadable_times = 0;
  std::size_t bad_values = 0;
};

class ActivityVisitor {
 public:
  virtual ~ActivityVisitor() = default;
  // Called once per activity (also empty ones). Returns false to stop reading.
  virtual bool on_activity(TcxActivity& activity) = 0;
};

enum class ReadResult : unsigned char { done, stopped, too_many_points };

// Reads everything below `root` (the <TrainingCenterDatabase> element); `activity` is
// reused for each one.
ReadResult read_tcx(pugi::xml_node root, TcxActivity& activity, TcxCounts& counts, ActivityVisitor& visitor);

}  // namespace tendon::tcx
