#include "figures.h"

#include <cmath>
#include <cstdio>

namespace tendon {

std::string format_km(double metres) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f km", metres / 1000.0);
  return buf;
}

std::string format_percent(double ratio) {
  // One decimal below 100 %, so "10.4 %" never reads as the 10 % limit it was compared with.
  char buf[32];
  const double pct = ratio * 100.0;
  std::snprintf(buf, sizeof buf, std::fabs(pct) < 100.0 ? "%.1f %%" : "%.0f %%", pct);
  return buf;
}

std::string format_km_floor(double metres) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f km", std::floor(metres / 10.0) / 100.0);
  return buf;
}

std::string format_mm(double mm) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f mm", mm);
  return buf;
}

std::string format_fixed(double value, int decimals) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

}  // namespace tendon
