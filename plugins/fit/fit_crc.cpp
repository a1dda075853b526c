#include "fit_crc.h"

#include <array>

namespace tendon::fit {

namespace {

constexpr std::uint16_t kReflectedPoly = 0xA001;

// tables[k][b]: the CRC contribution of byte value b followed by k zero bytes.
using SliceTables = std::array<std::array<std::uint16_t, 256>, 16>;

constexpr SliceTables make_tables() {
  SliceTables t{};
  for (unsigned b = 0; b < 256; ++b) {
    auto crc = static_cast<std::uint16_t>(b);
    for (int bit = 0; bit < 8; ++bit) {
      crc = static_cast<std::uint16_t>((crc & 1u) != 0 ? (crc >> 1) ^ kReflectedPoly : crc >> 1);
    }
    t[0][b] = crc;
  }
  for (std::size_t k = 1; k < t.size(); ++k) {
    for (unsigned b = 0; b < 256; ++b) {
      const std::uint16_t prev = t[k - 1][b];
      t[k][b] = static_cast<std::uint16_t>((prev >> 8) ^ t[0][prev & 0xFFu]);
    }
  }
  return t;
}

constexpr SliceTables kTables = make_tables();

}  // namespace

std::uint16_t crc16(std::span<const std::uint8_t> bytes, std::uint16_t crc) noexcept {
  const std::uint8_t* p = bytes.data();
  std::size_t n = bytes.size();
  std::uint32_t c = crc;
  while (n >= 16) {
    // The 16-bit CRC folds into the first two bytes; the other fourteen enter unchanged.
    const std::uint32_t b0 = (p[0] ^ c) & 0xFFu;
    const std::uint32_t b1 = (p[1] ^ (c >> 8)) & 0xFFu;
    c = static_cast<std::uint32_t>(kTables[15][b0] ^ kTables[14][b1] ^ kTables[13][p[2]] ^ kTables[12][p[3]] ^
                                   kTables[11][p[4]] ^ kTables[10][p[5]] ^ kTables[9][p[6]] ^ kTables[8][p[7]] ^
                                   kTables[7][p[8]] ^ kTables[6][p[9]] ^ kTables[5][p[10]] ^ kTables[4][p[11]] ^
                                   kTables[3][p[12]] ^ kTables[2][p[13]] ^ kTables[1][p[14]] ^ kTables[0][p[15]]);
    p += 16;
    n -= 16;
  }
  while (n-- > 0) {
    c = (c >> 8) ^ kTables[0][(c ^ *p++) & 0xFFu];
  }
  return static_cast<std::uint16_t>(c);
}

std::uint16_t crc16_reference(std::span<const std::uint8_t> bytes, std::uint16_t crc) noexcept {
  static constexpr std::array<std::uint16_t, 16> kNibble = {0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00,
                                                            0x2800, 0xE401, 0xA001, 0x6C00, 0x7800, 0xB401,
                                                            0x5000, 0x9C01, 0x8801, 0x4400};
  for (const std::uint8_t byte : bytes) {
    std::uint16_t tmp = kNibble[crc & 0xFu];
    crc = static_cast<std::uint16_t>(((crc >> 4) & 0x0FFFu) ^ tmp ^ kNibble[byte & 0xFu]);
    tmp = kNibble[crc & 0xFu];
    crc = static_cast<std::uint16_t>(((crc >> 4) & 0x0FFFu) ^ tmp ^ kNibble[(byte >> 4) & 0xFu]);
  }
  return crc;
}

}  // namespace tendon::fit
