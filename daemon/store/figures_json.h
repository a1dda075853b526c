#pragma once
// Alert figures as JSON text: [{"name":"longest_30d_m","value":10000},{"name":"ratio","value":1.25}].
// An array keeps the detector's order; the value's type is the JSON number's form (an
// integer literal is int64, a literal with a fraction or exponent is double, written with
// enough digits to read back the identical double), so decode(encode(f)) == f exactly.
// NaN and infinities, which plain JSON lacks, are written NaN / Infinity / -Infinity.
#include <string>
#include <string_view>
#include <vector>

#include "core/alert.h"

namespace tendon::store_detail {

std::string encode_figures(const std::vector<Figure>& figures);
// Throws StoreError (without a file name: the caller adds where it came from).
std::vector<Figure> decode_figures(std::string_view json);

}  // namespace tendon::store_detail
