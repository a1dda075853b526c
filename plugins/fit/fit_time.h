#pragma once
// FIT time: unsigned seconds since 1989-12-31T00:00:00Z. Values below 0x10000000 are not
// dates but seconds since the device powered on (its clock was never set).
#include <cstdint>

namespace tendon::fit {

inline constexpr std::uint32_t kNoTime = 0xFFFFFFFFu;
inline constexpr std::uint32_t kMinAbsoluteTime = 0x10000000u;
inline constexpr std::int64_t kFitEpochUnixSeconds = 631065600;

constexpr bool is_time(std::uint32_t t) { return t != kNoTime; }
constexpr bool is_absolute_time(std::uint32_t t) { return t != kNoTime && t >= kMinAbsoluteTime; }

constexpr std::int64_t unix_ms(std::uint32_t fit_time) {
  return (static_cast<std::int64_t>(fit_time) + kFitEpochUnixSeconds) * 1000;
}

}  // namespace tendon::fit
