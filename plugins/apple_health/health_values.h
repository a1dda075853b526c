#pragma once
// The values of Apple Health's export.xml: its dates ("2024-01-02 07:00:00 +0100") and its
// quantities, a number with a unit in a separate attribute ("8.95512" + "km") or in the
// same string ("6575 cm"). Units follow the phone's locale, so they are always read.
#include <cstdint>
#include <optional>
#include <string_view>

namespace tendon::apple_health {

struct HealthDate {
  std::int64_t unix_ms = 0;
  std::int32_t utc_offset_s = 0;  // the exporting phone's offset at export time, not the workout's
};

// "YYYY-MM-DD HH:MM:SS +HHMM"; nullopt for anything else.
std::optional<HealthDate> parse_health_date(std::string_view text);

// A plain decimal number ("0.497", "-3", "1e3"); nullopt for text, NaN or infinity.
std::optional<double> parse_number(std::string_view text);

// Metres from a length in km, mi, m, cm, ft or yd; nullopt for another unit.
std::optional<double> metres(double value, std::string_view unit);

// Seconds from a duration in min, s, ms or hr (also "h"); nullopt for another unit.
std::optional<double> seconds(double value, std::string_view unit);

// Kilocalories from kcal, Cal (Apple's food calorie = kcal) or kJ; nullopt otherwise.
std::optional<double> kilocalories(double value, std::string_view unit);

// Metres from a metadata value that carries its unit: "6575 cm", "12.5 m".
std::optional<double> metres_in_text(std::string_view text);

}  // namespace tendon::apple_health
