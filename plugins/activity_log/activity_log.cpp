#include "activity_log.h"

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <system_error>
#include <unordered_map>
#include <utility>

#include "core/sport.h"
#include "core/time.h"

namespace tendon {

namespace {

// ---------------------------------------------------------------------------------------
// Fields

enum class Field : std::size_t {
  id,
  start,
  sport,
  distance_m,
  duration_s,
  moving_s,
  ascent_m,
  avg_hr,
  shoe,
  athlete,
  device,
};
inline constexpr std::size_t kFieldCount = 11;

constexpr std::array<std::string_view, kFieldCount> kFieldNames = {
    "id", "start", "sport", "distance_m", "duration_s", "moving_s",
    "ascent_m", "avg_hr", "shoe", "athlete", "device"};

constexpr std::array<Field, 3> kRequired = {Field::start, Field::sport, Field::distance_m};

constexpr std::size_t index(Field f) { return static_cast<std::size_t>(f); }
constexpr std::string_view name(Field f) { return kFieldNames[index(f)]; }

bool is_space(char c) { return c == ' ' || c == '\t'; }
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Field names match case-insensitively (ASCII) once surrounding spaces are trimmed.
std::optional<Field> lookup_field(std::string_view raw) {
  const std::string_view t = trim(raw);
  for (std::size_t i = 0; i < kFieldCount; ++i) {
    const std::string_view n = kFieldNames[i];
    if (t.size() != n.size()) continue;
    bool same = true;
    for (std::size_t k = 0; k < n.size() && same; ++k) {
      char c = t[k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      same = c == n[k];
    }
    if (same) return static_cast<Field>(i);
  }
  return std::nullopt;
}

// A value before interpretation. CSV cells are all text; JSON gives text (strings), numbers
// (their exact text as written), booleans and compounds (objects, arrays). null and absent
// cells are simply not stored.
struct RawValue {
  enum class Kind { text, number, boolean, compound } kind = Kind::text;
  std::string text;
};

struct RawRecord {
  std::size_t line = 0;
  std::array<std::optional<RawValue>, kFieldCount> values;
};

// ---------------------------------------------------------------------------------------
// Text helpers

bool valid_utf8(std::string_view s);

// Length of the UTF-8 sequence a byte starts (1 for ASCII and stray bytes).
std::size_t sequence_length(unsigned char c) {
  if (c >= 0xF0) return 4;
  if (c >= 0xE0) return 3;
  if (c >= 0xC0) return 2;
  return 1;
}

// Shows a value inside a one-line message: quoted, cut after 40 bytes, control bytes and
// invalid UTF-8 escaped as \xNN, so that any input yields a readable, bounded reason.
std::string show(std::string_view v) {
  constexpr std::size_t kMax = 40;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  std::size_t i = 0;
  while (i < v.size() && i < kMax) {
    const auto c = static_cast<unsigned char>(v[i]);
    const std::size_t len = sequence_length(c);
    if (c >= 0x80 && len > 1 && i + len <= v.size() && valid_utf8(v.substr(i, len))) {
      out.append(v.substr(i, len));  // a whole, valid multi-byte character
      i += len;
      continue;
    }
    if (c < 0x20 || c >= 0x7F) {
      out += "\\x";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    } else {
      if (c == '"' || c == '\\') out.push_back('\\');
      out.push_back(static_cast<char>(c));
    }
    ++i;
  }
  if (i < v.size()) out += "...";
  out.push_back('"');
  return out;
}

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1Fu;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0Fu;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07u;
    } else {
      return false;
    }
    if (i + len > s.size()) {
      return false;
    }
    for (std::size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0u) != 0x80u) {
        return false;
      }
      cp = (cp << 6) | (cc & 0x3Fu);
    }
    const bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    const bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
    if (overlong || surrogate || cp > 0x10FFFF) {
      return false;
    }
    i += len;
  }
  return true;
}

// Number text, the same for CSV cells, JSON strings and JSON numbers:
//   [+-]? ( digits [ . digits* ] | . digits ) [ (e|E) [+-]? digits ]
// No units, no thousands separators, '.' as the decimal point; nan/inf are not numbers.
enum class NumberError { none, not_a_number, too_large };

