#pragma once
// Apple Health's export.xml read as a stream with expat: bytes go in as they come (the
// file reaches gigabytes), each <Workout> comes out when its end tag is read, and nothing
// else is kept, so memory does not grow with the file. Entity declarations are refused
// (no billion laughs, no external entities); the internal DTD subset Apple writes, with
// its ATTLIST declarations only, is accepted.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "health_values.h"

namespace tendon::apple_health {

struct HealthWorkout {
  std::string activity_type;  // "HKWorkoutActivityTypeRunning"
  std::string source_name;    // "Apple Watch", "Connect", "Strava", ...
  std::string device;         // the name: field of the device attribute, or ""
  std::optional<HealthDate> start, end;
  std::optional<double> duration_s;  // the active duration Apple gives (pauses excluded)
  std::optional<double> distance_m;
  std::optional<double> energy_kcal;  // read for completeness: the plugin ABI has no field for it
  std::optional<double> ascent_m;     // metadata HKElevationAscended
  std::optional<double> avg_heart_rate_bpm;
  bool indoor = false;                // metadata HKIndoorWorkout = 1
  std::vector<std::string> route_files;  // FileReference paths, as written ("/workout-routes/x.gpx")
  std::uint64_t line = 0;                // where the element starts, for messages
};

class WorkoutReader {
 public:
  // Gets each workout when its end tag is read; returns false to stop reading.
  using OnWorkout = std::function<bool(HealthWorkout&& workout)>;
  // `max_pending_bytes`: the most bytes one token (a start tag with its attributes) may
  // hold unparsed; a longer one is refused rather than buffered.
  explicit WorkoutReader(OnWorkout on_workout, std::size_t max_pending_bytes = std::size_t{64} << 20);
  ~WorkoutReader();
  WorkoutReader(const WorkoutReader&) = delete;
  WorkoutReader& operator=(const WorkoutReader&) = delete;

  // The next piece of the file; false when reading stopped (an error, or on_workout said so).
  bool feed(std::string_view chunk);
  // The end of the file; false when the document is not complete or not well formed.
  bool finish();

  // Why reading stopped ("line 12: not well-formed (invalid token)"), or "".
  const std::string& error() const;
  // True when the stop was a refusal of the whole file (an entity declaration, not an
  // export.xml), rather than a fault after which the workouts already read stand.
  bool refused() const;
  bool stopped_by_caller() const;
  // Workouts skipped with their reason ("line 40: Workout without a readable startDate").
  const std::vector<std::string>& problems() const;

  // The parse state, defined in the .cpp where expat's C callbacks reach it.
  struct State;

 private:
  std::unique_ptr<State> state_;
};

}  // namespace tendon::apple_health
