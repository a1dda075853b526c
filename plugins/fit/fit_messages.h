#pragma once
// The part of the FIT profile Tendon reads: global message numbers, and per message the
// field numbers it wants, each given a slot (an index into the values of one decoded
// message). Every other message and field is skipped by its size.
#include <cstdint>
#include <span>

namespace tendon::fit {

namespace mesg_num {
inline constexpr std::uint16_t file_id = 0;
inline constexpr std::uint16_t sport = 12;
inline constexpr std::uint16_t session = 18;
inline constexpr std::uint16_t lap = 19;
inline constexpr std::uint16_t record = 20;
inline constexpr std::uint16_t event = 21;
inline constexpr std::uint16_t device_info = 23;
inline constexpr std::uint16_t activity = 34;
inline constexpr std::uint16_t field_description = 206;
inline constexpr std::uint16_t developer_data_id = 207;
}  // namespace mesg_num

// Field 253 is the timestamp in every message that has one; the decoder tracks it for all
// messages (compressed timestamps count from the last one seen, whatever its message).
inline constexpr std::uint8_t kTimestampField = 253;

enum class MessageKind : std::uint8_t {
  other,
  file_id,
  sport,
  session,
  lap,
  record,
  event,
  device_info,
  activity,
  field_description,
  developer_data_id,
};

constexpr MessageKind message_kind(std::uint16_t global) {
  switch (global) {
    case mesg_num::file_id:
      return MessageKind::file_id;
    case mesg_num::sport:
      return MessageKind::sport;
    case mesg_num::session:
      return MessageKind::session;
    case mesg_num::lap:
      return MessageKind::lap;
    case mesg_num::record:
      return MessageKind::record;
    case mesg_num::event:
      return MessageKind::event;
    case mesg_num::device_info:
      return MessageKind::device_info;
    case mesg_num::activity:
      return MessageKind::activity;
    case mesg_num::field_description:
      return MessageKind::field_description;
    case mesg_num::developer_data_id:
      return MessageKind::developer_data_id;
    default:
      return MessageKind::other;
  }
}

// Slots, one enum per message. Scales and units are applied by the message's handler.
namespace file_id_slot {
enum : std::uint8_t { type, manufacturer, product, serial_number, time_created, product_name, count };
}
namespace sport_slot {
enum : std::uint8_t { sport, sub_sport, name, count };
}
namespace session_slot {
enum : std::uint8_t {
  start_time,
  sport,
  sub_sport,
  total_elapsed_time,  // ms
  total_timer_time,    // ms
  total_distance,      // cm
  total_calories,
  avg_speed,  // mm/s
  enhanced_avg_speed,
  avg_heart_rate,
  max_heart_rate,
  total_ascent,  // m
  total_descent,
  num_laps,
  count
};
}
namespace lap_slot {
enum : std::uint8_t { start_time, total_elapsed_time, total_timer_time, total_distance, sport, sub_sport, count };
}
namespace record_slot {
enum : std::uint8_t {
  position_lat,   // semicircles
  position_long,  // semicircles
  altitude,       // (v / 5) - 500 m
  enhanced_altitude,
  heart_rate,
  cadence,             // rpm
  fractional_cadence,  // 1/128 rpm
  distance,            // cm
  speed,               // mm/s
  enhanced_speed,
  power,
  temperature,
  compressed_speed_distance,  // 3 bytes: speed 12 bits (cm/s), distance 12 bits (1/16 m, rolling)
  count
};
}
namespace event_slot {
enum : std::uint8_t { event, event_type, data, count };
}
namespace device_info_slot {
enum : std::uint8_t { device_index, manufacturer, product, software_version, product_name, count };
}
namespace activity_slot {
enum : std::uint8_t { total_timer_time, num_sessions, local_timestamp, count };
}
namespace field_description_slot {
enum : std::uint8_t {
  developer_data_index,
  field_definition_number,
  fit_base_type_id,
  field_name,
  units,
  native_mesg_num,
  native_field_num,
  count
};
}
namespace developer_data_id_slot {
enum : std::uint8_t { developer_data_index, manufacturer_id, application_version, count };
}

inline constexpr std::uint8_t kMaxSlots = 16;

// What a slot accepts: a number (any numeric base type; arrays give their first element),
// text (string base type) or raw bytes of at least `min_bytes`.
enum class Expect : std::uint8_t { number, text, bytes };

struct WantedField {
  std::uint8_t number;
  std::uint8_t slot;
  Expect expect = Expect::number;
  std::uint8_t min_bytes = 0;
};

std::span<const WantedField> wanted_fields(MessageKind kind);

}  // namespace tendon::fit
