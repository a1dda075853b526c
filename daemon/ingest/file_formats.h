#pragma once
// Which parser reads a file: chosen by suffix, confirmed by content. The watch-file
// formats (FIT, GPX, TCX) join here through the plugin host.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/activity.h"

namespace tendon {

struct ParsedFile {
  std::string format;                 // "activity-log", ...
  std::vector<Activity> activities;
  std::vector<std::string> problems;  // "line 7: distance_m is negative" (record skipped)
  std::string fatal;                  // non-empty: nothing could be read, and why
};

// Reads bytes already loaded from `name`. An unsupported format is a fatal result.
ParsedFile parse_file_bytes(const std::filesystem::path& name, std::string_view bytes);

// The whole file, refusing files over `max_bytes` (a clear error, not an out-of-memory).
std::string read_file_bytes(const std::filesystem::path& file, std::size_t max_bytes);

}  // namespace tendon
