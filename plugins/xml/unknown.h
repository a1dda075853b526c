#pragma once
// "Unknown" for doubles of the ABI structs. TENDON_UNKNOWN is NAN, a float in C++; this is
// the same NaN as a double, so expressions mixing it with doubles need no promotion.
#include <limits>

namespace tendon::xml {

inline constexpr double kUnknown = std::numeric_limits<double>::quiet_NaN();

}  // namespace tendon::xml
