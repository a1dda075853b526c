#pragma once
// The names of entries in an export (a zip's member names, a folder's relative paths):
// which are safe to read, and one spelling for comparing them.
#include <optional>
#include <string>
#include <string_view>

namespace tendon::archive {

// Why an entry name may not be read, or nullopt: absolute paths ("/etc/passwd", "C:\x"),
// a ".." component (escapes its folder), control characters, an empty name. Backslashes
// count as separators (zips written on Windows).
std::optional<std::string> unsafe_path_reason(std::string_view name);

// A safe name's one spelling: '/' separators, no "." or empty components, no trailing '/'.
std::string normalised_path(std::string_view name);

// ASCII case folded, for lenient lookups ("ACTIVITIES.CSV").
std::string folded(std::string_view text);

// "entry '../evil'" for messages (the name made one printable line, cut when long).
std::string entry_label(std::string_view name);

}  // namespace tendon::archive
