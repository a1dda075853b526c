#pragma once
// Garmin Connect's *_summarizedActivities.json, read as a stream of SAX events (RapidJSON):
// only the handful of figures Tendon keeps are held per activity, so an export of
// thousands of activities costs a few hundred bytes each, not a DOM of the whole file.
// Units are converted here: centimetres, milliseconds and epoch milliseconds to metres,
// seconds and a UTC instant (startTimeLocal is the wall clock shifted as if it were UTC:
// it only gives the offset).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tendon::garmin {

struct GarminSummary {
  std::int64_t activity_id = 0;
  std::string type;                       // the typeKey ("running", "trail_running") or sportType
  std::optional<std::int64_t> start_ms;   // startTimeGmt, else beginTimestamp
  std::optional<std::int32_t> utc_offset_s;
  double distance_m;   // NaN when absent (all five)
  double elapsed_s;    // elapsedDuration, else duration
  double timer_s;      // duration (timer time, as the watch's FIT), else movingDuration
  double ascent_m;
  double avg_hr;
  std::optional<std::int64_t> device_id;
  GarminSummary();
};

struct SummaryReading {
  std::vector<GarminSummary> activities;
  std::size_t without_id = 0;  // records with no activityId (incomplete): skipped
  std::string error;           // why reading stopped early ("" when it read to the end)
};

// At most this many activities per file: the host's own per-import bound.
inline constexpr std::size_t kMaxSummaries = 500'000;

// Reads the file's activities: the real shape `[{"summarizedActivitiesExport":[{...}]}]`,
// a bare `{"summarizedActivitiesExport":[...]}` or a bare array of activities. Broken JSON
// keeps what was complete before the error and names the byte offset.
SummaryReading read_summarized_activities(std::string_view json);

}  // namespace tendon::garmin
