#include "config/posix_tz.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>
#include <vector>

namespace tendon::config_detail {

namespace {

class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}
  bool done() const { return pos_ >= text_.size(); }
  char peek() const { return done() ? '\0' : text_[pos_]; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  // Digits as a number; nullopt when there are none.
  std::optional<int> number(int max_digits) {
    int value = 0;
    int digits = 0;
    while (digits < max_digits && peek() >= '0' && peek() <= '9') {
      value = value * 10 + (peek() - '0');
      ++pos_;
      ++digits;
    }
    if (digits == 0) return std::nullopt;
    return value;
  }
  // A zone abbreviation: "<+0330>" or at least three letters.
  bool name() {
    if (eat('<')) {
      const auto close = text_.find('>', pos_);
      if (close == std::string_view::npos) return false;
      pos_ = close + 1;
      return true;
    }
    std::size_t letters = 0;
    while ((peek() >= 'a' && peek() <= 'z') || (peek() >= 'A' && peek() <= 'Z')) {
      ++pos_;
      ++letters;
    }
    return letters >= 3;
  }
  // [+-]hh[:mm[:ss]] in seconds; hours up to max_hours.
  std::optional<std::int32_t> duration(int max_hours) {
    int sign = 1;
    if (eat('-')) {
      sign = -1;
    } else {
      eat('+');
    }
    const auto h = number(3);
    if (!h || *h > max_hours) return std::nullopt;
    int m = 0;
    int s = 0;
    if (eat(':')) {
      const auto mm = number(2);
      if (!mm || *mm > 59) return std::nullopt;
      m = *mm;
      if (eat(':')) {
        const auto ss = number(2);
        if (!ss || *ss > 59) return std::nullopt;
        s = *ss;
      }
    }
    return sign * (*h * 3600 + m * 60 + s);
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

std::optional<PosixDateRule> parse_rule(Cursor& in) {
  PosixDateRule rule;
  if (in.eat('M')) {
    rule.kind = PosixDateRule::Kind::month_week_day;
    const auto m = in.number(2);
    if (!m || *m < 1 || *m > 12 || !in.eat('.')) return std::nullopt;
    const auto w = in.number(1);
    if (!w || *w < 1 || *w > 5 || !in.eat('.')) return std::nullopt;
    const auto d = in.number(1);
    if (!d || *d > 6) return std::nullopt;
    rule.month = *m;
    rule.week = *w;
    rule.weekday = *d;
  } else if (in.eat('J')) {
    rule.kind = PosixDateRule::Kind::julian_no_leap;
    const auto n = in.number(3);
    if (!n || *n < 1 || *n > 365) return std::nullopt;
    rule.day = *n;
  } else {
    rule.kind = PosixDateRule::Kind::zero_based;
    const auto n = in.number(3);
    if (!n || *n > 365) return std::nullopt;
    rule.day = *n;
  }
  if (in.eat('/')) {
    const auto t = in.duration(167);  // RFC 8536 allows -167..167 hours
    if (!t) return std::nullopt;
    rule.time_s = *t;
  }
  return rule;
}

bool is_leap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Local day number (days since 1970-01-01) of a rule's date in year y.
std::int64_t rule_day(const PosixDateRule& rule, std::int64_t y) {
  const std::int64_t jan1 = days_from_civil(y, 1, 1);
  switch (rule.kind) {
    case PosixDateRule::Kind::julian_no_leap:
      // Feb 29 is never counted: day 60 is always March 1.
      return jan1 + rule.day - 1 + ((is_leap(y) && rule.day >= 60) ? 1 : 0);
    case PosixDateRule::Kind::zero_based:
      return jan1 + rule.day;
    case PosixDateRule::Kind::month_week_day: break;
  }
  static constexpr std::array<int, 12> kMonthDays = {31, 28, 31, 30, 31, 30,
                                                     31, 31, 30, 31, 30, 31};
  const auto month = static_cast<unsigned>(rule.month);
  const std::int64_t first = days_from_civil(y, month, 1);
  // 1970-01-01 was a Thursday (4); 0 = Sunday.
  const std::int64_t first_weekday = (first + 4) - 7 * floor_div(first + 4, 7);
  std::int64_t day = first + (rule.weekday - first_weekday + 7) % 7 + (rule.week - 1) * 7;
  const int length = kMonthDays[month - 1] + ((month == 2 && is_leap(y)) ? 1 : 0);
  while (day >= first + length) day -= 7;  // week 5: the last such weekday
  return day;
}

}  // namespace

std::optional<PosixTz> parse_posix_tz(std::string_view text) {
  Cursor in(text);
  PosixTz tz;
  if (!in.name()) return std::nullopt;
  const auto std_west = in.duration(24);
  if (!std_west) return std::nullopt;
  tz.std_offset_s = -*std_west;
  if (in.done()) return tz;
  if (!in.name()) return std::nullopt;
  tz.has_dst = true;
  tz.dst_offset_s = tz.std_offset_s + 3600;
  if (in.peek() != ',') {
    const auto dst_west = in.duration(24);
    if (!dst_west) return std::nullopt;
    tz.dst_offset_s = -*dst_west;
  }
  // DST without rules is implementation-defined in POSIX: refuse rather than guess.
  if (!in.eat(',')) return std::nullopt;
  const auto start = parse_rule(in);
  if (!start || !in.eat(',')) return std::nullopt;
  const auto end = parse_rule(in);
  if (!end || !in.done()) return std::nullopt;
  tz.dst_start = *start;
  tz.dst_end = *end;
  return tz;
}

std::int32_t posix_utc_offset_at(const PosixTz& tz, Instant t) {
  if (!tz.has_dst) return tz.std_offset_s;
  // The transitions of the years around t, in UTC; the last one at or before t decides.
  std::int64_t y = 0;
  unsigned m = 0;
  unsigned d = 0;
  civil_from_days(floor_div(t + tz.std_offset_s, kSecondsPerDay), y, m, d);
  struct Change {
    Instant at;
    bool dst;
  };
  std::vector<Change> changes;
  for (std::int64_t year = y - 1; year <= y + 1; ++year) {
    changes.push_back({rule_day(tz.dst_start, year) * kSecondsPerDay + tz.dst_start.time_s -
                           tz.std_offset_s,
                       true});
    changes.push_back(
        {rule_day(tz.dst_end, year) * kSecondsPerDay + tz.dst_end.time_s - tz.dst_offset_s,
         false});
  }
  std::stable_sort(changes.begin(), changes.end(),
                   [](const Change& a, const Change& b) { return a.at < b.at; });
  bool dst = false;
  for (const auto& c : changes) {
    if (c.at > t) break;
    dst = c.dst;
  }
  return dst ? tz.dst_offset_s : tz.std_offset_s;
}

std::optional<std::string> read_tzif_footer(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  constexpr std::size_t kMaxSize = 1 << 20;
  std::string data;
  data.resize(kMaxSize + 1);
  in.read(data.data(), static_cast<std::streamsize>(data.size()));
  data.resize(static_cast<std::size_t>(in.gcount()));
  if (data.size() > kMaxSize || data.size() < 6 || data.compare(0, 4, "TZif") != 0 ||
      data[4] < '2' || data.back() != '\n') {
    return std::nullopt;
  }
  // The footer is "\n<rule>\n" at the very end; the rule itself holds no newline.
  const auto start = data.rfind('\n', data.size() - 2);
  if (start == std::string::npos) return std::nullopt;
  return data.substr(start + 1, data.size() - start - 2);
}

}  // namespace tendon::config_detail
