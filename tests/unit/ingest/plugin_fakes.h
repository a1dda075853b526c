#pragma once
// In-process plugins for the host tests: descriptors built field by field (so a test can
// break exactly one thing), driven by per-slot behaviours the test sets.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/plugin_host.h"
#include "tendon/plugin.h"

namespace tendon::test {

// What importer slot K does when probed / asked to import. C function pointers cannot
// capture, so the descriptors point at fake_probe<K> / fake_import<K>, which call these.
struct ImporterBehaviour {
  std::function<int(std::string_view head)> probe;
  std::function<int(const tendon_input*, const tendon_sink*)> import;
};
inline constexpr std::size_t kSlots = 6;
inline std::array<ImporterBehaviour, kSlots> g_behaviours;
inline std::function<int(const tendon_host*, void**)> g_init;
inline std::vector<void*> g_shutdowns;  // the states shutdown was called with

inline void reset_fakes() {
  for (auto& b : g_behaviours) b = ImporterBehaviour{};
  g_init = nullptr;
  g_shutdowns.clear();
}

template <std::size_t K>
int fake_probe(void*, const std::uint8_t* head, std::size_t size) {
  const std::string_view view(reinterpret_cast<const char*>(head), size);
  return g_behaviours[K].probe ? g_behaviours[K].probe(view) : 100;
}
template <std::size_t K>
int fake_import(void*, const tendon_input* input, const tendon_sink* sink) {
  return g_behaviours[K].import ? g_behaviours[K].import(input, sink) : TENDON_OK;
}
inline int fake_init(const tendon_host* host, void** state) { return g_init ? g_init(host, state) : TENDON_OK; }
inline void fake_shutdown(void* state) { g_shutdowns.push_back(state); }

using ProbeFn = int (*)(void*, const std::uint8_t*, std::size_t);
using ImportFn = int (*)(void*, const tendon_input*, const tendon_sink*);
inline constexpr std::array<ProbeFn, kSlots> kProbes = {fake_probe<0>, fake_probe<1>, fake_probe<2>,
                                                         fake_probe<3>, fake_probe<4>, fake_probe<5>};
inline constexpr std::array<ImportFn, kSlots> kImports = {fake_import<0>, fake_import<1>, fake_import<2>,
                                                           fake_import<3>, fake_import<4>, fake_import<5>};

// A plugin descriptor that owns its strings. importer() adds an importer driven by slot K;
// the public C structs may be edited after build() to break one field.
class FakePlugin {
 public:
  explicit FakePlugin(std::string id) : id_(std::move(id)) {
    plugin.struct_size = sizeof plugin;
    plugin.abi_major = TENDON_PLUGIN_ABI_MAJOR;
    plugin.abi_minor = TENDON_PLUGIN_ABI_MINOR;
    plugin.version = "1.2.3";
    plugin.init = fake_init;
    plugin.shutdown = fake_shutdown;
  }
  FakePlugin(const FakePlugin&) = delete;
  FakePlugin& operator=(const FakePlugin&) = delete;

  FakePlugin& importer(std::size_t slot, std::string id, std::vector<std::string> suffixes) {
    Importer& i = importers_.emplace_back();
    i.id = std::move(id);
    i.suffixes = std::move(suffixes);
    for (const auto& s : i.suffixes) i.suffix_ptrs.push_back(s.c_str());
    i.suffix_ptrs.push_back(nullptr);
    i.c.struct_size = sizeof(tendon_importer);
    i.c.id = i.id.c_str();
    i.c.description = "a fake importer";
    i.c.suffixes = i.suffix_ptrs.data();
    i.c.probe = kProbes.at(slot);
    i.c.import = kImports.at(slot);
    return *this;
  }
  tendon_importer& importer_struct(std::size_t index) { return importers_.at(index).c; }

  const tendon_plugin* build() {
    pointers_.clear();
    for (auto& i : importers_) pointers_.push_back(&i.c);
    plugin.id = id_.c_str();
    plugin.importers = pointers_.data();
    plugin.importer_count = static_cast<std::uint32_t>(pointers_.size());
    return &plugin;
  }

  tendon_plugin plugin{};

 private:
  struct Importer {
    std::string id;
    std::vector<std::string> suffixes;
    std::vector<const char*> suffix_ptrs;
    tendon_importer c{};
  };
  std::string id_;
  std::deque<Importer> importers_;  // deque: the C structs keep their address
  std::vector<const tendon_importer*> pointers_;
};

// Log lines, captured for assertions ("<plugin>: <message>").
class LogCapture {
 public:
  PluginLogSink sink() {
    return [this](std::string_view plugin_id, tendon_level, std::string_view message) {
      std::lock_guard lock(mutex_);
      lines_.push_back(std::string(plugin_id) + ": " + std::string(message));
    };
  }
  std::vector<std::string> lines() {
    std::lock_guard lock(mutex_);
    return lines_;
  }
  bool contains(std::string_view text) {
    for (const auto& line : lines()) {
      if (line.find(text) != std::string::npos) return true;
    }
    return false;
  }

 private:
  std::mutex mutex_;
  std::vector<std::string> lines_;
};

// A valid activity: 2026-11-02T07:00:00Z, 10 km run, everything else unknown.
inline tendon_activity good_activity() {
  tendon_activity a{};
  a.struct_size = sizeof a;
  a.sport = "Run";
  a.start_ms = 1'793'602'800'000;  // 2026-11-02T07:00:00Z
  a.distance_m = 10'000;
  a.elapsed_s = a.timer_s = a.ascent_m = a.avg_heart_rate_bpm = TENDON_UNKNOWN;
  a.sample_stride = sizeof(tendon_sample);
  return a;
}

inline int emit(const tendon_sink* sink, const tendon_activity& a) { return sink->emit(sink->context, &a); }
inline void report(const tendon_sink* sink, tendon_level level, const char* message) {
  sink->report(sink->context, level, message);
}

// Reads the whole input through its read callback, in small pieces.
inline std::string read_all(const tendon_input* input) {
  std::string out;
  std::uint8_t buffer[7];
  for (;;) {
    const std::int64_t n = input->read(input->context, buffer, sizeof buffer);
    if (n <= 0) break;
    out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
  }
  return out;
}

inline bool has_line_containing(const std::vector<std::string>& lines, std::string_view text) {
  for (const auto& line : lines) {
    if (line.find(text) != std::string::npos) return true;
  }
  return false;
}

inline std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += "\n  " + line;
  return out;
}

class PluginHostTest : public ::testing::Test {
 protected:
  void SetUp() override { reset_fakes(); }
  void TearDown() override { reset_fakes(); }
};

}  // namespace tendon::test
