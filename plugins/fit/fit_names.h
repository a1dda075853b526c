#pragma once
// Words for FIT's numbers: sports, sub-sports, file types (FIT profile names, snake_case),
// Tendon's sport vocabulary, and a device's display name.
#include <cstdint>
#include <string>
#include <string_view>

namespace tendon::fit {

namespace file_type {
inline constexpr std::uint8_t activity = 4;
}
namespace sport {
inline constexpr std::uint8_t generic = 0;
inline constexpr std::uint8_t running = 1;
inline constexpr std::uint8_t cycling = 2;
inline constexpr std::uint8_t walking = 11;
inline constexpr std::uint8_t hiking = 17;
}  // namespace sport
namespace sub_sport {
inline constexpr std::uint8_t treadmill = 1;
inline constexpr std::uint8_t street = 2;
inline constexpr std::uint8_t trail = 3;
inline constexpr std::uint8_t track = 4;
inline constexpr std::uint8_t road = 7;
inline constexpr std::uint8_t indoor_running = 45;
inline constexpr std::uint8_t virtual_activity = 58;
}  // namespace sub_sport

// "cycling", "fitness_equipment"; numbers the profile does not name: "sport_<n>".
std::string sport_name(std::uint8_t sport);
// "treadmill", "indoor_rowing"; unnamed numbers: "sub_sport_<n>".
std::string sub_sport_name(std::uint8_t sub_sport);
// "activity", "settings", "monitoring_b"; unnamed numbers: "type <n>".
std::string file_type_name(std::uint8_t type);

// Tendon's word: running splits by sub-sport ("trail_running", "treadmill_running",
// "track_running", "street_running", "road_running", "indoor_running",
// "virtual_running", else "running"); other sports keep their FIT name.
std::string tendon_sport(std::uint8_t sport, std::uint8_t sub_sport);

// Foot sports, whose FIT cadence counts one leg's strides per minute.
constexpr bool cadence_counts_strides(std::uint8_t sport) {
  return sport == sport::running || sport == sport::walking || sport == sport::hiking;
}

// "Garmin Forerunner 10", "Wahoo ELEMNT BOLT", "COROS APEX Pro", "Garmin product 9999",
// "Strava", or "" when the manufacturer is unknown too. `product_name` is the device's own
// name when it wrote one (preferred); kNoUint16-style invalid numbers mean absent.
std::string device_name(std::uint16_t manufacturer, std::uint16_t product, std::string_view product_name);

}  // namespace tendon::fit
