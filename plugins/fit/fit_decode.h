#pragma once
// The FIT decoder's own C++ API (the plugin, the tests and the benchmark use it): one pass
// over a contiguous buffer that keeps the messages Tendon needs, already scaled, and says
// how intact the file was. Turning the result into activities is fit_activity.h's job.
//
// decode() never throws on bad input (only std::bad_alloc can escape) and never reads
// outside `bytes`.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "fit_time.h"

namespace tendon::fit {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
inline constexpr std::int32_t kNoPosition = 0x7FFFFFFF;  // sint32's invalid value
inline constexpr std::uint8_t kNoEnum = 0xFF;
inline constexpr std::uint16_t kNoUint16 = 0xFFFF;

// One chained FIT file (header + data + CRC); most files hold one.
struct Part {
  std::size_t offset = 0;
  std::uint8_t header_size = 0;
  std::uint8_t protocol_version = 0;
  std::uint16_t profile_version = 0;
  std::uint32_t data_size = 0;
  bool complete = false;         // data and file CRC were all there
  bool crc_ok = false;           // complete and the file CRC matched
  std::size_t first_record = 0;  // this part's records: Decoded::records[first_record, +record_count)
  std::size_t record_count = 0;
};

struct FileId {
  std::size_t part = 0;
  std::uint8_t type = kNoEnum;  // 4 = activity
  std::uint16_t manufacturer = kNoUint16;
  std::uint16_t product = kNoUint16;
  std::uint32_t time_created = kNoTime;
  std::string product_name;
};

struct Session {
  std::size_t part = 0;
  std::uint32_t timestamp = kNoTime;  // when the session message was written (its end)
  std::uint32_t start_time = kNoTime;
  std::uint8_t sport = kNoEnum;
  std::uint8_t sub_sport = kNoEnum;
  double total_elapsed_s = kNaN;
  double total_timer_s = kNaN;
  double total_distance_m = kNaN;
  double total_ascent_m = kNaN;
  double total_descent_m = kNaN;
  double avg_speed_m_s = kNaN;  // enhanced_avg_speed when present
  double avg_heart_rate = kNaN;
  double max_heart_rate = kNaN;
  double total_calories = kNaN;
  double num_laps = kNaN;
};

struct Lap {
  std::size_t part = 0;
  std::uint32_t timestamp = kNoTime;
  std::uint32_t start_time = kNoTime;
  double total_elapsed_s = kNaN;
  double total_timer_s = kNaN;
  double total_distance_m = kNaN;
  std::uint8_t sport = kNoEnum;
  std::uint8_t sub_sport = kNoEnum;
};

struct Record {
  std::uint32_t time = kNoTime;  // from field 253 or a compressed-timestamp header
  std::int32_t lat_semicircles = kNoPosition;
  std::int32_t lon_semicircles = kNoPosition;
  double altitude_m = kNaN;  // enhanced_altitude when present
  double distance_m = kNaN;  // cumulative
  double speed_m_s = kNaN;   // enhanced_speed when present
  double heart_rate = kNaN;
  double cadence = kNaN;  // rpm as FIT stores it (per leg for running), fractional part added
  double power_w = kNaN;
  double temperature_c = kNaN;
};

struct Event {
  std::uint32_t time = kNoTime;
  std::uint8_t event = kNoEnum;       // 0 = timer
  std::uint8_t event_type = kNoEnum;  // 0 = start, 1 = stop, 4 = stop_all
};

struct DeviceInfo {
  std::size_t part = 0;
  std::uint8_t device_index = kNoEnum;  // 0 = the creator (the recording device)
  std::uint16_t manufacturer = kNoUint16;
  std::uint16_t product = kNoUint16;
  std::string product_name;
};

struct ActivityInfo {
  std::size_t part = 0;
  std::uint32_t timestamp = kNoTime;
  std::uint32_t local_timestamp = kNoTime;  // local wall time encoded as FIT time
};

struct SportInfo {
  std::uint8_t sport = kNoEnum;
  std::uint8_t sub_sport = kNoEnum;
  std::string name;
};

struct DeveloperFieldInfo {
  std::uint8_t developer_data_index = kNoEnum;
  std::uint8_t field_number = kNoEnum;
  std::uint8_t base_type = kNoEnum;
  std::string name;
  std::string units;
  std::uint16_t native_mesg_num = kNoUint16;
  std::uint8_t native_field_num = kNoEnum;
};

// How much of the file could be trusted.
enum class Integrity {
  intact,     // every part complete, every CRC right
  truncated,  // the file ends early or a part stops unreadably; what came before is kept
  damaged,    // a CRC or header check failed, or the bytes are not FIT: use nothing
};

// Bounds on what one file may make the decoder keep (a 2-byte record message becomes a
// 72-byte Record): past kMaxRecords the file is refused as too large (Decoded::limit);
// past the other bounds the further messages of a kind are dropped with a warning. Real
// activities have a few sessions (one per multisport leg) and at most hundreds of laps.
inline constexpr std::size_t kMaxRecords = 5'000'000;
inline constexpr std::size_t kMaxSessions = 1'000;
inline constexpr std::size_t kMaxLaps = 10'000;
inline constexpr std::size_t kMaxOtherMessages = 100'000;
inline constexpr std::size_t kMaxParts = 10'000;
inline constexpr std::size_t kMaxWarnings = 20;

struct Decoded {
  Integrity integrity = Integrity::intact;
  std::string damage;                 // why, when damaged (one line)
  std::string limit;                  // set when a bound above was hit: nothing is usable
  std::vector<std::string> warnings;  // why, when truncated, and other oddities
  std::vector<Part> parts;
  std::vector<FileId> file_ids;
  std::vector<Session> sessions;
  std::vector<Lap> laps;
  std::vector<Record> records;
  std::vector<Event> events;
  std::vector<DeviceInfo> devices;
  std::vector<ActivityInfo> activities;
  std::vector<SportInfo> sports;
  std::vector<DeveloperFieldInfo> developer_fields;
  std::size_t developer_data_ids = 0;
  std::size_t data_messages = 0;  // every data message read, of any kind
  std::size_t definition_messages = 0;
  std::size_t misaligned_fields = 0;  // field definitions read as bytes
  std::size_t readable_bytes = 0;     // where reading stopped
};

Decoded decode(std::span<const std::uint8_t> bytes);
inline Decoded decode(std::span<const std::byte> bytes) {
  return decode(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
}

// True when `head` starts like a FIT file: header size 12 or 14 and ".FIT" at bytes 8..11.
bool looks_like_fit(std::span<const std::uint8_t> head);

}  // namespace tendon::fit
