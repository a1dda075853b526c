#pragma once
// FIT strings are NUL-terminated UTF-8 in a fixed-size field. Devices pad them with NULs
// or spaces and sometimes write other encodings; what reaches the host must be one line of
// valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string>

namespace tendon::fit {

// The text up to the first NUL, trailing spaces trimmed, control characters and invalid
// UTF-8 sequences each replaced by '?'.
std::string clean_text(const std::uint8_t* bytes, std::size_t size);

}  // namespace tendon::fit
