#pragma once
// A Health workout as a tendon_activity: the sport in Tendon's words, the identity that
// stays the same across exports, and the figures. The strings live in the object, so it
// must outlive the emit it is passed to.
#include <string>

#include "health_workouts.h"
#include "tendon/plugin.h"

namespace tendon::apple_health {

// "HKWorkoutActivityTypeRunning" -> "running" (indoor: "treadmill_running"); a type Tendon
// has no word for keeps Apple's own without the prefix ("MartialArts").
std::string sport_of(const HealthWorkout& workout);

class WorkoutActivity {
 public:
  explicit WorkoutActivity(const HealthWorkout& workout);
  WorkoutActivity(const WorkoutActivity&) = delete;
  WorkoutActivity& operator=(const WorkoutActivity&) = delete;

  // The workout on its own (no route): its summary figures.
  const tendon_activity& summary() const { return activity_; }

  // A route's activity (read from the workout's GPX by the host) given the workout's
  // sport, start, device and summary figures: the watch's totals (pedometer, barometer,
  // pauses) are the run's, the route only adds the track. What the workout lacks, the
  // route keeps.
  tendon_activity amended(const tendon_activity& route) const;

 private:
  std::string sport_, device_, source_id_;
  tendon_activity activity_{};
};

}  // namespace tendon::apple_health