NumberError parse_number(std::string_view t, double& out) {
  std::size_t i = 0;
  const bool plus = i < t.size() && t[i] == '+';
  if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
  std::size_t int_digits = 0, frac_digits = 0;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i, ++int_digits;
  if (i < t.size() && t[i] == '.') {
    ++i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i, ++frac_digits;
  }
  if (int_digits + frac_digits == 0) return NumberError::not_a_number;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    std::size_t exp_digits = 0;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i, ++exp_digits;
    if (exp_digits == 0) return NumberError::not_a_number;
  }
  if (i != t.size()) return NumberError::not_a_number;
  const std::string_view body = plus ? t.substr(1) : t;
  double v = 0;
  const auto [ptr, ec] = std::from_chars(body.data(), body.data() + body.size(), v, std::chars_format::general);
  if (ec == std::errc::result_out_of_range) {
    // Too far from 1 to represent: too large, or so small that it is 0. Decide by the
    // decimal exponent of the leading non-zero digit.
    const std::size_t e = body.find_first_of("eE");
    const std::string_view mantissa = body.substr(0, e);
    long long lead = 0;
    bool found = false, after_point = false;
    long long int_digits_left = 0;
    for (char c : mantissa) {
      if (c == '.') {
        after_point = true;
      } else if (c >= '0' && c <= '9') {
        if (!found && c != '0') {
          found = true;
          lead = after_point ? lead - 1 : 0;
          int_digits_left = after_point ? 0 : 1;
        } else if (!found && after_point) {
          --lead;
        } else if (found && !after_point) {
          ++int_digits_left;
        }
      }
    }
    if (!found) {
      out = 0;
      return NumberError::none;
    }
    if (int_digits_left > 0) lead = int_digits_left - 1;
    long long exp = 0;
    if (e != std::string_view::npos) {
      std::size_t k = e + 1;
      const bool negative = k < body.size() && body[k] == '-';
      if (k < body.size() && (body[k] == '-' || body[k] == '+')) ++k;
      for (; k < body.size(); ++k) {
        if (exp < 1'000'000'000) exp = exp * 10 + (body[k] - '0');
      }
      if (negative) exp = -exp;
    }
    if (lead + exp > 0) return NumberError::too_large;
    out = 0;
    return NumberError::none;
  }
  if (ec != std::errc() || ptr != body.data() + body.size()) return NumberError::not_a_number;
  if (!std::isfinite(v)) return NumberError::too_large;
  out = v == 0 ? 0.0 : v;  // no negative zero
  return NumberError::none;
}

// Shortest text that reads back as the same double, never in exponent form.
std::string format_number(double v) {
  char buf[400];
  const auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  if (ec != std::errc()) return "?";
  return std::string(buf, ptr);
}

// ---------------------------------------------------------------------------------------
// Record -> Activity (shared by both formats)

class Importer {
 public:
  explicit Importer(LogParseResult& out) : out_(out) {}

  void problem(std::size_t line, std::string reason) {
    if (listed_ < kMaxLogProblems) {
      out_.problems.push_back(LogProblem{line, std::move(reason)});
      ++listed_;
    } else {
      if (unlisted_ == 0) first_unlisted_line_ = line;
      ++unlisted_;
    }
  }

  void finish() {
    if (unlisted_ > 0) {
      out_.problems.push_back(LogProblem{
          first_unlisted_line_, std::to_string(unlisted_) + " more problem" + (unlisted_ == 1 ? "" : "s") +
                                    " not listed (the first on line " + std::to_string(first_unlisted_line_) + ")"});
    }
  }

