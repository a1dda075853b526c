#pragma once
// Runs an importer through its plugin descriptor, as the host does, and keeps copies of
// everything it emitted and reported. Shared by the GPX and TCX tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "tendon/plugin.h"

namespace tendon::test {

struct ActivityCopy {
  std::string sport;
  std::string sub_sport;  // "" when NULL
  std::int64_t start_ms = 0;
  std::int32_t utc_offset_s = 0;
  bool has_utc_offset = false;
  double distance_m = 0;
  double elapsed_s = 0;
  double timer_s = 0;
  double ascent_m = 0;
  double avg_heart_rate_bpm = 0;
  std::string device;     // "" when NULL
  std::string source_id;  // "" when NULL
  bool device_null = true;
  std::vector<tendon_sample> samples;
};

struct Report {
  tendon_level level;
  std::string message;
};

struct ImportRun {
  int status = -1;
  std::vector<ActivityCopy> activities;
  std::vector<Report> reports;
  int stop_after = -1;  // emit returns non-zero once this many were taken

  bool reported(tendon_level level, std::string_view part) const {
    for (const auto& r : reports) {
      if (r.level == level && r.message.find(part) != std::string::npos) return true;
    }
    return false;
  }
  std::string dump() const {
    std::string out = "status " + std::to_string(status) + ", " + std::to_string(activities.size()) + " activities";
    for (const auto& r : reports) out += "\n  [" + std::to_string(static_cast<int>(r.level)) + "] " + r.message;
    return out;
  }
};

namespace detail {

inline int on_emit(void* ctx, const tendon_activity* a) {
  auto* run = static_cast<ImportRun*>(ctx);
  EXPECT_EQ(a->struct_size, sizeof(tendon_activity));
  ActivityCopy c;
  EXPECT_NE(a->sport, nullptr);
  c.sport = a->sport ? a->sport : "";
  c.sub_sport = a->sub_sport ? a->sub_sport : "";
  c.start_ms = a->start_ms;
  c.utc_offset_s = a->utc_offset_s;
  c.has_utc_offset = a->has_utc_offset != 0;
  c.distance_m = a->distance_m;
  c.elapsed_s = a->elapsed_s;
  c.timer_s = a->timer_s;
  c.ascent_m = a->ascent_m;
  c.avg_heart_rate_bpm = a->avg_heart_rate_bpm;
  c.device_null = a->device == nullptr;
  c.device = a->device ? a->device : "";
  c.source_id = a->source_id ? a->source_id : "";
  EXPECT_EQ(a->sample_stride, sizeof(tendon_sample));
  for (std::uint64_t i = 0; i < a->sample_count; ++i) {
    tendon_sample s;
    std::memcpy(&s, reinterpret_cast<const unsigned char*>(a->samples) + i * a->sample_stride, sizeof s);
    c.samples.push_back(s);
  }
  run->activities.push_back(std::move(c));
  return run->stop_after >= 0 && static_cast<int>(run->activities.size()) >= run->stop_after ? 1 : 0;
}

inline void on_report(void* ctx, tendon_level level, const char* message) {
  auto* run = static_cast<ImportRun*>(ctx);
  EXPECT_NE(message, nullptr);
  EXPECT_EQ(std::strchr(message, '\n'), nullptr) << "reports are one line: " << message;
  run->reports.push_back({level, message});
}

struct Reader {
  std::string_view bytes;
  std::size_t pos = 0;
  std::size_t chunk = 0;
  bool fail = false;
};

inline int64_t on_read(void* ctx, std::uint8_t* buffer, std::size_t capacity) {
  auto* r = static_cast<Reader*>(ctx);
  if (r->fail) return -1;
  std::size_t n = std::min(capacity, r->bytes.size() - r->pos);
  if (r->chunk > 0) n = std::min(n, r->chunk);
  if (n > 0) std::memcpy(buffer, r->bytes.data() + r->pos, n);
  r->pos += n;
  return static_cast<int64_t>(n);
}

}  // namespace detail

enum class Feed { data, read_known_size, read_unknown_size, read_failing };

// Imports `bytes` with the plugin's only importer.
inline ImportRun import_bytes(const tendon_plugin* plugin, std::string_view bytes, Feed feed = Feed::data,
                              int stop_after = -1, std::size_t read_chunk = 0) {
  ImportRun run;
  run.stop_after = stop_after;
  // An exact-size copy, so ASan sees any read past the end.
  std::vector<std::uint8_t> exact(bytes.begin(), bytes.end());
  detail::Reader reader{std::string_view(reinterpret_cast<const char*>(exact.data()), exact.size()), 0, read_chunk,
                        feed == Feed::read_failing};
  tendon_input input{};
  input.struct_size = sizeof input;
  input.name = "test-input";
  input.data = feed == Feed::data ? exact.data() : nullptr;
  input.size = feed == Feed::read_unknown_size ? UINT64_MAX : exact.size();
  input.context = &reader;
  input.read = detail::on_read;
  tendon_sink sink{};
  sink.struct_size = sizeof sink;
  sink.context = &run;
  sink.emit = detail::on_emit;
  sink.report = detail::on_report;
  run.status = plugin->importers[0]->import(nullptr, &input, &sink);
  return run;
}

inline int probe_bytes(const tendon_plugin* plugin, std::string_view head) {
  return plugin->importers[0]->probe(nullptr, reinterpret_cast<const std::uint8_t*>(head.data()), head.size());
}

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  EXPECT_TRUE(in.good()) << p;
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// ../shared/corpus/<sub>, or an empty path when the shared folder is not beside the checkout.
inline std::filesystem::path corpus_dir(std::string_view sub) {
  const std::filesystem::path shared(TENDON_SHARED_DIR);
  std::error_code ec;
  if (!std::filesystem::is_directory(shared, ec)) return {};
  return shared / "corpus" / sub;
}

#define TENDON_REQUIRE_SHARED()                                                          \
  do {                                                                                   \
    std::error_code shared_ec;                                                           \
    if (!std::filesystem::is_directory(TENDON_SHARED_DIR, shared_ec)) {                  \
      GTEST_SKIP() << "shared corpus not found at " TENDON_SHARED_DIR " (cloned alone)"; \
    }                                                                                    \
  } while (false)

// Unix ms of "YYYY-MM-DDThh:mm:ss[.mmm]Z", computed with <chrono> (independent of the
// importers' own parser).
inline std::int64_t utc_ms(const std::string& iso) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, ms = 0;
  const int n = std::sscanf(iso.c_str(), "%d-%d-%dT%d:%d:%d.%dZ", &y, &mo, &d, &h, &mi, &s, &ms);
  EXPECT_GE(n, 6) << iso;
  const auto day = std::chrono::sys_days(std::chrono::year(y) / mo / d);
  return std::chrono::duration_cast<std::chrono::milliseconds>(day.time_since_epoch()).count() +
         ((h * 60 + mi) * 60 + s) * std::int64_t{1000} + ms;
}

}  // namespace tendon::test
