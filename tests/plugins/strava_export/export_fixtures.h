#pragma once
// Fixtures for the export importers' tests: zips written with libarchive's writer (files,
// and the hostile entries a real zip can carry), gzip, and the built-in host to read them.
#include <string>
#include <vector>

#include "ingest/file_formats.h"
#include "ingest/plugin_host.h"

namespace tendon::testing {

// A zip cannot hold hard links (libarchive writes them as empty files): folders test those.
enum class EntryKind { file, symlink };

struct ZipEntry {
  std::string name;
  std::string content;  // a link's target for symlink / hardlink
  EntryKind kind = EntryKind::file;
};

std::string make_zip(const std::vector<ZipEntry>& entries);
std::string gzip(const std::string& bytes);
std::string read_bytes(const std::string& path);

// A host with every built-in importer.
PluginHost& builtin_host();

// True when `problems` has a line containing every one of `parts`.
bool has_problem(const std::vector<std::string>& problems, const std::vector<std::string>& parts);

// The problems, one per line, for failure messages.
std::string listed(const std::vector<std::string>& problems);

// Unix seconds of a UTC calendar time (the expected starts, worked out in the test).
std::int64_t utc(int year, int month, int day, int hour, int minute, int second);

}  // namespace tendon::testing
