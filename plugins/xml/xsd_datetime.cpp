#include "xsd_datetime.h"

namespace tendon::xml {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads `count` digits at s[pos...]; -1 when any is missing or not a digit.
int digits(std::string_view s, std::size_t pos, std::size_t count) {
  if (pos + count > s.size()) return -1;
  int v = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const char c = s[pos + i];
    if (!is_digit(c)) return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

bool leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(int y, int m) {
  static constexpr unsigned kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap_year(y) ? 29u : kDays[m - 1];
}

}  // namespace

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  // Shift the year to start in March so the leap day is the year's last day; then a
  // 400-year era has a fixed 146097 days and the day of the era follows from the
  // month table 153*m'+2)/5 (the lengths of March..February in 5-month cycles).
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(y - era * 400);
  const unsigned shifted_month = m > 2 ? m - 3 : m + 9;
  const unsigned day_of_year = (153 * shifted_month + 2) / 5 + d - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

std::optional<DateTime> parse_xsd_datetime(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  // YYYY-MM-DDThh:mm:ss is fixed-width: 19 characters.
  if (s.size() < 19) return std::nullopt;
  const int year = digits(s, 0, 4);
  const int month = digits(s, 5, 2);
  const int day = digits(s, 8, 2);
  const int hour = digits(s, 11, 2);
  const int minute = digits(s, 14, 2);
  const int second = digits(s, 17, 2);
  if (year < 1 || month < 1 || day < 1 || hour < 0 || minute < 0 || second < 0) return std::nullopt;
  if (s[4] != '-' || s[7] != '-' || s[13] != ':' || s[16] != ':') return std::nullopt;
  if (s[10] != 'T' && s[10] != 't' && s[10] != ' ') return std::nullopt;
  if (month > 12 || static_cast<unsigned>(day) > days_in_month(year, month)) return std::nullopt;
  if (minute > 59 || second > 60 || hour > 24) return std::nullopt;

  std::size_t pos = 19;
  int millis = 0;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    const std::size_t first = pos;
    int scale = 100;
    while (pos < s.size() && is_digit(s[pos])) {
      millis += (s[pos] - '0') * scale;  // digits past the third add 0 (scale reaches 0)
      scale /= 10;
      ++pos;
    }
    if (pos == first) return std::nullopt;  // "." without digits
  }
  if (hour == 24 && (minute != 0 || second != 0 || millis != 0)) return std::nullopt;

  DateTime out;
  if (pos == s.size()) {
    out.zone = ZoneKind::none;
  } else if ((s[pos] == 'Z' || s[pos] == 'z') && pos + 1 == s.size()) {
    out.zone = ZoneKind::utc;
  } else if (s[pos] == '+' || s[pos] == '-') {
    const int sign = s[pos] == '-' ? -1 : 1;
    const std::size_t rest = s.size() - pos - 1;
    int off_h = -1;
    int off_m = 0;
    if (rest == 2) {
      off_h = digits(s, pos + 1, 2);
    } else if (rest == 4) {
      off_h = digits(s, pos + 1, 2);
      off_m = digits(s, pos + 3, 2);
    } else if (rest == 5 && s[pos + 3] == ':') {
      off_h = digits(s, pos + 1, 2);
      off_m = digits(s, pos + 4, 2);
    }
    if (off_h < 0 || off_m < 0 || off_h > 14 || off_m > 59) return std::nullopt;
    out.zone = ZoneKind::offset;
    out.offset_s = sign * (off_h * 3600 + off_m * 60);
  } else {
    return std::nullopt;
  }

  const std::int64_t days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  const std::int64_t seconds = days * 86400 + hour * 3600 + minute * 60 + second - out.offset_s;
  out.utc_ms = seconds * 1000 + millis;
  return out;
}

}  // namespace tendon::xml
