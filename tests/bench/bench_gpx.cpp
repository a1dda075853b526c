// GPX import throughput through the plugin descriptor: a generated 200,000-point run
// (Garmin Connect layout, TrackPointExtension hr/cad, 1 s recording) and every corpus
// GPX file. Bytes processed = input size, so Google Benchmark prints MB/s.
#include <benchmark/benchmark.h>

#include <string>

#include "generated_gpx.h"
#include "gpx_plugin.h"
#include "plugin_bench.h"

namespace {

void BM_GpxGenerated200k(benchmark::State& state) {
  static const std::string bytes = tendon::bench::generated_gpx(200'000);
  tendon::bench::run_plugin_import(state, tendon_gpx_plugin(), bytes);
}
BENCHMARK(BM_GpxGenerated200k)->Unit(benchmark::kMillisecond);

// One benchmark per corpus file, when ../shared is beside the checkout.
const bool kCorpusRegistered = tendon::bench::register_corpus_benchmarks(tendon_gpx_plugin(), "gpx", "BM_GpxCorpus");

}  // namespace
