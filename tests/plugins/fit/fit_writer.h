#pragma once
// A small FIT writer for test fixtures: definitions in either byte order, data messages
// with normal or compressed-timestamp headers, developer fields, raw bytes, and a header
// with or without its CRC. It writes what it is told, broken files included.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace tendon::fit::testing {

// Base type bytes as they appear in field definitions.
namespace bt {
inline constexpr std::uint8_t enum_ = 0x00;
inline constexpr std::uint8_t sint8 = 0x01;
inline constexpr std::uint8_t uint8 = 0x02;
inline constexpr std::uint8_t sint16 = 0x83;
inline constexpr std::uint8_t uint16 = 0x84;
inline constexpr std::uint8_t sint32 = 0x85;
inline constexpr std::uint8_t uint32 = 0x86;
inline constexpr std::uint8_t string = 0x07;
inline constexpr std::uint8_t float32 = 0x88;
inline constexpr std::uint8_t uint8z = 0x0A;
inline constexpr std::uint8_t uint32z = 0x8C;
inline constexpr std::uint8_t byte = 0x0D;
}  // namespace bt

struct FieldDef {
  std::uint8_t number;
  std::uint8_t size;
  std::uint8_t base_type;
};

struct DevFieldDef {
  std::uint8_t number;
  std::uint8_t size;
  std::uint8_t developer_index;
};

// One field's value: an integer (written in the field's size and byte order; negative
// numbers as two's complement), or text / raw bytes padded with NULs to the field size.
struct Value {
  Value(std::int64_t v) : integer(v) {}             // NOLINT: implicit on purpose, for brace lists
  Value(int v) : integer(v) {}                      // NOLINT
  Value(unsigned v) : integer(v) {}                 // NOLINT
  Value(const char* s) : text(s), is_text(true) {}  // NOLINT
  static Value bytes(std::vector<std::uint8_t> b) {
    Value v(0);
    v.text.assign(b.begin(), b.end());
    v.is_text = true;
    return v;
  }
  std::int64_t integer = 0;
  std::string text;
  bool is_text = false;
};

class FitWriter {
 public:
  void define(std::uint8_t local, std::uint16_t global, std::vector<FieldDef> fields, bool big_endian = false,
              std::vector<DevFieldDef> developer_fields = {});
  // A data message for `local` with one value per defined field, then `developer_bytes`.
  void data(std::uint8_t local, std::initializer_list<Value> values, std::vector<std::uint8_t> developer_bytes = {});
  // The same with a compressed-timestamp header (local 0-3, time_offset 0-31).
  void compressed(std::uint8_t local, std::uint8_t time_offset, std::initializer_list<Value> values);
  void raw(std::initializer_list<std::uint8_t> bytes);

  std::size_t data_size() const { return data_.size(); }

  struct Options {
    std::uint8_t header_size = 14;
    bool header_crc = true;  // 14-byte header: compute its CRC (false: write 0)
    std::uint16_t profile_version = 2132;
    std::uint8_t protocol_version = 0x20;
  };
  // Header + data + file CRC.
  std::vector<std::uint8_t> file(const Options& options) const;
  std::vector<std::uint8_t> file() const { return file(Options{}); }

 private:
  struct Definition {
    std::vector<FieldDef> fields;
    std::vector<DevFieldDef> developer_fields;
    bool big_endian = false;
    bool defined = false;
  };
  void put_values(const Definition& d, std::initializer_list<Value> values);

  Definition defs_[16];
  std::vector<std::uint8_t> data_;
};

// The FIT epoch is 1989-12-31T00:00:00Z; these turn Unix seconds into FIT seconds.
constexpr std::uint32_t fit_time(std::int64_t unix_seconds) {
  return static_cast<std::uint32_t>(unix_seconds - 631065600);
}

// Writes a small, valid running activity used by many tests: file_id (Garmin Forerunner
// 245), `records` one-second records from 2024-05-01T06:00:00Z (distance 3 m/s, altitude
// rising 1 m per record, heart rate 140, cadence 85 + 64/128), one lap, one session
// (running / trail, 1000 m total distance) and an activity message with a +2 h offset.
std::vector<std::uint8_t> small_run(int records = 10, const FitWriter::Options& options = {});

inline constexpr std::int64_t kSmallRunStartUnix = 1714543200;  // 2024-05-01T06:00:00Z

}  // namespace tendon::fit::testing
