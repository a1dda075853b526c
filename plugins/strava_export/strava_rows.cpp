#include "strava_rows.h"

#include <array>
#include <charconv>
#include <cmath>
#include <limits>

namespace tendon::strava {

namespace {

constexpr double kUnknown = std::numeric_limits<double>::quiet_NaN();

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool same_name(std::string_view a, std::string_view b) {
  a = trimmed(a);
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// The index of the `occurrence`-th (1-based) column called `name`, or kAbsent.
int column(const std::vector<std::string>& header, std::string_view name, int occurrence = 1) {
  int seen = 0;
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (same_name(header[i], name) && ++seen == occurrence) return static_cast<int>(i);
  }
  return kAbsent;
}

ColumnsReading legacy_columns(const std::vector<std::string>& header) {
  ColumnsReading out;
  StravaColumns& c = out.columns;
  c.legacy = true;
  c.id = column(header, "id");
  c.date = column(header, "date");
  c.name = column(header, "name");
  c.type = column(header, "type");
  c.elapsed = column(header, "elapsed_time");
  c.distance_m = column(header, "distance");  // metres in this generation
  c.gear = column(header, "gear");
  c.filename = column(header, "filename");
  for (const auto& [index, name] : std::array<std::pair<int, const char*>, 3>{
           {{c.date, "date"}, {c.type, "type"}, {c.distance_m, "distance"}}}) {
    if (index == kAbsent) out.error = "activities.csv (legacy header) has no '" + std::string(name) + "' column";
  }
  return out;
}

std::string quoted(std::string_view text) { return "'" + std::string(text.substr(0, 80)) + "'"; }

double parse_number(std::string_view text) {
  text = trimmed(text);
  if (text.empty()) return kUnknown;
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return kUnknown;
  return value;
}

constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// A small scanner over the date text: numbers, month words, separators.
class DateScanner {
 public:
  explicit DateScanner(std::string_view text) : text_(text) {}
  bool done() const { return at_ >= text_.size(); }
  void skip_separators() {
    for (;;) {
      if (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == ',' || text_[at_] == '\t')) {
        ++at_;
      } else if (text_.substr(at_, 3) == "\xE2\x80\xAF" || text_.substr(at_, 2) == "\xC2\xA0") {
        at_ += text_[at_] == '\xE2' ? 3 : 2;  // narrow / plain no-break space before AM/PM
      } else {
        return;
      }
    }
  }
  bool integer(int& out, std::size_t max_digits) {
    skip_separators();
    const std::size_t start = at_;
    out = 0;
    while (at_ < text_.size() && at_ - start < max_digits && text_[at_] >= '0' && text_[at_] <= '9') {
      out = out * 10 + (text_[at_++] - '0');
    }
    return at_ > start;
  }
  bool literal(char c) {
    if (at_ < text_.size() && text_[at_] == c) return ++at_, true;
    return false;
  }
  bool month(int& out) {
    skip_separators();
    std::size_t end = at_;
    while (end < text_.size() && ((text_[end] >= 'A' && text_[end] <= 'Z') || (text_[end] >= 'a' && text_[end] <= 'z'))) ++end;
    if (end - at_ < 3) return false;
    std::string word(text_.substr(at_, 3));
    for (char& c : word) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    for (std::size_t i = 0; i < kMonths.size(); ++i) {
      if (word == kMonths[i]) {
        out = static_cast<int>(i) + 1;
        at_ = end;
        return true;
      }
    }
    return false;
  }
  // "AM"/"PM" (any case, dots allowed): 0 none, 1 AM, 2 PM.
  int meridiem() {
    skip_separators();
    std::string word;
    while (at_ < text_.size() && word.size() < 4 && text_[at_] != ' ') word += text_[at_++];
    std::string letters;
    for (char c : word) if (c != '.') letters += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    if (letters == "AM") return 1;
    if (letters == "PM") return 2;
    return word.empty() ? 0 : -1;
  }
  bool at_digit() {
    skip_separators();
    return at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9';
  }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
};

std::optional<std::int64_t> to_epoch_ms(int year, int month, int day, int hour, int minute, int second) {
  if (year < 1970 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 ||
      second > 60) {
    return std::nullopt;
  }
  const std::int64_t days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return ((days * 24 + hour) * 60 + minute) * 60'000 + std::int64_t{second} * 1000;
}

bool read_clock(DateScanner& s, int& hour, int& minute, int& second) {
  return s.integer(hour, 2) && s.literal(':') && s.integer(minute, 2) && s.literal(':') && s.integer(second, 2);
}

}  // namespace

