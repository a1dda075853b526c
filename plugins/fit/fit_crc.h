#pragma once
// The FIT CRC-16 (the CRC-16/ARC polynomial 0x8005, bit-reflected as 0xA001, initial value
// 0): guards the 14-byte header and each file's data. FIT's reference code walks nibbles;
// this one walks 16 bytes per step (slicing-by-16, 8 KiB of tables) because the CRC pass
// over the whole file is a third of the decoder's work on record-heavy files.
#include <cstddef>
#include <cstdint>
#include <span>

namespace tendon::fit {

// Continues a CRC over `bytes`, starting from `crc` (0 for a fresh one).
std::uint16_t crc16(std::span<const std::uint8_t> bytes, std::uint16_t crc = 0) noexcept;

// The FIT SDK's nibble-at-a-time formulation, kept as the reference the fast one is
// tested against.
std::uint16_t crc16_reference(std::span<const std::uint8_t> bytes, std::uint16_t crc = 0) noexcept;

}  // namespace tendon::fit
