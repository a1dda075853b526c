#pragma once
// Reading the host's ABI structs within their struct_size (a 1.0 host's sink has no gear).
#include <algorithm>
#include <cstdint>
#include <cstring>

namespace tendon::garmin {

template <typename T>
T within_struct_size(const T* raw) {
  T copy{};
  std::uint32_t size = 0;
  std::memcpy(&size, raw, sizeof size);
  std::memcpy(&copy, raw, std::min<std::size_t>(size, sizeof copy));
  return copy;
}

}  // namespace tendon::garmin
