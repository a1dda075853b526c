#include "plugin_activity_checks.h"

#include <cmath>
#include <cstdio>

#include "core/time.h"
#include "plugin_text.h"

namespace tendon {

namespace {

std::string number_text(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.10g", value);
  return buffer;
}

// A measured quantity: finite, at least 0, and at most `max` (or below it when max_excluded).
std::optional<std::string> quantity_problem(const char* field, double value, double max, bool max_excluded) {
  const std::string shown = std::string(field) + " " + number_text(value);
  if (!std::isfinite(value)) return shown + " is not finite";
  if (value < 0) return shown + " is negative";
  if (value > max || (max_excluded && value == max)) {
    return shown + " is " + (max_excluded ? "not below " : "over ") + number_text(max);
  }
  return std::nullopt;
}

std::optional<std::string> optional_quantity_problem(const char* field, const std::optional<double>& value, double max,
                                                     bool max_excluded) {
  return value ? quantity_problem(field, *value, max, max_excluded) : std::nullopt;
}

std::optional<std::string> named_text_problem(const char* field, std::string_view text) {
  auto problem = text_problem(text);
  return problem ? std::optional<std::string>(std::string(field) + " " + *problem) : std::nullopt;
}

}  // namespace

std::optional<std::string> text_problem(std::string_view text) {
  if (text.size() > kMaxActivityTextBytes) {
    return "is longer than " + std::to_string(kMaxActivityTextBytes) + " bytes";
  }
  if (!is_valid_utf8(text)) return "is not valid UTF-8";
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7F) return "contains a control character";
  }
  return std::nullopt;
}

std::optional<std::string> activity_problem(const Activity& a) {
  if (a.start < kEarliestActivityStart) return "start " + format_iso8601_utc(a.start) + " is before 1990";
  if (a.start >= kLatestActivityStart) return "start " + format_iso8601_utc(a.start) + " is not before 2100";
  if (a.utc_offset_s && (*a.utc_offset_s > kMaxUtcOffsetS || *a.utc_offset_s < -kMaxUtcOffsetS)) {
    return "utc_offset_s " + std::to_string(*a.utc_offset_s) + " is outside -18 h..+18 h";
  }
  if (auto p = quantity_problem("distance_m", a.distance_m, kMaxActivityDistanceM, false)) return p;
  if (auto p = optional_quantity_problem("elapsed_s", a.elapsed_s, kMaxActivityDurationS, true)) return p;
  if (auto p = optional_quantity_problem("moving_s", a.moving_s, kMaxActivityDurationS, true)) return p;
  if (auto p = optional_quantity_problem("ascent_m", a.ascent_m, kMaxActivityAscentM, false)) return p;
  if (a.avg_hr && !(*a.avg_hr >= kMinActivityHeartRate && *a.avg_hr <= kMaxActivityHeartRate)) {
    return "avg_hr " + number_text(*a.avg_hr) + " is outside " + number_text(kMinActivityHeartRate) + ".." +
           number_text(kMaxActivityHeartRate);
  }
  if (auto p = named_text_problem("sport", a.sport)) return p;
  if (auto p = named_text_problem("sub_sport", a.sub_sport)) return p;
  if (auto p = named_text_problem("device", a.device)) return p;
  if (a.shoe) {
    if (auto p = named_text_problem("shoe", *a.shoe)) return p;
  }
  if (auto p = named_text_problem("source_id", a.source_id)) return p;
  if (auto p = named_text_problem("athlete", a.athlete)) return p;
  return std::nullopt;
}

}  // namespace tendon
