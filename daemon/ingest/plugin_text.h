#pragma once
// Text that crosses the plugin boundary: C strings of unknown length and messages of
// unknown shape, made safe to keep, log and send to clients.
#include <cstddef>
#include <string>
#include <string_view>

namespace tendon {

// Strict UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view text);

// A NUL-terminated string read without trusting its length: at most max_bytes + 1 bytes
// are looked at, so a caller sees "longer than max_bytes" without walking off a missing
// terminator. NULL gives an empty view.
std::string_view bounded_c_string(const char* text, std::size_t max_bytes);

// One line for a log or a warning list: control characters (newlines included) become
// spaces, invalid UTF-8 bytes become '?', surrounding blanks are trimmed and the result is
// cut to at most max_bytes (on a character boundary, marked with "...").
std::string one_line(std::string_view text, std::size_t max_bytes = 1024);

// Seconds for messages: "30", "0.5".
std::string format_seconds(double seconds);

}  // namespace tendon
