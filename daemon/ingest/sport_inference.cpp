#include "sport_inference.h"

#include <cmath>
#include <cstdio>

namespace tendon {

namespace {

std::string pace_text(double speed_m_s) {
  const long seconds_per_km = std::lround(1000.0 / speed_m_s);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%ld:%02ld /km", seconds_per_km / 60, seconds_per_km % 60);
  return buf;
}

}  // namespace

std::optional<std::string> settle_sport(Activity& activity) {
  if (!activity.sport.empty() && activity.sport != "unknown") return std::nullopt;
  activity.sport = "unknown";
  const std::optional<double> duration = activity.moving_s ? activity.moving_s : activity.elapsed_s;
  if (!duration || *duration <= 0 || activity.distance_m <= 0) {
    return std::string("sport not stated and no pace to judge it by; stored as 'unknown', not judged as a run");
  }
  const double speed = activity.distance_m / *duration;
  if (speed >= kInferRunMinSpeed && speed <= kInferRunMaxSpeed) {
    activity.sport = "running";
    return "sport not stated; taken as running from its pace of " + pace_text(speed);
  }
  return "sport not stated and its pace of " + pace_text(speed) +
         " is not a running pace; stored as 'unknown', not judged as a run";
}

}  // namespace tendon
