// tendon_decode: Tendon's side of the decoding comparison with other programs
// (scripts/bench/compare.py). It decodes the files it is given through the FIT or GPX
// importer exactly as tendond does (plugin descriptor, activities and samples emitted) and
// prints one JSON line in the format every peer's runner prints:
//   {"files":N,"bytes":B,"passes":P,"seconds":T,"activities":A,"failed":F}
// The files are read into memory first; `seconds` is the time spent decoding only, passes
// repeated until --min-seconds have passed (at least one), so in-process rates compare with
// in-process rates. With --min-seconds 0 it decodes each file once: that whole process is
// what the comparison with command-line peers times.
//
// Usage: tendon_decode fit|gpx [--min-seconds S] FILE...
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "fit_plugin.h"
#include "gpx_plugin.h"

namespace {

struct Counts {
  std::uint64_t activities = 0;
};

int count_activity(void* context, const tendon_activity*) {
  ++static_cast<Counts*>(context)->activities;
  return 0;
}
void ignore_report(void*, tendon_level, const char*) {}
std::int64_t no_read(void*, std::uint8_t*, std::size_t) { return -1; }

int usage() {
  std::fprintf(stderr, "usage: tendon_decode fit|gpx [--min-seconds S] FILE...\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) return usage();
  const std::string_view kind = argv[1];
  const tendon_plugin* plugin = kind == "fit" ? tendon_fit_plugin() : kind == "gpx" ? tendon_gpx_plugin() : nullptr;
  if (plugin == nullptr) return usage();
  double min_seconds = 0;
  std::vector<std::string> files;
  for (int i = 2; i < argc; ++i) {
    if (std::string_view(argv[i]) == "--min-seconds" && i + 1 < argc) min_seconds = std::atof(argv[++i]);
    else files.emplace_back(argv[i]);
  }
  if (files.empty()) return usage();

  std::vector<std::string> contents;
  std::uint64_t bytes = 0;
  for (const std::string& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "tendon_decode: %s: cannot be read\n", file.c_str());
      return 1;
    }
    contents.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    bytes += contents.back().size();
  }

  const tendon_importer* importer = plugin->importers[0];
  const std::string name = std::string("peer") + importer->suffixes[0];
  Counts counts;
  std::uint64_t failed = 0, passes = 0;
  const auto start = std::chrono::steady_clock::now();
  double seconds = 0;
  do {
    counts = {};
    failed = 0;
    for (const std::string& c : contents) {
      tendon_input input{sizeof(tendon_input), name.c_str(), reinterpret_cast<const std::uint8_t*>(c.data()),
                         c.size(),             nullptr,      no_read,
                         -1};
      tendon_sink sink{sizeof(tendon_sink), &counts, count_activity, ignore_report, nullptr};
      if (importer->import(nullptr, &input, &sink) != TENDON_OK) ++failed;
    }
    ++passes;
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  } while (seconds < min_seconds);

  std::printf("{\"files\":%zu,\"bytes\":%llu,\"passes\":%llu,\"seconds\":%.6f,\"activities\":%llu,\"failed\":%llu}\n",
              contents.size(), static_cast<unsigned long long>(bytes), static_cast<unsigned long long>(passes), seconds,
              static_cast<unsigned long long>(counts.activities), static_cast<unsigned long long>(failed));
  return 0;
}