  void record(const RawRecord& raw) {
    std::string errors;
    auto fail = [&errors](std::string_view text) {
      if (!errors.empty()) errors += "; ";
      errors += text;
    };

    Activity a;
    a.source_kind = SourceKind::summary;

    // Values as text, with the type rules. Returns nullopt (field absent) or the text.
    auto value_text = [&](Field f) -> std::optional<std::string_view> {
      const auto& v = raw.values[index(f)];
      if (!v) return std::nullopt;
      switch (v->kind) {
        case RawValue::Kind::boolean:
          fail(std::string(name(f)) + " must be text or a number, not true/false");
          return std::nullopt;
        case RawValue::Kind::compound:
          fail(std::string(name(f)) + " must be text or a number, not an object or array");
          return std::nullopt;
        case RawValue::Kind::text:
        case RawValue::Kind::number:
          break;
      }
      const std::string_view t = trim(v->text);
      if (t.empty()) return std::nullopt;  // empty cell / "" = absent
      return t;
    };

    auto text_field = [&](Field f) -> std::optional<std::string> {
      const auto t = value_text(f);
      if (!t) return std::nullopt;
      if (!valid_utf8(*t)) {
        fail(std::string(name(f)) + " " + show(*t) + " is not valid UTF-8");
        return std::nullopt;
      }
      for (char ch : *t) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7F) {
          fail(std::string(name(f)) + " " + show(*t) + " contains a control character");
          return std::nullopt;
        }
      }
      if (t->size() > kMaxLogTextBytes) {
        fail(std::string(name(f)) + " " + show(*t) + " is longer than " + std::to_string(kMaxLogTextBytes) +
             " bytes");
        return std::nullopt;
      }
      return std::string(*t);
    };

    // A number field: absent, or a finite number within [min, max] (min exclusive when
    // min_exclusive). `range` describes the accepted values in messages.
    auto number_field = [&](Field f, double min, bool min_exclusive, double max,
                            std::string_view range) -> std::optional<double> {
      const auto t = value_text(f);
      if (!t) return std::nullopt;
      double v = 0;
      switch (parse_number(*t, v)) {
        case NumberError::not_a_number:
          fail(std::string(name(f)) + " " + show(*t) + " is not a number");
          return std::nullopt;
        case NumberError::too_large:
          fail(std::string(name(f)) + " " + show(*t) + " is not a finite number");
          return std::nullopt;
        case NumberError::none:
          break;
      }
      if (v < 0) {
        fail(std::string(name(f)) + " " + show(*t) + " is negative");
        return std::nullopt;
      }
      if (v < min || (min_exclusive && v <= min) || v > max) {
        fail(std::string(name(f)) + " " + show(*t) + " is out of range (" + std::string(range) + ")");
        return std::nullopt;
      }
      return v;
    };

    // id first: it is registered even when the rest of the record is bad, so that a
    // repeated id is reported together with the other problems of the first record.
    const auto id = text_field(Field::id);
    if (id) {
      const auto [it, inserted] = ids_.try_emplace(*id, raw.line);
      if (!inserted) fail("duplicate id " + show(*id) + ", first on line " + std::to_string(it->second));
    }

    // Required fields: absent, null and empty all read as missing.
    auto missing = [&](Field f) {
      const auto& v = raw.values[index(f)];
      const bool is_missing = !v || ((v->kind == RawValue::Kind::text || v->kind == RawValue::Kind::number) &&
                                     trim(v->text).empty());
      if (is_missing) fail("missing " + std::string(name(f)));
      return is_missing;
    };

    // start
    bool start_ok = false;
    if (!missing(Field::start)) {
      if (const auto t = value_text(Field::start)) {
        const auto parsed = parse_iso8601(*t);
        static const Instant kEarliest = days_from_civil(1990, 1, 1) * kSecondsPerDay;
        static const Instant kLatest = days_from_civil(2100, 1, 1) * kSecondsPerDay;
        if (!parsed) {
          if (parse_iso8601(std::string(*t) + "Z")) {
            fail("start " + show(*t) + " has no time zone: add Z or an offset such as +01:00");
          } else {
            fail("start " + show(*t) + " is not an RFC 3339 time such as 2026-03-01T07:00:00Z");
          }
        } else if (parsed->utc < kEarliest || parsed->utc >= kLatest) {
          fail("start " + show(*t) + " is out of range (years 1990 to 2099)");
        } else {
          a.start = parsed->utc;
          // RFC 3339: "-00:00" says the UTC time is known and the local offset is not.
          const bool unknown_offset = (t->size() >= 6 && t->substr(t->size() - 6) == "-00:00") ||
                                      (t->size() >= 5 && t->substr(t->size() - 5) == "-0000");
          if (!unknown_offset) a.utc_offset_s = parsed->utc_offset_s;
          start_ok = true;
        }
      }
    }

    // sport
    bool sport_ok = false;
    if (!missing(Field::sport)) {
      if (const auto s = text_field(Field::sport)) {
        a.sport = normalise_sport(*s);
        if (a.sport.empty()) {
          fail("sport " + show(*s) + " names no sport");
        } else {
          sport_ok = true;
        }
      }
    }

    // distance
    bool distance_ok = false;
    if (!missing(Field::distance_m)) {
      if (const auto d = number_field(Field::distance_m, 0, false, kMaxLogDistanceM, "0 to 1000 km")) {
        a.distance_m = *d;
        distance_ok = true;
      }
    }

    a.elapsed_s = number_field(Field::duration_s, 0, true, kMaxLogDurationS, "more than 0 s, at most 7 days");
    a.moving_s = number_field(Field::moving_s, 0, true, kMaxLogDurationS, "more than 0 s, at most 7 days");
    a.ascent_m = number_field(Field::ascent_m, 0, false, kMaxLogAscentM, "0 to 50000 m");
    a.avg_hr = number_field(Field::avg_hr, kMinLogHeartRate, false, kMaxLogHeartRate, "20 to 300 bpm");
    a.shoe = text_field(Field::shoe);
    if (auto athlete = text_field(Field::athlete)) a.athlete = std::move(*athlete);
    if (auto device = text_field(Field::device)) a.device = std::move(*device);

    if (!errors.empty() || !start_ok || !sport_ok || !distance_ok) {
      if (errors.empty()) errors = "unreadable record";
      problem(raw.line, std::move(errors));
      return;
    }

    if (id) {
      a.source_id = *id;
    } else {
      a.source_id = "log:" + format_iso8601_utc(a.start) + ":" + a.sport + ":" + format_number(a.distance_m);
      // The same record twice (no id to tell them apart): the second is a repeat.
      const auto [it, inserted] = synthetic_.try_emplace(a.athlete + '\n' + a.source_id, raw.line);
      if (!inserted) {
        problem(raw.line, "same start, sport and distance as line " + std::to_string(it->second) +
                              " (records without id); skipped as a repeat");
        return;
      }
    }
    out_.activities.push_back(std::move(a));
  }

 private:
  LogParseResult& out_;
  std::unordered_map<std::string, std::size_t> ids_;        // id -> first line
  std::unordered_map<std::string, std::size_t> synthetic_;  // athlete + synthetic id -> line
  std::size_t listed_ = 0;
  std::size_t unlisted_ = 0;
  std::size_t first_unlisted_line_ = 0;
};

