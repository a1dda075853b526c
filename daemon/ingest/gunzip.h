#pragma once
// gzip members (Strava ships .fit.gz, .gpx.gz, .tcx.gz) inflated in memory with zlib,
// with a ceiling on the output so that a decompression bomb is an error, not an
// out-of-memory death.
#include <cstddef>
#include <string>
#include <string_view>

namespace tendon {

// True when the bytes start with the gzip magic (1f 8b).
bool looks_gzipped(std::string_view bytes);

// Inflates every gzip member in `compressed` (concatenated members are one stream, as
// gunzip does). Throws std::runtime_error with a one-line reason: corrupt data, data that
// ends early, or output larger than max_bytes.
std::string gunzip(std::string_view compressed, std::size_t max_bytes);

}  // namespace tendon
