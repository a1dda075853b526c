#pragma once
// Reading the quantities people type: "18", "18km", "18.5 km", "18000m", "10mi"; "12h", "2d".
#include <cstdint>
#include <optional>
#include <string_view>

namespace tendon::cli {

// Metres, rounded to whole metres. A bare number is kilometres.
std::optional<std::int64_t> parse_distance_m(std::string_view text);
// Seconds of "90s", "30m", "12h", "2d", "1w".
std::optional<std::int64_t> parse_duration(std::string_view text);

}  // namespace tendon::cli
