#include "figures.h"

#include <cstdio>

namespace tendon {

std::string format_km(double metres) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f km", metres / 1000.0);
  return buf;
}

std::string format_percent(double ratio) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f %%", ratio * 100.0);
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
