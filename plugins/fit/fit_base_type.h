#pragma once
// FIT base types: how a field's bytes turn into a number, and which value of each type
// means "no value" (FIT writes an invalid value instead of leaving a field out).
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

namespace tendon::fit {

// The base type number is the low 5 bits of a field definition's base type byte (bit 7
// only says whether the type has an endianness).
enum class BaseType : std::uint8_t {
  enum_ = 0,
  sint8 = 1,
  uint8 = 2,
  sint16 = 3,
  uint16 = 4,
  sint32 = 5,
  uint32 = 6,
  string = 7,
  float32 = 8,
  float64 = 9,
  uint8z = 10,
  uint16z = 11,
  uint32z = 12,
  byte = 13,
  sint64 = 14,
  uint64 = 15,
  uint64z = 16,
};
inline constexpr std::uint8_t kBaseTypeCount = 17;

// Bytes per element; 1 for numbers past the table, which are read as bytes.
constexpr std::uint8_t base_type_size(std::uint8_t number) {
  constexpr std::uint8_t kSizes[kBaseTypeCount] = {1, 1, 1, 2, 2, 4, 4, 1, 4, 8, 1, 2, 4, 1, 8, 8, 8};
  return number < kBaseTypeCount ? kSizes[number] : 1;
}

// How the decoder reads one numeric field: the base type and the byte order folded into
// one small code, chosen once per definition so that reading a data message is a switch.
enum class Reader : std::uint8_t {
  u8,
  s8,
  u8z,
  u16le,
  u16be,
  s16le,
  s16be,
  u16zle,
  u16zbe,
  u32le,
  u32be,
  s32le,
  s32be,
  u32zle,
  u32zbe,
  f32le,
  f32be,
  f64le,
  f64be,
  u64le,
  u64be,
  s64le,
  s64be,
  u64zle,
  u64zbe,
  text,   // string: the value is the bytes up to the first NUL
  bytes,  // byte arrays, misaligned fields and unknown types: raw bytes, not a number
};

constexpr Reader numeric_reader(BaseType type, bool big_endian) {
  const auto pick = [big_endian](Reader le, Reader be) { return big_endian ? be : le; };
  switch (type) {
    case BaseType::enum_:
    case BaseType::uint8:
      return Reader::u8;
    case BaseType::sint8:
      return Reader::s8;
    case BaseType::uint8z:
      return Reader::u8z;
    case BaseType::sint16:
      return pick(Reader::s16le, Reader::s16be);
    case BaseType::uint16:
      return pick(Reader::u16le, Reader::u16be);
    case BaseType::uint16z:
      return pick(Reader::u16zle, Reader::u16zbe);
    case BaseType::sint32:
      return pick(Reader::s32le, Reader::s32be);
    case BaseType::uint32:
      return pick(Reader::u32le, Reader::u32be);
    case BaseType::uint32z:
      return pick(Reader::u32zle, Reader::u32zbe);
    case BaseType::float32:
      return pick(Reader::f32le, Reader::f32be);
    case BaseType::float64:
      return pick(Reader::f64le, Reader::f64be);
    case BaseType::sint64:
      return pick(Reader::s64le, Reader::s64be);
    case BaseType::uint64:
      return pick(Reader::u64le, Reader::u64be);
    case BaseType::uint64z:
      return pick(Reader::u64zle, Reader::u64zbe);
    case BaseType::string:
      return Reader::text;
    case BaseType::byte:
      return Reader::bytes;
  }
  return Reader::bytes;
}

namespace detail {

inline std::uint16_t swap16(std::uint16_t v) { return static_cast<std::uint16_t>((v >> 8) | (v << 8)); }
inline std::uint32_t swap32(std::uint32_t v) { return __builtin_bswap32(v); }
inline std::uint64_t swap64(std::uint64_t v) { return __builtin_bswap64(v); }

inline std::uint16_t u16(const std::uint8_t* p, bool big) {
  std::uint16_t v;
  std::memcpy(&v, p, sizeof v);
  return (big == (std::endian::native == std::endian::little)) ? swap16(v) : v;
}
inline std::uint32_t u32(const std::uint8_t* p, bool big) {
  std::uint32_t v;
  std::memcpy(&v, p, sizeof v);
  return (big == (std::endian::native == std::endian::little)) ? swap32(v) : v;
}
inline std::uint64_t u64(const std::uint8_t* p, bool big) {
  std::uint64_t v;
  std::memcpy(&v, p, sizeof v);
  return (big == (std::endian::native == std::endian::little)) ? swap64(v) : v;
}

}  // namespace detail

inline constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

// The field's value as a number, or NaN when it holds its type's invalid value (or is not
// a number: text, bytes). 64-bit integers above 2^53 lose precision; no field Tendon
// reads is one.
inline double read_number(const std::uint8_t* p, Reader reader) {
  using detail::u16;
  using detail::u32;
  using detail::u64;
  switch (reader) {
    case Reader::u8:
      return p[0] == 0xFF ? kNoValue : p[0];
    case Reader::s8:
      return p[0] == 0x7F ? kNoValue : static_cast<std::int8_t>(p[0]);
    case Reader::u8z:
      return p[0] == 0 ? kNoValue : p[0];
    case Reader::u16le:
    case Reader::u16be: {
      const std::uint16_t v = u16(p, reader == Reader::u16be);
      return v == 0xFFFF ? kNoValue : v;
    }
    case Reader::s16le:
    case Reader::s16be: {
      const std::uint16_t v = u16(p, reader == Reader::s16be);
      return v == 0x7FFF ? kNoValue : static_cast<std::int16_t>(v);
    }
    case Reader::u16zle:
    case Reader::u16zbe: {
      const std::uint16_t v = u16(p, reader == Reader::u16zbe);
      return v == 0 ? kNoValue : v;
    }
    case Reader::u32le:
    case Reader::u32be: {
      const std::uint32_t v = u32(p, reader == Reader::u32be);
      return v == 0xFFFFFFFFu ? kNoValue : v;
    }
    case Reader::s32le:
    case Reader::s32be: {
      const std::uint32_t v = u32(p, reader == Reader::s32be);
      return v == 0x7FFFFFFFu ? kNoValue : static_cast<std::int32_t>(v);
    }
    case Reader::u32zle:
    case Reader::u32zbe: {
      const std::uint32_t v = u32(p, reader == Reader::u32zbe);
      return v == 0 ? kNoValue : v;
    }
    case Reader::f32le:
    case Reader::f32be: {
      const std::uint32_t bits = u32(p, reader == Reader::f32be);
      if (bits == 0xFFFFFFFFu) return kNoValue;
      const auto f = std::bit_cast<float>(bits);
      return std::isfinite(f) ? static_cast<double>(f) : kNoValue;
    }
    case Reader::f64le:
    case Reader::f64be: {
      const std::uint64_t bits = u64(p, reader == Reader::f64be);
      if (bits == ~std::uint64_t{0}) return kNoValue;
      const auto d = std::bit_cast<double>(bits);
      return std::isfinite(d) ? d : kNoValue;
    }
    case Reader::u64le:
    case Reader::u64be: {
      const std::uint64_t v = u64(p, reader == Reader::u64be);
      return v == ~std::uint64_t{0} ? kNoValue : static_cast<double>(v);
    }
    case Reader::s64le:
    case Reader::s64be: {
      const std::uint64_t v = u64(p, reader == Reader::s64be);
      return v == 0x7FFFFFFFFFFFFFFFull ? kNoValue : static_cast<double>(static_cast<std::int64_t>(v));
    }
    case Reader::u64zle:
    case Reader::u64zbe: {
      const std::uint64_t v = u64(p, reader == Reader::u64zbe);
      return v == 0 ? kNoValue : static_cast<double>(v);
    }
    case Reader::text:
    case Reader::bytes:
      return kNoValue;
  }
  return kNoValue;
}

}  // namespace tendon::fit
