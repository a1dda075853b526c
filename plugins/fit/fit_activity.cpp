// What Tendon makes of a decoded FIT file. The choices:
//  - Not a FIT file, a damaged one (CRC, header): TENDON_ERR_FORMAT with the decoder's
//    reason. A cut-short one keeps what was complete, with a warning, when that holds an
//    activity (a session, or at least two timed records); otherwise TENDON_ERR_FORMAT.
//  - file_id.type other than activity: TENDON_NOT_ACTIVITY "FIT <kind> file, not an
//    activity".
//  - An activity without sessions: one activity from its records (start = first record,
//    elapsed = last - first, distance = last record's, ascent from altitudes, timer from
//    the timer start/stop events), with a warning. Without timed records:
//    TENDON_NOT_ACTIVITY.
//  - Times below 0x10000000 count from the device's power-on, not from the FIT epoch
//    (its clock was never set): such an activity cannot be placed in time and is not
//    emitted; when none can be, TENDON_ERR_FORMAT says why.
//  - avg_heart_rate 0 means "no sensor" (Zwift writes it): unknown.
#include "fit_activity.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <utility>

#include "fit_ascent.h"
#include "fit_names.h"
#include "fit_session_records.h"

namespace tendon::fit {

namespace {

constexpr double kDegreesPerSemicircle = 180.0 / 2147483648.0;
constexpr std::uint8_t kTimerEvent = 0;
constexpr std::uint8_t kEventStart = 0;
constexpr std::uint8_t kEventStop = 1;
constexpr std::uint8_t kEventStopAll = 4;
constexpr std::uint8_t kEventStopDisable = 8;
constexpr std::uint8_t kEventStopDisableAll = 9;

const char* const kRelativeTimes =
    "FIT times are relative to device power-on (the watch's clock was never set); the run cannot be placed in time";

tendon_sample to_sample(const Record& r, bool double_cadence) {
  tendon_sample s{};
  s.struct_size = sizeof(tendon_sample);
  s.time_ms = is_absolute_time(r.time) ? unix_ms(r.time) : std::numeric_limits<std::int64_t>::min();
  if (r.lat_semicircles != kNoPosition) {
    s.latitude_deg = r.lat_semicircles * kDegreesPerSemicircle;
    s.longitude_deg = r.lon_semicircles * kDegreesPerSemicircle;
  } else {
    s.latitude_deg = s.longitude_deg = kNaN;
  }
  s.altitude_m = r.altitude_m;
  s.distance_m = r.distance_m;
  s.heart_rate_bpm = r.heart_rate;
  // Running cadence in FIT is one leg's strides per minute; Tendon wants steps (both legs).
  s.cadence_spm = double_cadence ? r.cadence * 2.0 : r.cadence;
  s.speed_m_s = r.speed_m_s;
  s.power_w = r.power_w;
  return s;
}

// Timer time from timer start/stop events: the sum of the running stretches, a stretch
// still running at the end closing at `end`. NaN without timer events.
double timer_from_events(const std::vector<Event>& events, std::uint32_t end) {
  bool any = false;
  bool running = false;
  std::uint32_t since = 0;
  double total = 0;
  for (const Event& e : events) {
    if (e.event != kTimerEvent || !is_time(e.time)) continue;
    any = true;
    if (e.event_type == kEventStart) {
      if (!running) since = e.time;
      running = true;
    } else if (e.event_type == kEventStop || e.event_type == kEventStopAll || e.event_type == kEventStopDisable ||
               e.event_type == kEventStopDisableAll) {
      if (running && e.time >= since) total += e.time - since;
      running = false;
    }
  }
  if (running && is_time(end) && end >= since) total += end - since;
  return any ? total : kNaN;
}

class Builder {
 public:
  explicit Builder(const Decoded& d) : d_(d) {}

  ImportResult run() {
    result_.warnings = d_.warnings;
    if (!d_.limit.empty()) return fail(TENDON_ERR_LIMIT, "FIT file too large: " + d_.limit);
    if (d_.integrity == Integrity::damaged) return fail(TENDON_ERR_FORMAT, d_.damage);

    const FileId* id = nullptr;
    for (const FileId& f : d_.file_ids) {
      if (f.type == file_type::activity) {
        id = &f;
        break;
      }
    }
    if (id == nullptr) {
      for (const FileId& f : d_.file_ids) {
        if (f.type != kNoEnum) {
          return fail(TENDON_NOT_ACTIVITY, "FIT " + file_type_name(f.type) + " file, not an activity");
        }
      }
      if (d_.sessions.empty() && d_.records.empty()) {
        if (d_.integrity == Integrity::truncated) return fail(TENDON_ERR_FORMAT, nothing_readable());
        return fail(TENDON_ERR_FORMAT, d_.file_ids.empty() ? "FIT file without a file_id message"
                                                           : "FIT file whose file_id gives no file type");
      }
      warn(d_.file_ids.empty() ? "no file_id message; read as an activity"
                               : "file_id gives no file type; read as an activity");
    }
    part_ = id != nullptr ? id->part : 0;
    device_ = device_for(id);
    find_utc_offset();

    if (!d_.sessions.empty()) {
      from_sessions();
    } else {
      from_records();
    }

    if (result_.activities.empty() && result_.status == TENDON_OK) {
      if (relative_) return fail(TENDON_ERR_FORMAT, kRelativeTimes);
      if (d_.integrity == Integrity::truncated) return fail(TENDON_ERR_FORMAT, nothing_readable());
      return fail(TENDON_NOT_ACTIVITY, no_activity_reason_);
    }
    if (relative_ && result_.status == TENDON_OK) warn(std::string("some sessions were left out: ") + kRelativeTimes);
    return std::move(result_);
  }

