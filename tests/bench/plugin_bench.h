#pragma once
// What the importer benchmarks share: timing import() through a plugin descriptor on
// bytes in memory, and one benchmark per file of a ../shared corpus folder. Bytes
// processed = input size, so Google Benchmark prints MB/s; points/s counts the samples
// emitted.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "tendon/plugin.h"

namespace tendon::bench {

namespace detail {

inline int count_samples(void* context, const tendon_activity* a) {
  *static_cast<std::uint64_t*>(context) += a->sample_count;
  return 0;
}

inline void ignore_report(void*, tendon_level, const char*) {}

// The bytes are always in memory; a read would be a bug in the plugin.
inline std::int64_t no_read(void*, std::uint8_t*, std::size_t) { return -1; }

}  // namespace detail

// Times the first importer of `plugin` on `bytes`.
inline void run_plugin_import(benchmark::State& state, const tendon_plugin* plugin, const std::string& bytes) {
  const tendon_importer* importer = plugin->importers[0];
  const std::string name = std::string("bench") + importer->suffixes[0];
  std::uint64_t samples = 0;
  tendon_input input{sizeof(tendon_input), name.c_str(), reinterpret_cast<const std::uint8_t*>(bytes.data()),
                     bytes.size(),         nullptr,      detail::no_read, -1};
  tendon_sink sink{sizeof(tendon_sink), &samples, detail::count_samples, detail::ignore_report, nullptr};
  for (auto _ : state) {
    const int status = importer->import(nullptr, &input, &sink);
    benchmark::DoNotOptimize(status);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
  state.counters["points/s"] = benchmark::Counter(static_cast<double>(samples), benchmark::Counter::kIsRate);
}

// Registers "<prefix>/<file name>" for every file in TENDON_SHARED_DIR/corpus/<folder>.
// Returns false (nothing registered) when ../shared is not beside the checkout.
inline bool register_corpus_benchmarks(const tendon_plugin* plugin, const char* folder, const std::string& prefix) {
  const std::filesystem::path dir = std::filesystem::path(TENDON_SHARED_DIR) / "corpus" / folder;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return false;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    benchmark::RegisterBenchmark((prefix + "/" + entry.path().filename().string()).c_str(),
                                 [plugin, bytes](benchmark::State& state) { run_plugin_import(state, plugin, bytes); });
  }
  return true;
}

}  // namespace tendon::bench