std::string_view strip_bom(std::string_view content) {
  if (content.size() >= 3 && content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
  return content;
}

std::string too_long_reason() {
  return "record is longer than " + std::to_string(kMaxLogRecordBytes / 1024) + " KiB; skipped";
}

// ---------------------------------------------------------------------------------------
// JSON Lines

// SAX handler: keeps the top-level members it knows, checks the rest only for syntax.
class LineHandler {
 public:
  static constexpr int kMaxDepth = 64;

  RawRecord record;
  std::string error;  // set when the handler stopped the parse (or found a repeated field)
  bool stopped() const { return stopped_; }  // the handler, not a syntax error, ended the parse

  bool Null() { return scalar(std::nullopt); }
  bool Bool(bool b) { return scalar(RawValue{RawValue::Kind::boolean, b ? "true" : "false"}); }
  // Only RawNumber is called under kParseNumbersAsStringsFlag; the others must exist.
  bool Int(int) { return number_unexpected(); }
  bool Uint(unsigned) { return number_unexpected(); }
  bool Int64(std::int64_t) { return number_unexpected(); }
  bool Uint64(std::uint64_t) { return number_unexpected(); }
  bool Double(double) { return number_unexpected(); }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool) {
    return scalar(RawValue{RawValue::Kind::number, std::string(s, n)});
  }
  bool String(const char* s, rapidjson::SizeType n, bool) {
    return scalar(RawValue{RawValue::Kind::text, std::string(s, n)});
  }
  bool StartObject() {
    if (depth_ == 0) {
      depth_ = 1;
      return true;
    }
    return open();
  }
  bool Key(const char* s, rapidjson::SizeType n, bool) {
    if (depth_ != 1) return true;
    current_ = lookup_field(std::string_view(s, n));
    if (current_ && seen_[index(*current_)]) {
      if (error.empty()) error = "field " + std::string(name(*current_)) + " given twice";
      current_.reset();  // keep the first
    }
    if (current_) seen_[index(*current_)] = true;
    return true;
  }
  bool EndObject(rapidjson::SizeType) {
    --depth_;
    return true;
  }
  bool StartArray() {
    if (depth_ == 0) return not_object();
    return open();
  }
  bool EndArray(rapidjson::SizeType) {
    --depth_;
    return true;
  }

 private:
  bool not_object() {
    error = "not a JSON object (each line must be one {...} record)";
    stopped_ = true;
    return false;
  }
  bool number_unexpected() { return scalar(RawValue{RawValue::Kind::number, "0"}); }
  bool scalar(std::optional<RawValue> v) {
    if (depth_ == 0) return not_object();
    if (depth_ == 1 && current_) record.values[index(*current_)] = std::move(v);
    return true;
  }
  bool open() {
    if (depth_ == 1 && current_) record.values[index(*current_)] = RawValue{RawValue::Kind::compound, {}};
    if (++depth_ > kMaxDepth) {
      error = "JSON nested more than " + std::to_string(kMaxDepth) + " levels deep";
      stopped_ = true;
      return false;
    }
    return true;
  }

  int depth_ = 0;
  std::optional<Field> current_;
  std::array<bool, kFieldCount> seen_{};
  bool stopped_ = false;
};

