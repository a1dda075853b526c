#pragma once
// Small numeric helpers shared by the detectors: exact ratio comparisons in whole metres,
// rounding for figures, and the wording of distances in messages.
#include <cmath>
#include <cstdint>
#include <string>

namespace tendon {

// A configured fraction (0.10) as basis points (1000), so limits compare exactly in
// integers: d / B - 1 > 0.10  <=>  d * 10000 > B * (10000 + 1000).
inline std::int64_t basis_points(double fraction) { return std::llround(fraction * 10000.0); }

// value > (1 + fraction) * base, exactly, for whole-metre values.
inline bool exceeds_by(std::int64_t value, std::int64_t base, double fraction) {
  return value * 10000 > base * (10000 + basis_points(fraction));
}

inline double round_to(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

// value / base - 1, rounded to 4 decimals as figures carry it.
inline double growth_ratio(std::int64_t value, std::int64_t base) {
  return round_to(static_cast<double>(value) / static_cast<double>(base) - 1.0, 4);
}

// "18.4 km" (metres in, one decimal).
std::string format_km(double metres);
// "31.0 %" of a ratio 0.31 (whole per cents from 100 % up).
std::string format_percent(double ratio);
// A limit to stay under, rounded down to 10 m so it never reads higher than it is: "11.06 km".
std::string format_km_floor(double metres);
// "5.4 mm"
std::string format_mm(double mm);
// "1.64" (fixed decimals)
std::string format_fixed(double value, int decimals);

}  // namespace tendon
