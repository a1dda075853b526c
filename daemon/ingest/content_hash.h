#pragma once
// A file's identity by content: the same bytes imported twice (renamed, re-synced, or
// once as .fit and once as .fit.gz) are recognised as one source.
#include <string>
#include <string_view>

namespace tendon {

// SHA-256 of the bytes, lower-case hex (64 characters).
std::string sha256_hex(std::string_view bytes);

}  // namespace tendon
