#pragma once
// From a file's bytes to activities: gzip unwrapped, the importer chosen by the plugin
// host (suffix, then content), identities made stable, sports settled.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/activity.h"
#include "plugin_host.h"

namespace tendon {

struct ParsedFile {
  std::string format;                 // the importer that read it: "fit", "activity-log-csv", ...
  std::vector<Activity> activities;
  std::vector<std::string> problems;  // warnings: "line 7: distance_m is negative (skipped)"
  std::string fatal;                  // non-empty: nothing could be read, and why
  bool not_activity = false;          // with fatal: a valid file that holds no activity
                                      // (FIT settings, a GPX route): skipped, not broken
  std::vector<Shoe> gear;             // shoes an export described (brand, model): their
                                      // drop is looked up when a run names them
};

// A .gz file may inflate to at most this much (a decompression bomb is refused).
inline constexpr std::size_t kMaxInflatedBytes = std::size_t{512} << 20;

// Reads bytes already loaded from `name`. Activities from watch files (FIT, GPX, TCX) get
// a source id made of the content's SHA-256 and the importer's own id within the file, so
// the same file imported twice, under any name, is recognised.
ParsedFile parse_file_bytes(const PluginHost& host, const std::filesystem::path& name, std::string_view bytes);

// Reads a folder (an unpacked export) through the importer whose probe_folder claims it;
// `directory_fd` is read with openat and not closed. Activities of the files it holds keep
// those files' identities, as when each is imported on its own.
ParsedFile parse_folder(const PluginHost& host, const std::filesystem::path& name, int directory_fd);

// The whole file, refusing files over `max_bytes` (a clear error, not an out-of-memory).
std::string read_file_bytes(const std::filesystem::path& file, std::size_t max_bytes);

}  // namespace tendon
