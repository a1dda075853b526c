#include "health_values.h"

#include <charconv>
#include <cmath>

namespace tendon::apple_health {

namespace {

std::optional<int> digits(std::string_view text, std::size_t at, std::size_t count) {
  if (at + count > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && leap(year) ? 29 : kDays[month - 1];
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

}  // namespace

std::optional<HealthDate> parse_health_date(std::string_view text) {
  // 0123456789012345678901234
  // 2024-01-02 07:00:00 +0100
  if (text.size() != 25 || text[4] != '-' || text[7] != '-' || text[10] != ' ' || text[13] != ':' ||
      text[16] != ':' || text[19] != ' ' || (text[20] != '+' && text[20] != '-')) {
    return std::nullopt;
  }
  const auto year = digits(text, 0, 4), month = digits(text, 5, 2), day = digits(text, 8, 2);
  const auto hour = digits(text, 11, 2), minute = digits(text, 14, 2), second = digits(text, 17, 2);
  const auto off_h = digits(text, 21, 2), off_m = digits(text, 23, 2);
  if (!year || !month || !day || !hour || !minute || !second || !off_h || !off_m) return std::nullopt;
  if (*month < 1 || *month > 12 || *day < 1 || *day > days_in_month(*year, *month) || *hour > 23 || *minute > 59 ||
      *second > 60 || *off_h > 18 || *off_m > 59) {
    return std::nullopt;
  }
  HealthDate out;
  out.utc_offset_s = (text[20] == '-' ? -1 : 1) * (*off_h * 3600 + *off_m * 60);
  const std::int64_t local_s = days_from_civil(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day)) * 86400 +
                               *hour * 3600 + *minute * 60 + *second;
  out.unix_ms = (local_s - out.utc_offset_s) * 1000;
  return out;
}

std::optional<double> parse_number(std::string_view text) {
  text = trimmed(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::general);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<double> metres(double value, std::string_view unit) {
  unit = trimmed(unit);
  if (unit == "m") return value;
  if (unit == "km") return value * 1000;
  if (unit == "mi") return value * 1609.344;
  if (unit == "cm") return value / 100;
  if (unit == "ft") return value * 0.3048;
  if (unit == "yd") return value * 0.9144;
  return std::nullopt;
}

std::optional<double> seconds(double value, std::string_view unit) {
  unit = trimmed(unit);
  if (unit == "s") return value;
  if (unit == "min") return value * 60;
  if (unit == "ms") return value / 1000;
  if (unit == "hr" || unit == "h") return value * 3600;
  return std::nullopt;
}

std::optional<double> kilocalories(double value, std::string_view unit) {
  unit = trimmed(unit);
  if (unit == "kcal" || unit == "Cal") return value;
  if (unit == "kJ") return value / 4.184;
  return std::nullopt;
}

std::optional<double> metres_in_text(std::string_view text) {
  text = trimmed(text);
  const std::size_t space = text.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  const auto number = parse_number(text.substr(0, space));
  if (!number) return std::nullopt;
  return metres(*number, text.substr(space + 1));
}

}  // namespace tendon::apple_health