void parse_json_line(std::string_view line, std::size_t line_no, Importer& importer) {
  if (line.size() > kMaxLogRecordBytes) {
    importer.problem(line_no, too_long_reason());
    return;
  }
  if (line.find('\0') != std::string_view::npos) {
    importer.problem(line_no, "line contains a NUL byte");
    return;
  }
  LineHandler handler;
  handler.record.line = line_no;
  rapidjson::Reader reader;
  rapidjson::MemoryStream ms(line.data(), line.size());
  constexpr unsigned kFlags =
      rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag | rapidjson::kParseNumbersAsStringsFlag;
  const rapidjson::ParseResult ok = reader.Parse<kFlags>(ms, handler);
  if (!ok) {
    if (handler.stopped()) {
      importer.problem(line_no, handler.error);
    } else {
      std::string what = rapidjson::GetParseError_En(ok.Code());
      if (!what.empty() && what.back() == '.') what.pop_back();
      importer.problem(line_no, "not valid JSON: " + what + " (column " + std::to_string(ok.Offset() + 1) + ")");
    }
    return;
  }
  if (!handler.error.empty()) {
    importer.problem(line_no, handler.error);
    return;
  }
  importer.record(handler.record);
}

bool is_skippable_line(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && is_blank(line[i])) ++i;
  return i == line.size() || line[i] == '#';
}

void parse_json_lines(std::string_view content, Importer& importer) {
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos < content.size()) {
    ++line_no;
    std::size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (is_skippable_line(line)) continue;
    parse_json_line(line, line_no, importer);
  }
}

// ---------------------------------------------------------------------------------------
// CSV (RFC 4180, lenient about line ends and spaces around quoted fields)

struct CsvRecord {
  std::size_t line = 0;   // physical line where it starts
  std::vector<std::string> cells;
  std::string error;      // quoting problem; the record is reported, not used
  bool comment = false;   // '#' as the first character of the line
  bool oversized = false;
};

class CsvReader {
 public:
  explicit CsvReader(std::string_view s) : s_(s) {}

  bool done() const { return pos_ >= s_.size(); }

