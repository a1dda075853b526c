#include "health_activity.h"

#include <array>
#include <cmath>
#include <utility>

namespace tendon::apple_health {

namespace {

constexpr std::string_view kTypePrefix = "HKWorkoutActivityType";

double or_unknown(const std::optional<double>& value) { return value ? *value : TENDON_UNKNOWN; }

double known_or(double preferred, double fallback) { return std::isnan(preferred) ? fallback : preferred; }

// At most `bytes` of `text`, cut on a UTF-8 character boundary (the host refuses longer texts).
std::string bounded(std::string text, std::size_t bytes) {
  if (text.size() <= bytes) return text;
  std::size_t cut = bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  return text;
}

}  // namespace

std::string sport_of(const HealthWorkout& workout) {
  std::string_view type = workout.activity_type;
  if (type.substr(0, kTypePrefix.size()) == kTypePrefix) type.remove_prefix(kTypePrefix.size());
  if (type == "Running") return workout.indoor ? "treadmill_running" : "running";
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kWords = {{
      {"Walking", "walking"}, {"Hiking", "hiking"}, {"Cycling", "cycling"}, {"Swimming", "swimming"},
      {"Elliptical", "elliptical"}}};
  for (const auto& [apple, tendon] : kWords) {
    if (type == apple) return std::string(tendon);
  }
  return std::string(type);
}

WorkoutActivity::WorkoutActivity(const HealthWorkout& workout)
    : sport_(bounded(sport_of(workout), 64)),
      device_(bounded(workout.device.empty() ? workout.source_name : workout.device, 200)),
      // The same workout in a later export keeps its start and source: a stable identity.
      source_id_(bounded("apple-health:" + std::to_string(workout.start->unix_ms / 1000) + ":" + workout.source_name, 250)) {
  tendon_activity& a = activity_;
  a.struct_size = sizeof a;
  a.sport = sport_.empty() ? nullptr : sport_.c_str();
  a.start_ms = workout.start->unix_ms;
  // The dates carry the phone's offset at export time, not the workout's (FORMATS.md §3.2).
  a.has_utc_offset = 0;
  a.distance_m = or_unknown(workout.distance_m);
  a.elapsed_s = workout.end && workout.end->unix_ms >= workout.start->unix_ms
                    ? static_cast<double>(workout.end->unix_ms - workout.start->unix_ms) / 1000
                    : or_unknown(workout.duration_s);
  a.timer_s = or_unknown(workout.duration_s);
  a.ascent_m = or_unknown(workout.ascent_m);
  a.avg_heart_rate_bpm = or_unknown(workout.avg_heart_rate_bpm);
  a.device = device_.empty() ? nullptr : device_.c_str();
  a.source_id = source_id_.c_str();
}

tendon_activity WorkoutActivity::amended(const tendon_activity& route) const {
  tendon_activity a = route;
  a.struct_size = sizeof a;
  a.sport = activity_.sport;
  a.start_ms = activity_.start_ms;
  a.has_utc_offset = 0;
  a.distance_m = known_or(activity_.distance_m, route.distance_m);
  a.elapsed_s = known_or(activity_.elapsed_s, route.elapsed_s);
  a.timer_s = known_or(activity_.timer_s, route.timer_s);
  a.ascent_m = known_or(activity_.ascent_m, route.ascent_m);
  a.avg_heart_rate_bpm = known_or(activity_.avg_heart_rate_bpm, route.avg_heart_rate_bpm);
  if (activity_.device != nullptr) a.device = activity_.device;
  return a;
}

}  // namespace tendon::apple_health