 private:
  ImportResult fail(tendon_status status, std::string why) {
    result_.status = status;
    result_.error = std::move(why);
    result_.activities.clear();
    return std::move(result_);
  }

  void warn(std::string why) {
    if (result_.warnings.size() < kMaxWarnings) result_.warnings.push_back(std::move(why));
  }

  std::string nothing_readable() const {
    const std::string cut = d_.warnings.empty() ? std::string("the file is cut short") : d_.warnings.back();
    return cut + "; the readable part holds no activity";
  }

  std::string device_for(const FileId* id) const {
    std::uint16_t maker = id != nullptr ? id->manufacturer : kNoUint16;
    std::uint16_t product = id != nullptr ? id->product : kNoUint16;
    std::string name = id != nullptr ? id->product_name : std::string();
    // The creator's device_info (device_index 0) often names the product when file_id
    // does not (Wahoo writes "ELEMNT BOLT" only there).
    for (const DeviceInfo& dev : d_.devices) {
      if (dev.part != part_ || dev.device_index != 0) continue;
      if (maker == kNoUint16) maker = dev.manufacturer;
      if (product == kNoUint16) product = dev.product;
      if (name.empty()) name = dev.product_name;
      break;
    }
    return device_name(maker, product, name);
  }

  void find_utc_offset() {
    // Prefer the activity message of the activity's own chained file.
    for (int pass = 0; pass < 2 && !has_offset_; ++pass) {
      for (const ActivityInfo& a : d_.activities) {
        if (pass == 0 && a.part != part_) continue;
        if (utc_offset_from(a.timestamp, a.local_timestamp, offset_s_)) {
          has_offset_ = true;
          break;
        }
      }
    }
  }

  void from_sessions() {
    const std::vector<SessionRecords> assigned = assign_records(d_);
    for (std::size_t i = 0; i < d_.sessions.size(); ++i) from_session(i, assigned[i]);
  }

  void from_session(std::size_t index, const SessionRecords& mine) {
    const Session& s = d_.sessions[index];
    const std::uint32_t begin = mine.start;
    if (!is_time(begin)) {
      warn("session " + std::to_string(index) + " has no start time; left out");
      no_activity_reason_ = "FIT activity whose sessions have no start time";
      return;
    }
    if (!is_absolute_time(begin)) {
      relative_ = true;
      return;
    }

    Activity a;
    a.sport = s.sport != kNoEnum ? tendon_sport(s.sport, s.sub_sport) : fallback_sport();
    const std::uint8_t sport_number = s.sport != kNoEnum ? s.sport : fallback_sport_number();
    if (s.sub_sport != kNoEnum) a.sub_sport = sub_sport_name(s.sub_sport);
    a.start_ms = unix_ms(begin);
    a.timer_s = s.total_timer_s;
    a.avg_heart_rate_bpm = s.avg_heart_rate > 0 ? s.avg_heart_rate : kNaN;

    // The session's records give the samples and the fallbacks.
    AscentFilter ascent;
    double last_distance = kNaN;
    std::uint32_t first_time = kNoTime;
    std::uint32_t last_time = kNoTime;
    const bool strides = cadence_counts_strides(sport_number);
    a.samples.reserve(mine.records.size());
    for (const std::uint32_t i : mine.records) {
      const Record& r = d_.records[i];
      a.samples.push_back(to_sample(r, strides));
      ascent.add(r.altitude_m);
      if (!std::isnan(r.distance_m)) last_distance = r.distance_m;
      if (is_time(r.time)) {
        if (!is_time(first_time)) first_time = r.time;
        last_time = r.time;
      }
    }
    a.distance_m = !std::isnan(s.total_distance_m) ? s.total_distance_m : last_distance;
    if (!std::isnan(s.total_elapsed_s)) {
      a.elapsed_s = s.total_elapsed_s;
    } else if (is_time(s.timestamp) && s.timestamp >= begin) {
      a.elapsed_s = s.timestamp - begin;
    } else if (is_time(first_time) && last_time >= first_time) {
      a.elapsed_s = last_time - first_time;
    }
    a.ascent_m = !std::isnan(s.total_ascent_m) ? s.total_ascent_m : ascent.ascent_m();
    finish(a, "session-" + std::to_string(index));
  }

