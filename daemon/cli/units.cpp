#include "units.h"

#include <cmath>
#include <cstdlib>
#include <string>

namespace tendon::cli {

namespace {

// Splits "18.5 km" into 18.5 and "km"; false when there is no leading number.
bool split_number(std::string_view text, double& value, std::string& unit) {
  std::string s(text);
  char* end = nullptr;
  value = std::strtod(s.c_str(), &end);
  if (end == s.c_str() || !std::isfinite(value) || value < 0) return false;
  unit.clear();
  for (const char* p = end; *p; ++p) {
    if (*p != ' ') unit.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(*p))));
  }
  return true;
}

}  // namespace

std::optional<std::int64_t> parse_distance_m(std::string_view text) {
  double v = 0;
  std::string unit;
  if (!split_number(text, v, unit)) return std::nullopt;
  double metres = 0;
  if (unit.empty() || unit == "km") metres = v * 1000;
  else if (unit == "m") metres = v;
  else if (unit == "mi" || unit == "mile" || unit == "miles") metres = v * 1609.344;
  else return std::nullopt;
  if (metres > 1e7) return std::nullopt;
  return std::llround(metres);
}

std::optional<std::int64_t> parse_duration(std::string_view text) {
  double v = 0;
  std::string unit;
  if (!split_number(text, v, unit)) return std::nullopt;
  double seconds = 0;
  if (unit == "s") seconds = v;
  else if (unit == "m" || unit == "min") seconds = v * 60;
  else if (unit == "h") seconds = v * 3600;
  else if (unit == "d") seconds = v * 86400;
  else if (unit == "w") seconds = v * 7 * 86400;
  else return std::nullopt;
  if (seconds > 366.0 * 86400) return std::nullopt;
  return std::llround(seconds);
}

}  // namespace tendon::cli