  CsvRecord next() {
    CsvRecord rec;
    rec.line = line_;
    const std::size_t start_pos = pos_;
    // A comment: '#' as the first non-blank character of the line.
    std::size_t first = pos_;
    while (first < s_.size() && is_space(s_[first])) ++first;
    if (first < s_.size() && s_[first] == '#') {
      rec.comment = true;
      pos_ = first;
      while (pos_ < s_.size() && s_[pos_] != '\n' && s_[pos_] != '\r') ++pos_;
      end_of_line();
      return rec;
    }
    std::string cell;
    // Past the size limit the record is only scanned to its end, not kept.
    auto within_limit = [&] {
      if (!rec.oversized && pos_ - start_pos > kMaxLogRecordBytes) {
        rec.oversized = true;
        rec.cells.clear();
        rec.cells.shrink_to_fit();
        cell.clear();
        cell.shrink_to_fit();
      }
      return !rec.oversized;
    };
    auto push_cell = [&] {
      if (within_limit()) rec.cells.push_back(std::move(cell));
      cell.clear();
    };
    auto add = [&](char c) {
      if (within_limit()) cell.push_back(c);
    };
    for (;;) {
      // Start of a field: a quote, possibly after spaces, opens a quoted field.
      std::size_t look = pos_;
      while (look < s_.size() && is_space(s_[look])) ++look;
      if (look < s_.size() && s_[look] == '"') {
        const std::size_t open_line = line_;
        pos_ = look + 1;
        bool closed = false;
        while (pos_ < s_.size()) {
          const char c = s_[pos_];
          if (c == '"') {
            if (pos_ + 1 < s_.size() && s_[pos_ + 1] == '"') {
              add('"');
              pos_ += 2;
              continue;
            }
            ++pos_;
            closed = true;
            break;
          }
          if (c == '\r' || c == '\n') {
            // embedded line end: kept as written, counted as a physical line
            add(c);
            if (c == '\r' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '\n') {
              add('\n');
              ++pos_;
            }
            ++pos_;
            ++line_;
            continue;
          }
          add(c);
          ++pos_;
        }
        if (!closed) {
          if (rec.error.empty()) {
            rec.error = "quoted field opened on line " + std::to_string(open_line) + " is never closed";
          }
          push_cell();
          return rec;  // end of input
        }
        // After the closing quote: spaces, then a separator or the end of the line.
        while (pos_ < s_.size() && is_space(s_[pos_])) ++pos_;
        if (pos_ < s_.size() && s_[pos_] != ',' && s_[pos_] != '\n' && s_[pos_] != '\r') {
          if (rec.error.empty()) rec.error = "text after the closing quote of a quoted field";
          while (pos_ < s_.size() && s_[pos_] != ',' && s_[pos_] != '\n' && s_[pos_] != '\r') ++pos_;
        }
      } else {
        while (pos_ < s_.size() && s_[pos_] != ',' && s_[pos_] != '\n' && s_[pos_] != '\r') {
          add(s_[pos_]);
          ++pos_;
        }
      }
      push_cell();
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      end_of_line();
      return rec;
    }
  }

