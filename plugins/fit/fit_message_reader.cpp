#include "fit_message_reader.h"

#include <cmath>
#include <string>

#include "fit_text.h"

namespace tendon::fit {

namespace {

// Record header bits (FIT protocol, "Record Header").
constexpr std::uint8_t kCompressedTimestampBit = 0x80;
constexpr std::uint8_t kDefinitionBit = 0x40;
constexpr std::uint8_t kDeveloperDataBit = 0x20;
constexpr std::uint8_t kLocalTypeMask = 0x0F;
constexpr std::uint8_t kCompressedTimeMask = 0x1F;

// Values read as doubles become integers only when they fit: a field declared with a
// wider type than the profile's must not overflow a narrow member.
std::uint8_t to_enum(double v) { return v >= 0 && v < 255 ? static_cast<std::uint8_t>(v) : kNoEnum; }
std::uint16_t to_u16(double v) { return v >= 0 && v < 65535 ? static_cast<std::uint16_t>(v) : kNoUint16; }
std::uint32_t to_time(double v) { return v >= 0 && v < 4294967295.0 ? static_cast<std::uint32_t>(v) : kNoTime; }
std::int32_t to_semicircles(double v) {
  return v >= -2147483648.0 && v < 2147483647.0 ? static_cast<std::int32_t>(v) : kNoPosition;
}

}  // namespace

MessageReader::Stop MessageReader::run() {
  const std::uint8_t* p = begin_;
  position_ = p;
  while (p < end_) {
    const std::uint8_t header = *p;
    const auto left = static_cast<std::size_t>(end_ - p) - 1;  // bytes after the header byte

    if ((header & kCompressedTimestampBit) != 0) {
      // Compressed timestamp header: local type in bits 5-6, and the low 5 bits of the
      // time; the time is the last full timestamp advanced to the next value with those
      // low bits (a 32-second rollover window).
      const auto local = static_cast<std::uint8_t>((header >> 5) & 0x03u);
      if (!defined_[local]) {
        detail_ = local;
        return Stop::undefined_local_type;
      }
      const Layout& layout = layouts_[local];
      if (left < layout.size) return Stop::runs_past_end;
      std::uint32_t time = kNoTime;
      if (last_time_ != kNoTime) {
        const std::uint32_t offset = header & kCompressedTimeMask;
        time = last_time_ + ((offset - (last_time_ & kCompressedTimeMask)) & kCompressedTimeMask);
        last_time_ = time;
      }
      read_data(layout, p + 1, time);
      if (!out_.limit.empty()) return Stop::limit;
      p += 1 + layout.size;
    } else if ((header & kDefinitionBit) != 0) {
      std::size_t length = 0;
      if (!read_definition(p, left, length)) {
        return length == 0 ? Stop::runs_past_end : Stop::bad_definition;
      }
      p += length;
    } else {
      const std::uint8_t local = header & kLocalTypeMask;
      if (!defined_[local]) {
        detail_ = local;
        return Stop::undefined_local_type;
      }
      const Layout& layout = layouts_[local];
      if (left < layout.size) return Stop::runs_past_end;
      read_data(layout, p + 1, kNoTime);
      if (!out_.limit.empty()) return Stop::limit;
      p += 1 + layout.size;
    }
    position_ = p;
  }
  return Stop::end_of_data;
}

// Definition message: header, reserved, architecture, global number (2), field count,
// 3 bytes per field, then with the developer bit a count and 3 bytes per developer field.
// Returns false with length 0 when it runs past the end, false with length > 0 (and
// detail_ = the architecture byte) when it is malformed.
bool MessageReader::read_definition(const std::uint8_t* p, std::size_t left, std::size_t& length) {
  length = 0;
  constexpr std::size_t kFixed = 5;
  if (left < kFixed) return false;
  const std::uint8_t architecture = p[2];
  const std::uint8_t field_count = p[5];
  std::size_t need = kFixed + 3u * field_count;
  if (left < need) return false;
  std::uint32_t developer_bytes = 0;
  if ((p[0] & kDeveloperDataBit) != 0) {
    if (left < need + 1) return false;
    const std::uint8_t developer_count = p[1 + need];
    const std::uint8_t* dev = p + 1 + need + 1;
    need += 1 + 3u * developer_count;
    if (left < need) return false;
    for (std::uint8_t i = 0; i < developer_count; ++i) developer_bytes += dev[3 * i + 1];
  }
  length = 1 + need;
  if (architecture > 1) {
    detail_ = architecture;
    return false;
  }
  const bool big_endian = architecture == 1;
  const auto global = static_cast<std::uint16_t>(big_endian ? (p[3] << 8) | p[4] : (p[4] << 8) | p[3]);
  const std::uint8_t local = p[0] & kLocalTypeMask;
  layouts_[local] = make_layout(global, big_endian, p + 6, field_count, developer_bytes);
  defined_[local] = true;
  ++out_.definition_messages;
  out_.misaligned_fields += layouts_[local].misaligned_fields;
  return true;
}

void MessageReader::fill(const Layout& layout, const std::uint8_t* content, Values& v, std::uint8_t slots) {
  for (std::uint8_t i = 0; i < slots; ++i) {
    v.number[i] = kNoValue;
    v.bytes[i] = nullptr;
  }
  for (std::uint8_t i = 0; i < layout.op_count; ++i) {
    const FieldOp& op = layout.ops[i];
    const std::uint8_t* field = content + op.offset;
    if (op.reader == Reader::text || op.reader == Reader::bytes) {
      v.bytes[op.slot] = field;
      v.size[op.slot] = op.size;
    } else {
      v.number[op.slot] = read_number(field, op.reader);
    }
  }
}

void MessageReader::read_data(const Layout& layout, const std::uint8_t* content, std::uint32_t header_time) {
  ++out_.data_messages;
  std::uint32_t time = header_time;
  if (layout.has_timestamp) {
    const std::uint32_t stamped = to_time(read_number(content + layout.timestamp_offset, layout.timestamp_reader));
    if (stamped != kNoTime) {
      time = stamped;
      last_time_ = stamped;
    }
  }
  if (layout.kind == MessageKind::other) return;

  Values v;
  switch (layout.kind) {
    case MessageKind::record:
      fill(layout, content, v, record_slot::count);
      on_record(v, time);
      break;
    case MessageKind::session:
      fill(layout, content, v, session_slot::count);
      on_session(v, time);
      break;
    case MessageKind::lap:
      fill(layout, content, v, lap_slot::count);
      on_lap(v, time);
      break;
    case MessageKind::event:
      fill(layout, content, v, event_slot::count);
      on_event(v, time);
      break;
    case MessageKind::file_id:
      fill(layout, content, v, file_id_slot::count);
      on_file_id(v);
      break;
    case MessageKind::device_info:
      fill(layout, content, v, device_info_slot::count);
      on_device_info(v);
      break;
    case MessageKind::activity:
      fill(layout, content, v, activity_slot::count);
      on_activity(v, time);
      break;
    case MessageKind::sport:
      fill(layout, content, v, sport_slot::count);
      on_sport(v);
      break;
    case MessageKind::field_description:
      fill(layout, content, v, field_description_slot::count);
      on_field_description(v);
      break;
    case MessageKind::developer_data_id:
      ++out_.developer_data_ids;
      break;
    case MessageKind::other:
      break;
  }
}

bool MessageReader::room_for(std::size_t kept, const char* what, std::size_t cap) {
  if (kept < cap) return true;
  if (!dropped_warned_ && out_.warnings.size() < kMaxWarnings) {
    out_.warnings.push_back("more than " + std::to_string(cap) + " " + what + " messages; the rest were skipped");
  }
  dropped_warned_ = true;
  return false;
}

void MessageReader::on_record(const Values& v, std::uint32_t time) {
  if (out_.records.size() >= kMaxRecords) {
    out_.limit = "more than " + std::to_string(kMaxRecords) + " record messages";
    return;
  }
  Record& r = out_.records.emplace_back();
  r.time = time;
  using namespace record_slot;
  r.lat_semicircles = to_semicircles(v.number[position_lat]);
  r.lon_semicircles = to_semicircles(v.number[position_long]);
  // A position needs both halves, and a latitude within +-90 degrees (2^30 semicircles).
  constexpr std::int32_t kQuarterTurn = 1 << 30;
  if (r.lat_semicircles == kNoPosition || r.lon_semicircles == kNoPosition || r.lat_semicircles > kQuarterTurn ||
      r.lat_semicircles < -kQuarterTurn) {
    r.lat_semicircles = r.lon_semicircles = kNoPosition;
  }
  const double raw_altitude =
      std::isnan(v.number[enhanced_altitude]) ? v.number[altitude] : v.number[enhanced_altitude];
  r.altitude_m = raw_altitude / 5.0 - 500.0;
  const double raw_speed = std::isnan(v.number[enhanced_speed]) ? v.number[speed] : v.number[enhanced_speed];
  r.speed_m_s = raw_speed / 1000.0;
  r.distance_m = v.number[distance] / 100.0;
  r.heart_rate = v.number[heart_rate];
  r.cadence = v.number[cadence];
  if (!std::isnan(r.cadence) && !std::isnan(v.number[fractional_cadence])) {
    r.cadence += v.number[fractional_cadence] / 128.0;
  }
  r.power_w = v.number[power];
  r.temperature_c = v.number[temperature];

  if (const std::uint8_t* b = v.bytes[compressed_speed_distance]) {
    // Components: speed in bits 0-11 (1/100 m/s), distance in bits 12-23 (1/16 m),
    // a rolling counter accumulated across messages. All bytes 0xFF: no value.
    if (!(b[0] == 0xFF && b[1] == 0xFF && b[2] == 0xFF)) {
      const std::uint32_t speed100 = b[0] | ((b[1] & 0x0Fu) << 8);
      const std::uint32_t distance12 = (b[1] >> 4) | (static_cast<std::uint32_t>(b[2]) << 4);
      if (have_distance12_) {
        distance16_ += (distance12 - last_distance12_) & 0xFFFu;
      } else {
        distance16_ = distance12;
        have_distance12_ = true;
      }
      last_distance12_ = distance12;
      if (std::isnan(r.speed_m_s)) r.speed_m_s = speed100 / 100.0;
      if (std::isnan(r.distance_m)) r.distance_m = static_cast<double>(distance16_) / 16.0;
    }
  }
}

void MessageReader::on_session(const Values& v, std::uint32_t time) {
  if (!room_for(out_.sessions.size(), "session", kMaxSessions)) return;
  using namespace session_slot;
  Session& s = out_.sessions.emplace_back();
  s.part = part_;
  s.timestamp = time;
  s.start_time = to_time(v.number[start_time]);
  s.sport = to_enum(v.number[sport]);
  s.sub_sport = to_enum(v.number[sub_sport]);
  s.total_elapsed_s = v.number[total_elapsed_time] / 1000.0;
  s.total_timer_s = v.number[total_timer_time] / 1000.0;
  s.total_distance_m = v.number[total_distance] / 100.0;
  s.total_calories = v.number[total_calories];
  const double raw_speed =
      std::isnan(v.number[enhanced_avg_speed]) ? v.number[avg_speed] : v.number[enhanced_avg_speed];
  s.avg_speed_m_s = raw_speed / 1000.0;
  s.avg_heart_rate = v.number[avg_heart_rate];
  s.max_heart_rate = v.number[max_heart_rate];
  s.total_ascent_m = v.number[total_ascent];
  s.total_descent_m = v.number[total_descent];
  s.num_laps = v.number[num_laps];
}

void MessageReader::on_lap(const Values& v, std::uint32_t time) {
  if (!room_for(out_.laps.size(), "lap", kMaxLaps)) return;
  using namespace lap_slot;
  Lap& l = out_.laps.emplace_back();
  l.part = part_;
  l.timestamp = time;
  l.start_time = to_time(v.number[start_time]);
  l.total_elapsed_s = v.number[total_elapsed_time] / 1000.0;
  l.total_timer_s = v.number[total_timer_time] / 1000.0;
  l.total_distance_m = v.number[total_distance] / 100.0;
  l.sport = to_enum(v.number[sport]);
  l.sub_sport = to_enum(v.number[sub_sport]);
}

void MessageReader::on_event(const Values& v, std::uint32_t time) {
  if (!room_for(out_.events.size(), "event", kMaxOtherMessages)) return;
  Event& e = out_.events.emplace_back();
  e.time = time;
  e.event = to_enum(v.number[event_slot::event]);
  e.event_type = to_enum(v.number[event_slot::event_type]);
}

void MessageReader::on_file_id(const Values& v) {
  if (!room_for(out_.file_ids.size(), "file_id", kMaxOtherMessages)) return;
  using namespace file_id_slot;
  FileId& f = out_.file_ids.emplace_back();
  f.part = part_;
  f.type = to_enum(v.number[type]);
  f.manufacturer = to_u16(v.number[manufacturer]);
  f.product = to_u16(v.number[product]);
  f.time_created = to_time(v.number[time_created]);
  if (v.bytes[product_name] != nullptr) f.product_name = clean_text(v.bytes[product_name], v.size[product_name]);
}

void MessageReader::on_device_info(const Values& v) {
  if (!room_for(out_.devices.size(), "device_info", kMaxOtherMessages)) return;
  using namespace device_info_slot;
  DeviceInfo& d = out_.devices.emplace_back();
  d.part = part_;
  d.device_index = to_enum(v.number[device_index]);
  d.manufacturer = to_u16(v.number[manufacturer]);
  d.product = to_u16(v.number[product]);
  if (v.bytes[product_name] != nullptr) d.product_name = clean_text(v.bytes[product_name], v.size[product_name]);
}

void MessageReader::on_activity(const Values& v, std::uint32_t time) {
  if (!room_for(out_.activities.size(), "activity", kMaxOtherMessages)) return;
  ActivityInfo& a = out_.activities.emplace_back();
  a.part = part_;
  a.timestamp = time;
  a.local_timestamp = to_time(v.number[activity_slot::local_timestamp]);
}

void MessageReader::on_sport(const Values& v) {
  if (!room_for(out_.sports.size(), "sport", kMaxOtherMessages)) return;
  SportInfo& s = out_.sports.emplace_back();
  s.sport = to_enum(v.number[sport_slot::sport]);
  s.sub_sport = to_enum(v.number[sport_slot::sub_sport]);
  if (v.bytes[sport_slot::name] != nullptr) s.name = clean_text(v.bytes[sport_slot::name], v.size[sport_slot::name]);
}

void MessageReader::on_field_description(const Values& v) {
  if (!room_for(out_.developer_fields.size(), "field_description", kMaxOtherMessages)) return;
  using namespace field_description_slot;
  DeveloperFieldInfo& f = out_.developer_fields.emplace_back();
  f.developer_data_index = to_enum(v.number[developer_data_index]);
  f.field_number = to_enum(v.number[field_definition_number]);
  f.base_type = to_enum(v.number[fit_base_type_id]);
  if (v.bytes[field_name] != nullptr) f.name = clean_text(v.bytes[field_name], v.size[field_name]);
  if (v.bytes[units] != nullptr) f.units = clean_text(v.bytes[units], v.size[units]);
  f.native_mesg_num = to_u16(v.number[native_mesg_num]);
  f.native_field_num = to_enum(v.number[native_field_num]);
}

}  // namespace tendon::fit