  void from_records() {
    std::size_t timed = 0;
    std::uint32_t first = kNoTime;
    std::uint32_t last = kNoTime;
    for (const Record& r : d_.records) {
      if (!is_time(r.time)) continue;
      ++timed;
      if (!is_time(first)) first = r.time;
      if (r.time > last || !is_time(last)) last = r.time;
    }
    if (timed < 2 || last <= first) {
      no_activity_reason_ = d_.records.empty() ? "FIT activity file without sessions or records"
                            : timed == 0       ? "FIT activity file without sessions, and its records carry no time"
                                         : "FIT activity file without sessions and with fewer than two timed records";
      return;
    }
    if (!is_absolute_time(first)) {
      relative_ = true;
      return;
    }
    Activity a;
    const std::uint8_t sport_number = fallback_sport_number();
    a.sport = fallback_sport();
    const std::uint8_t sub = fallback_sub_sport_number();
    if (sub != kNoEnum) a.sub_sport = sub_sport_name(sub);
    a.start_ms = unix_ms(first);
    a.elapsed_s = last - first;
    a.timer_s = timer_from_events(d_.events, last);
    AscentFilter ascent;
    double heart_sum = 0;
    std::size_t heart_count = 0;
    const bool strides = cadence_counts_strides(sport_number);
    a.samples.reserve(d_.records.size());
    for (const Record& r : d_.records) {
      a.samples.push_back(to_sample(r, strides));
      ascent.add(r.altitude_m);
      if (!std::isnan(r.distance_m)) a.distance_m = r.distance_m;
      if (r.heart_rate > 0) {
        heart_sum += r.heart_rate;
        ++heart_count;
      }
    }
    a.ascent_m = ascent.ascent_m();
    if (heart_count > 0) a.avg_heart_rate_bpm = heart_sum / static_cast<double>(heart_count);
    warn("no session message; the activity was built from its " + std::to_string(d_.records.size()) + " records");
    finish(a, "records");
  }

  // Without a session: the sport message, else the first lap's sport, else generic.
  std::uint8_t fallback_sport_number() const {
    for (const SportInfo& s : d_.sports) {
      if (s.sport != kNoEnum) return s.sport;
    }
    for (const Lap& l : d_.laps) {
      if (l.sport != kNoEnum) return l.sport;
    }
    return sport::generic;
  }
  std::uint8_t fallback_sub_sport_number() const {
    for (const SportInfo& s : d_.sports) {
      if (s.sport != kNoEnum) return s.sub_sport;
    }
    for (const Lap& l : d_.laps) {
      if (l.sport != kNoEnum) return l.sub_sport;
    }
    return kNoEnum;
  }
  std::string fallback_sport() const { return tendon_sport(fallback_sport_number(), fallback_sub_sport_number()); }

  void finish(Activity& a, std::string source_id) {
    // A field declared with a signed type can carry a negative total; no total is negative.
    for (double* total : {&a.distance_m, &a.elapsed_s, &a.timer_s, &a.ascent_m, &a.avg_heart_rate_bpm}) {
      if (!(*total >= 0) || !std::isfinite(*total)) *total = kNaN;
    }
    a.device = device_;
    a.has_utc_offset = has_offset_;
    a.utc_offset_s = has_offset_ ? offset_s_ : 0;
    a.source_id = std::move(source_id);
    result_.activities.push_back(std::move(a));
  }

  const Decoded& d_;
  ImportResult result_;
  std::size_t part_ = 0;
  std::string device_;
  bool has_offset_ = false;
  std::int32_t offset_s_ = 0;
  bool relative_ = false;
  std::string no_activity_reason_ = "FIT activity file without sessions or records";
};

}  // namespace

bool utc_offset_from(std::uint32_t timestamp, std::uint32_t local_timestamp, std::int32_t& offset_s) {
  if (!is_absolute_time(timestamp) || !is_absolute_time(local_timestamp)) return false;
  const std::int64_t diff = std::int64_t{local_timestamp} - std::int64_t{timestamp};
  constexpr std::int64_t kQuarterHour = 15 * 60;
  constexpr std::int64_t kMaxOffset = 14 * 3600;
  if (diff < -kMaxOffset - 60 || diff > kMaxOffset + 60) return false;
  const std::int64_t quarters = (diff + (diff >= 0 ? kQuarterHour / 2 : -kQuarterHour / 2)) / kQuarterHour;
  const std::int64_t rounded = quarters * kQuarterHour;
  if (rounded - diff > 60 || diff - rounded > 60 || rounded < -kMaxOffset || rounded > kMaxOffset) return false;
  offset_s = static_cast<std::int32_t>(rounded);
  return true;
}

ImportResult build_activities(const Decoded& decoded) { return Builder(decoded).run(); }

ImportResult import_fit(std::span<const std::uint8_t> bytes) { return build_activities(decode(bytes)); }

}  // namespace tendon::fit