 private:
  // Consumes LF, CRLF or a lone CR (if any) and counts the line.
  void end_of_line() {
    if (pos_ < s_.size() && s_[pos_] == '\r') {
      ++pos_;
      if (pos_ < s_.size() && s_[pos_] == '\n') ++pos_;
    } else if (pos_ < s_.size() && s_[pos_] == '\n') {
      ++pos_;
    }
    ++line_;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
};

bool all_empty(const CsvRecord& rec) {
  for (const auto& c : rec.cells) {
    if (!trim(c).empty()) return false;
  }
  return true;
}

void parse_csv(std::string_view content, Importer& importer, LogParseResult& out) {
  CsvReader reader(content);
  // The header: the first record that is neither blank nor a comment.
  std::optional<CsvRecord> header;
  while (!reader.done()) {
    CsvRecord rec = reader.next();
    if (rec.comment) continue;
    if (rec.oversized) {
      out.fatal = true;
      importer.problem(rec.line, "header row is longer than " + std::to_string(kMaxLogRecordBytes / 1024) + " KiB");
      return;
    }
    if (rec.error.empty() && all_empty(rec)) continue;
    header = std::move(rec);
    break;
  }
  if (!header) return;  // empty log: nothing to import, nothing wrong
  if (!header->error.empty()) {
    out.fatal = true;
    importer.problem(header->line, "header row: " + header->error);
    return;
  }

  // column -> field; a known field named twice is ambiguous for every row.
  std::vector<std::optional<Field>> columns;
  std::array<std::size_t, kFieldCount> column_of{};  // 1-based, 0 = absent
  for (std::size_t i = 0; i < header->cells.size(); ++i) {
    const auto f = lookup_field(header->cells[i]);
    columns.push_back(f);
    if (!f) continue;
    if (column_of[index(*f)] != 0) {
      out.fatal = true;
      importer.problem(header->line, "column " + std::string(name(*f)) + " appears twice in the header (columns " +
                                         std::to_string(column_of[index(*f)]) + " and " + std::to_string(i + 1) +
                                         ")");
      return;
    }
    column_of[index(*f)] = i + 1;
  }
  std::string missing;
  for (Field f : kRequired) {
    if (column_of[index(f)] == 0) missing += (missing.empty() ? "" : ", ") + std::string(name(f));
  }
  if (!missing.empty()) {
    std::string reason = "header has no " + missing + " column" +
                         (missing.find(',') != std::string::npos ? "s" : "") +
                         " (required: start, sport, distance_m)";
    bool semicolons = false;
    for (const auto& c : header->cells) semicolons = semicolons || c.find(';') != std::string::npos;
    if (semicolons && header->cells.size() == 1) reason += "; columns must be separated by commas";
    out.fatal = true;
    importer.problem(header->line, std::move(reason));
    return;
  }

  while (!reader.done()) {
    CsvRecord rec = reader.next();
    if (rec.comment) continue;
    if (rec.oversized) {
      importer.problem(rec.line, too_long_reason());
      continue;
    }
    if (!rec.error.empty()) {
      importer.problem(rec.line, rec.error);
      continue;
    }
    if (all_empty(rec)) continue;
    if (rec.cells.size() != columns.size()) {
      importer.problem(rec.line, "row has " + std::to_string(rec.cells.size()) + " cell" +
                                     (rec.cells.size() == 1 ? "" : "s") + " but the header has " +
                                     std::to_string(columns.size()));
      continue;
    }
    RawRecord raw;
    raw.line = rec.line;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (!columns[i] || trim(rec.cells[i]).empty()) continue;  // unknown column, or empty cell = absent
      raw.values[index(*columns[i])] = RawValue{RawValue::Kind::text, std::move(rec.cells[i])};
    }
    importer.record(raw);
  }
}

LogParseResult parse(std::string_view content, LogFormat format) {
  LogParseResult out;
  out.format = format == LogFormat::automatic ? detect_log_format(content) : format;
  content = strip_bom(content);
  Importer importer(out);
  if (out.format == LogFormat::json_lines) {
    parse_json_lines(content, importer);
  } else {
    parse_csv(content, importer, out);
  }
  importer.finish();
  return out;
}

}  // namespace

LogFormat detect_log_format(std::string_view content) {
  content = strip_bom(content);
  std::size_t pos = 0;
  while (pos < content.size()) {
    std::size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    const std::string_view line = content.substr(pos, end - pos);
    pos = end + 1;
    if (is_skippable_line(line)) continue;
    std::size_t i = 0;
    while (i < line.size() && is_blank(line[i])) ++i;
    return line[i] == '{' ? LogFormat::json_lines : LogFormat::csv;
  }
  return LogFormat::csv;
}

LogParseResult parse_activity_log(std::string_view content, LogFormat format) {
  try {
    return parse(content, format);
  } catch (const std::exception& e) {
    // Only resource exhaustion gets here (std::bad_alloc and the like).
    LogParseResult out;
    out.fatal = true;
    out.format = format == LogFormat::automatic ? detect_log_format(content) : format;
    try {
      out.problems.push_back(LogProblem{0, std::string("could not read the log: ") + e.what()});
    } catch (...) {
    }
    return out;
  } catch (...) {
    LogParseResult out;
    out.fatal = true;
    out.format = format == LogFormat::automatic ? detect_log_format(content) : format;
    return out;
  }
}

}  // namespace tendon
