#pragma once
// A definition message turned, once, into what reading its data messages needs: their
// size, and for the few fields Tendon wants, where they sit and how to read them. Data
// messages then cost one bounds check plus one switch per wanted field; the rest of the
// message is skipped by its size.
#include <array>
#include <cstdint>

#include "fit_base_type.h"
#include "fit_messages.h"

namespace tendon::fit {

struct FieldOp {
  std::uint32_t offset = 0;  // from the first byte after the record header
  std::uint8_t size = 0;     // the field's declared size in bytes
  std::uint8_t slot = 0;
  Reader reader = Reader::bytes;
};

struct Layout {
  std::uint32_t size = 0;  // content bytes of each data message (developer fields included)
  std::uint16_t global = 0;
  MessageKind kind = MessageKind::other;
  bool big_endian = false;
  bool has_timestamp = false;  // field 253, read for every message kind
  Reader timestamp_reader = Reader::u32le;
  std::uint32_t timestamp_offset = 0;
  std::uint8_t op_count = 0;
  std::uint16_t misaligned_fields = 0;  // sizes that are not a multiple of the base type
  std::array<FieldOp, kMaxSlots> ops{};
};

// Builds the layout of a definition whose `field_count` field definitions (3 bytes each:
// number, size, base type) start at `fields`; `developer_bytes` is the summed size of its
// developer fields, which are skipped.
Layout make_layout(std::uint16_t global, bool big_endian, const std::uint8_t* fields, std::uint8_t field_count,
                   std::uint32_t developer_bytes);

}  // namespace tendon::fit