ColumnsReading map_columns(const std::vector<std::string>& header) {
  if (header.empty()) return {{}, "activities.csv has no header"};
  if (column(header, "id") != kAbsent && column(header, "date") != kAbsent) {
    ColumnsReading legacy = legacy_columns(header);
    legacy.columns.width = header.size();
    return legacy;
  }
  ColumnsReading out;
  StravaColumns& c = out.columns;
  c.width = header.size();
  c.id = column(header, "Activity ID");
  if (c.id == kAbsent) {
    out.error = "activities.csv: column 1 " + quoted(trimmed(header[0])) +
                " is not a Strava header in English (an export in the account's language cannot be read; "
                "set Strava's language to English and request the export again)";
    return out;
  }
  c.date = column(header, "Activity Date");
  c.name = column(header, "Activity Name");
  c.type = column(header, "Activity Type");
  // The repeated columns: the first copy is for display (integer seconds; the athlete's
  // km or miles), the second the authoritative one (float seconds; metres).
  const int elapsed_second = column(header, "Elapsed Time", 2);
  c.elapsed = elapsed_second != kAbsent ? elapsed_second : column(header, "Elapsed Time");
  c.distance_m = column(header, "Distance", 2);
  c.moving = column(header, "Moving Time");
  c.ascent = column(header, "Elevation Gain");
  c.avg_hr = column(header, "Average Heart Rate");
  c.gear = column(header, "Activity Gear");
  c.filename = column(header, "Filename");
  if (c.date == kAbsent) {
    out.error = "activities.csv has no 'Activity Date' column";
  } else if (c.distance_m == kAbsent) {
    out.error = column(header, "Distance") == kAbsent
                    ? "activities.csv has no 'Distance' column"
                    : "activities.csv has one 'Distance' column, in display units (km or mi: unknown); Strava writes "
                      "a second one in metres, which is missing";
  }
  return out;
}

RowReading read_row(const StravaColumns& columns, const CsvRecord& record, std::size_t number) {
  RowReading out;
  const auto& f = record.fields;
  const std::string where = "row " + std::to_string(number) + " (line " + std::to_string(record.line) + ")";
  if (f.size() < columns.width) {
    out.problem = where + " has " + std::to_string(f.size()) + " fields where the header has " +
                  std::to_string(columns.width) + " (skipped)";
    return out;
  }
  const auto text = [&](int index) { return index == kAbsent ? std::string() : std::string(trimmed(f[static_cast<std::size_t>(index)])); };
  const auto value = [&](int index) { return index == kAbsent ? kUnknown : parse_number(f[static_cast<std::size_t>(index)]); };
  StravaRow row;
  row.number = number;
  row.line = record.line;
  row.id = text(columns.id);
  if (row.id.empty()) {
    out.problem = where + " has no Activity ID (skipped)";
    return out;
  }
  row.name = text(columns.name);
  row.type = text(columns.type);
  row.gear = text(columns.gear);
  row.filename = text(columns.filename);
  row.start_ms = parse_strava_date(text(columns.date));
  row.distance_m = value(columns.distance_m);
  row.elapsed_s = value(columns.elapsed);
  row.moving_s = value(columns.moving);
  row.ascent_m = value(columns.ascent);
  row.avg_hr = value(columns.avg_hr);
  out.row = std::move(row);
  return out;
}

std::optional<std::int64_t> parse_strava_date(std::string_view text) {
  text = trimmed(text);
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  // ISO-like: 2014-09-12 16:54:28, 2014-09-12T16:54:28Z
  if (text.size() >= 19 && text[4] == '-' && text[7] == '-' && (text[10] == ' ' || text[10] == 'T')) {
    DateScanner s(text);
    if (!s.integer(year, 4) || !s.literal('-') || !s.integer(month, 2) || !s.literal('-') || !s.integer(day, 2)) {
      return std::nullopt;
    }
    if (!s.literal('T') && !s.literal(' ')) return std::nullopt;
    if (!read_clock(s, hour, minute, second)) return std::nullopt;
    s.literal('Z');
    if (!s.done()) return std::nullopt;
    return to_epoch_ms(year, month, day, hour, minute, second);
  }
  DateScanner s(text);
  if (s.at_digit()) {  // 19 Feb 2022, 10:14:12
    if (!s.integer(day, 2) || !s.month(month)) return std::nullopt;
  } else {  // Feb 19, 2022, 10:14:12 AM
    if (!s.month(month) || !s.integer(day, 2)) return std::nullopt;
  }
  if (!s.integer(year, 4) || !read_clock(s, hour, minute, second)) return std::nullopt;
  const int meridiem = s.meridiem();
  if (meridiem < 0 || !s.done()) return std::nullopt;
  if (meridiem > 0) {
    if (hour < 1 || hour > 12) return std::nullopt;
    hour = hour % 12 + (meridiem == 2 ? 12 : 0);
  }
  return to_epoch_ms(year, month, day, hour, minute, second);
}

std::string row_label(const StravaRow& row) {
  return "activities.csv row " + std::to_string(row.number) + " (activity " + row.id + ")";
}

}  // namespace tendon::strava
