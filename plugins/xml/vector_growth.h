#pragma once
// Room for `more` elements without giving up geometric growth: reserving the exact size
// for every segment or lap would reallocate (and copy everything so far) each time, which
// is quadratic for a track of many laps.
#include <cstddef>
#include <vector>

namespace tendon::xml {

template <typename T>
void reserve_more(std::vector<T>& v, std::size_t more) {
  const std::size_t needed = v.size() + more;
  if (needed <= v.capacity()) return;
  const std::size_t doubled = v.capacity() * 2;
  v.reserve(needed > doubled ? needed : doubled);
}

}  // namespace tendon::xml
