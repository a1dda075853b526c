#include "fit_layout.h"

namespace tendon::fit {

namespace {

const WantedField* find_wanted(std::span<const WantedField> wanted, std::uint8_t number) {
  for (const WantedField& w : wanted) {
    if (w.number == number) return &w;
  }
  return nullptr;
}

// How a wanted field is read, or nullopt-like Reader::bytes with ok=false when this
// definition's field cannot serve the slot (wrong kind of type, too short, misaligned).
struct Choice {
  bool ok = false;
  Reader reader = Reader::bytes;
};

Choice choose_reader(const WantedField& w, std::uint8_t size, std::uint8_t type_number, bool big_endian) {
  const bool known = type_number < kBaseTypeCount;
  const auto type = static_cast<BaseType>(type_number);
  switch (w.expect) {
    case Expect::text:
      return {known && type == BaseType::string && size > 0, Reader::text};
    case Expect::bytes:
      return {size >= w.min_bytes && size > 0, Reader::bytes};
    case Expect::number: {
      if (!known || type == BaseType::string || type == BaseType::byte) return {};
      const std::uint8_t element = base_type_size(type_number);
      // An array gives its first element; a size that is not a whole number of elements
      // is read as bytes by the protocol, i.e. not at all here.
      if (size < element || size % element != 0) return {};
      return {true, numeric_reader(type, big_endian)};
    }
  }
  return {};
}

}  // namespace

Layout make_layout(std::uint16_t global, bool big_endian, const std::uint8_t* fields, std::uint8_t field_count,
                   std::uint32_t developer_bytes) {
  Layout layout;
  layout.global = global;
  layout.kind = message_kind(global);
  layout.big_endian = big_endian;
  const std::span<const WantedField> wanted = wanted_fields(layout.kind);

  std::uint32_t offset = 0;
  for (std::uint8_t i = 0; i < field_count; ++i) {
    const std::uint8_t number = fields[3 * i];
    const std::uint8_t size = fields[3 * i + 1];
    const std::uint8_t type_number = fields[3 * i + 2] & 0x1Fu;
    const std::uint8_t element = base_type_size(type_number);
    if (size % element != 0) ++layout.misaligned_fields;

    if (number == kTimestampField) {
      const auto type = static_cast<BaseType>(type_number);
      if (size == 4 && (type == BaseType::uint32 || type == BaseType::uint32z)) {
        layout.has_timestamp = true;
        layout.timestamp_offset = offset;
        layout.timestamp_reader = numeric_reader(type, big_endian);
      }
    } else if (const WantedField* w = find_wanted(wanted, number)) {
      const Choice choice = choose_reader(*w, size, type_number, big_endian);
      if (choice.ok) {
        // A field number defined twice: the later definition wins, as it would in a
        // decoder that keeps one value per field.
        std::uint8_t at = 0;
        while (at < layout.op_count && layout.ops[at].slot != w->slot) ++at;
        if (at == layout.op_count) ++layout.op_count;
        layout.ops[at] = FieldOp{offset, size, w->slot, choice.reader};
      }
    }
    offset += size;
  }
  layout.size = offset + developer_bytes;
  return layout;
}

}  // namespace tendon::fit
