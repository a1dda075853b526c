#include "summarized_activities.h"

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <cmath>
#include <limits>

namespace tendon::garmin {

namespace {

constexpr double kUnknown = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t kMaxDepth = 64;  // real records nest 3 or 4 deep (splitSummaries)
constexpr std::string_view kWrapperKey = "summarizedActivitiesExport";
constexpr std::int64_t kMaxOffsetS = 18 * 3600;

// The raw fields of one record, in the file's units, before conversion.
struct RawRecord {
  std::optional<std::int64_t> activity_id;
  std::string type_key, sport_type;
  double start_gmt = kUnknown, begin = kUnknown, start_local = kUnknown;
  double duration = kUnknown, elapsed = kUnknown, moving = kUnknown;
  double distance = kUnknown, elevation_gain = kUnknown, avg_hr = kUnknown, device_id = kUnknown;
};

// What a container on the parse stack is to us.
enum class Role {
  top_array,      // the file's array: its objects are records or wrappers
  candidate,      // an object that is a record unless it holds the wrapper key
  records,        // the wrapper's array: its objects are records
  record,         // an object known to be a record
  activity_type,  // a record's activityType object (the API's shape): typeKey inside
  skip,           // anything else (splitSummaries, ...)
};

std::optional<std::int64_t> whole_number(double value) {
  // Ids and timestamps come as floats ("1768519800000.0"); beyond 2^53 they are not exact.
  constexpr double kLimit = 9007199254740992.0;
  if (!std::isfinite(value) || std::fabs(value) > kLimit) return std::nullopt;
  return static_cast<std::int64_t>(std::llround(value));
}

double scaled(double value, double divisor) { return std::isfinite(value) ? value / divisor : kUnknown; }

double non_negative(double value) { return std::isfinite(value) && value >= 0 ? value : kUnknown; }

double first_known(double a, double b) { return std::isnan(a) ? b : a; }

std::string lower_case(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

GarminSummary converted(const RawRecord& raw) {
  GarminSummary s;
  s.activity_id = *raw.activity_id;
  s.type = !raw.type_key.empty() ? raw.type_key : lower_case(raw.sport_type);
  const double start = first_known(raw.start_gmt, raw.begin);
  s.start_ms = whole_number(start);
  if (s.start_ms && std::isfinite(raw.start_local)) {
    // The local "epoch" is the wall clock read as UTC: the difference is the offset,
    // rounded to the minute (offsets are whole quarter hours; the two may differ by ms).
    const double shift_s = (raw.start_local - start) / 1000.0;
    if (std::fabs(shift_s) <= static_cast<double>(kMaxOffsetS)) {
      s.utc_offset_s = static_cast<std::int32_t>(std::llround(shift_s / 60.0) * 60);
    }
  }
  s.distance_m = non_negative(scaled(raw.distance, 100));       // cm
  s.ascent_m = non_negative(scaled(raw.elevation_gain, 100));   // cm
  const double duration = non_negative(scaled(raw.duration, 1000));  // ms
  s.elapsed_s = first_known(non_negative(scaled(raw.elapsed, 1000)), duration);
  s.timer_s = first_known(duration, non_negative(scaled(raw.moving, 1000)));
  s.avg_hr = std::isfinite(raw.avg_hr) && raw.avg_hr > 0 ? raw.avg_hr : kUnknown;
  if (auto device = whole_number(raw.device_id)) s.device_id = device;
  return s;
}

class SummaryHandler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, SummaryHandler> {
 public:
  explicit SummaryHandler(SummaryReading& out) : out_(out) {}

  bool StartObject() {
    Role role = Role::skip;
    if (stack_.empty() || top() == Role::top_array) {
      role = Role::candidate;  // a bare top-level object is a wrapper or a record too
    } else if (top() == Role::records) {
      role = Role::record;
    } else if (in_record() && key_ == "activityType") {
      role = Role::activity_type;
    }
    if (role == Role::candidate || role == Role::record) current_ = RawRecord{};
    return push(role);
  }

  bool EndObject(rapidjson::SizeType) {
    const Frame frame = stack_.back();
    stack_.pop_back();
    if ((frame.role == Role::record || (frame.role == Role::candidate && !frame.wrapper)) && frame.fields > 0) {
      return finish();
    }
    return true;
  }

  bool StartArray() {
    Role role = Role::skip;
    if (stack_.empty()) {
      role = Role::top_array;
    } else if (top() == Role::candidate && key_ == kWrapperKey) {
      stack_.back().wrapper = true;
      role = Role::records;
    }
    return push(role);
  }

  bool EndArray(rapidjson::SizeType) {
    stack_.pop_back();
    return true;
  }

  bool Key(const char* text, rapidjson::SizeType length, bool) {
    key_.assign(text, length);
    return true;
  }

  bool String(const char* text, rapidjson::SizeType length, bool) {
    const std::string_view value(text, length);
    if (!stack_.empty() && top() == Role::activity_type) {
      if (key_ == "typeKey") current_.type_key = value;
      return true;
    }
    if (!in_record()) return true;
    ++stack_.back().fields;
    if (key_ == "activityType") {
      current_.type_key = value;
    } else if (key_ == "sportType") {
      current_.sport_type = value;
    } else if (key_ == "activityId") {
      // Not in real exports, but an id is an id: digits in a string are taken.
      std::int64_t id = 0;
      bool digits = !value.empty() && value.size() <= 18;
      for (char c : value) {
        digits = digits && c >= '0' && c <= '9';
        if (digits) id = id * 10 + (c - '0');
      }
      if (digits && id > 0) current_.activity_id = id;  // ids are positive, as in number()
    }
    return true;
  }

  bool Double(double value) { return number(value); }
  bool Int(int value) { return number(value); }
  bool Uint(unsigned value) { return number(value); }
  bool Int64(std::int64_t value) { return number(static_cast<double>(value)); }
  bool Uint64(std::uint64_t value) { return number(static_cast<double>(value)); }

  bool Default() {  // null, true, false: a field present without a figure
    if (in_record()) ++stack_.back().fields;
    return true;
  }

  std::size_t depth() const { return stack_.size(); }

 private:
  struct Frame {
    Role role;
    bool wrapper = false;    // a candidate that turned out to hold the wrapper key
    std::size_t fields = 0;  // scalar fields seen directly in it
  };

  Role top() const { return stack_.back().role; }
  bool in_record() const { return !stack_.empty() && (top() == Role::record || top() == Role::candidate); }

  bool push(Role role) {
    if (stack_.size() >= kMaxDepth) {
      too_deep_ = true;
      return false;
    }
    stack_.push_back(Frame{role});
    return true;
  }

  bool number(double value) {
    if (!in_record()) return true;
    ++stack_.back().fields;
    if (key_ == "activityId") {
      current_.activity_id = whole_number(value);
      if (current_.activity_id && *current_.activity_id <= 0) current_.activity_id.reset();
    } else if (key_ == "startTimeGmt") {
      current_.start_gmt = value;
    } else if (key_ == "beginTimestamp") {
      current_.begin = value;
    } else if (key_ == "startTimeLocal") {
      current_.start_local = value;
    } else if (key_ == "duration") {
      current_.duration = value;
    } else if (key_ == "elapsedDuration") {
      current_.elapsed = value;
    } else if (key_ == "movingDuration") {
      current_.moving = value;
    } else if (key_ == "distance") {
      current_.distance = value;
    } else if (key_ == "elevationGain") {
      current_.elevation_gain = value;
    } else if (key_ == "avgHr") {
      current_.avg_hr = value;
    } else if (key_ == "deviceId") {
      current_.device_id = value;
    }
    return true;
  }

  bool finish() {
    if (!current_.activity_id) {
      ++out_.without_id;
      return true;
    }
    if (out_.activities.size() >= kMaxSummaries) {
      too_many_ = true;
      return false;
    }
    out_.activities.push_back(converted(current_));
    return true;
  }

 public:
  bool too_deep_ = false;
  bool too_many_ = false;

 private:
  SummaryReading& out_;
  std::vector<Frame> stack_;
  std::string key_;
  RawRecord current_;
};

}  // namespace

GarminSummary::GarminSummary()
    : distance_m(kUnknown), elapsed_s(kUnknown), timer_s(kUnknown), ascent_m(kUnknown), avg_hr(kUnknown) {}

SummaryReading read_summarized_activities(std::string_view json) {
  SummaryReading out;
  SummaryHandler handler(out);
  rapidjson::MemoryStream stream(json.data(), json.size());
  rapidjson::Reader reader;
  // Iterative: a hostile file's nesting cannot exhaust the stack (the handler bounds it too).
  const rapidjson::ParseResult result = reader.Parse<rapidjson::kParseIterativeFlag>(stream, handler);
  if (handler.too_many_) {
    out.error = "more than " + std::to_string(kMaxSummaries) + " activities; the rest is not read";
  } else if (handler.too_deep_) {
    out.error = "nested more than " + std::to_string(kMaxDepth) + " deep at byte " + std::to_string(result.Offset());
  } else if (result.IsError()) {
    out.error = std::string("JSON error at byte ") + std::to_string(result.Offset()) + ": " +
                rapidjson::GetParseError_En(result.Code());
  }
  return out;
}

}  // namespace tendon::garmin
