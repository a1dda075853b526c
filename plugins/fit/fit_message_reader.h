#pragma once
// Reads the messages of one FIT file's data section (one part of a chained file):
// record headers, definitions, data messages, compressed timestamps. Definitions, the
// timestamp reference and accumulated values start afresh for every part.
#include <array>
#include <cstddef>
#include <cstdint>

#include "fit_decode.h"
#include "fit_layout.h"

namespace tendon::fit {

class MessageReader {
 public:
  enum class Stop {
    end_of_data,           // the last message ended exactly at the end of the data
    runs_past_end,         // a message (or its header) needs bytes past the end
    undefined_local_type,  // a data message names a local type with no definition
    bad_definition,        // a definition message with an unknown architecture byte
    limit,                 // too many records (Decoded::limit is set)
  };

  // Reads [data, data + size); `part` is the index stored in what it keeps.
  MessageReader(Decoded& out, std::size_t part, const std::uint8_t* data, std::size_t size) noexcept
      : out_(out), part_(part), begin_(data), end_(data + size) {}

  Stop run();

  // Where reading stopped: the end of the last whole message.
  std::size_t consumed() const { return static_cast<std::size_t>(position_ - begin_); }
  // For Stop::undefined_local_type / bad_definition: the offending local type or byte.
  std::uint8_t detail() const { return detail_; }

 private:
  struct Values {
    std::array<double, kMaxSlots> number;
    std::array<const std::uint8_t*, kMaxSlots> bytes;
    std::array<std::uint8_t, kMaxSlots> size;
  };

  bool read_definition(const std::uint8_t* p, std::size_t left, std::size_t& length);
  void read_data(const Layout& layout, const std::uint8_t* content, std::uint32_t header_time);
  static void fill(const Layout& layout, const std::uint8_t* content, Values& v, std::uint8_t slots);

  void on_record(const Values& v, std::uint32_t time);
  void on_session(const Values& v, std::uint32_t time);
  void on_lap(const Values& v, std::uint32_t time);
  void on_event(const Values& v, std::uint32_t time);
  void on_file_id(const Values& v);
  void on_device_info(const Values& v);
  void on_activity(const Values& v, std::uint32_t time);
  void on_sport(const Values& v);
  void on_field_description(const Values& v);
  bool room_for(std::size_t kept, const char* what, std::size_t cap);

  Decoded& out_;
  std::size_t part_;
  const std::uint8_t* begin_;
  const std::uint8_t* end_;
  const std::uint8_t* position_ = nullptr;
  std::uint8_t detail_ = 0;

  std::array<Layout, 16> layouts_{};
  std::array<bool, 16> defined_{};
  std::uint32_t last_time_ = kNoTime;  // the reference of compressed timestamps

  // record.compressed_speed_distance carries a 12-bit rolling distance (1/16 m) that only
  // makes sense accumulated from message to message.
  bool have_distance12_ = false;
  std::uint32_t last_distance12_ = 0;
  std::uint64_t distance16_ = 0;
  bool dropped_warned_ = false;
};

}  // namespace tendon::fit
