// FIT decoding throughput: every corpus FIT file (loaded into memory once) decoded over and
// over, the whole corpus and the largest file alone; once with the decoder's own API
// (fit::decode: headers, CRCs, messages) and once through the plugin descriptor (decode,
// activities, samples, emit), plus a generated 1 Hz, 10-hour run that needs no corpus.
// Bytes processed = input size, so Google Benchmark prints MB/s.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fit_decode.h"
#include "fit_plugin.h"
#include "fit_writer.h"

namespace {

using Bytes = std::vector<std::uint8_t>;

// The corpus's FIT files, or nothing when ../shared is not beside the checkout.
const std::vector<Bytes>& corpus() {
  static const std::vector<Bytes> files = [] {
    std::vector<Bytes> out;
    const std::filesystem::path dir = std::filesystem::path(TENDON_SHARED_DIR) / "corpus" / "fit";
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return out;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      std::string ext = entry.path().extension().string();
      std::transform(ext.begin(), ext.end(), ext.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (ext != ".fit") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      out.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return out;
  }();
  return files;
}

const Bytes* largest() {
  const Bytes* best = nullptr;
  for (const Bytes& b : corpus()) {
    if (best == nullptr || b.size() > best->size()) best = &b;
  }
  return best;
}

// A 10-hour run at 1 Hz written like a watch writes it: one record definition, records of
// timestamp, position, distance, enhanced altitude and speed, heart rate, cadence, power.
const Bytes& generated() {
  static const Bytes bytes = [] {
    using namespace tendon::fit::testing;
    FitWriter w;
    const std::uint32_t t0 = fit_time(kSmallRunStartUnix);
    w.define(0, 0, {{0, 1, bt::enum_}, {1, 2, bt::uint16}, {2, 2, bt::uint16}, {4, 4, bt::uint32}});
    w.data(0, {4, 1, 3113, t0});
    w.define(1, 20,
             {{253, 4, bt::uint32},
              {0, 4, bt::sint32},
              {1, 4, bt::sint32},
              {5, 4, bt::uint32},
              {78, 4, bt::uint32},
              {73, 4, bt::uint32},
              {3, 1, bt::uint8},
              {4, 1, bt::uint8},
              {53, 1, bt::uint8},
              {7, 2, bt::uint16},
              {13, 1, bt::sint8}});
    constexpr std::uint32_t kSeconds = 36000;
    for (std::uint32_t i = 0; i < kSeconds; ++i) {
      w.data(1, {t0 + i, 560735200 + static_cast<std::int64_t>(i) * 37, 95443718 - static_cast<std::int64_t>(i) * 11,
                 i * 290, 3000 + (i / 10) % 400, 2900 + i % 200, 140 + i % 30, 84 + i % 5, i % 128, 250 + i % 60, 18});
    }
    w.define(2, 18,
             {{253, 4, bt::uint32}, {2, 4, bt::uint32}, {5, 1, bt::enum_}, {7, 4, bt::uint32}, {9, 4, bt::uint32}});
    w.data(2, {t0 + kSeconds, t0, 1, kSeconds * 1000, kSeconds * 290});
    return w.file();
  }();
  return bytes;
}

void decode_files(benchmark::State& state, const std::vector<const Bytes*>& files) {
  std::size_t bytes = 0;
  std::size_t records = 0;
  for (const Bytes* f : files) bytes += f->size();
  for (auto _ : state) {
    for (const Bytes* f : files) {
      const tendon::fit::Decoded d = tendon::fit::decode(std::span<const std::uint8_t>(*f));
      records += d.records.size();
      benchmark::DoNotOptimize(d.records.data());
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.counters["records/s"] = benchmark::Counter(static_cast<double>(records), benchmark::Counter::kIsRate);
}

int count_emit(void* context, const tendon_activity* a) {
  *static_cast<std::uint64_t*>(context) += a->sample_count;
  return 0;
}
void ignore_report(void*, tendon_level, const char*) {}
int64_t no_read(void*, std::uint8_t*, std::size_t) { return -1; }

void import_files(benchmark::State& state, const std::vector<const Bytes*>& files) {
  const tendon_importer* importer = tendon_fit_plugin()->importers[0];
  std::uint64_t samples = 0;
  std::size_t bytes = 0;
  for (const Bytes* f : files) bytes += f->size();
  tendon_sink sink{sizeof(tendon_sink), &samples, count_emit, ignore_report, nullptr};
  for (auto _ : state) {
    for (const Bytes* f : files) {
      tendon_input input{sizeof(tendon_input), "bench.fit", f->data(), f->size(), nullptr, no_read, -1};
      benchmark::DoNotOptimize(importer->import(nullptr, &input, &sink));
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.counters["samples/s"] = benchmark::Counter(static_cast<double>(samples), benchmark::Counter::kIsRate);
}

std::vector<const Bytes*> all_corpus() {
  std::vector<const Bytes*> files;
  for (const Bytes& b : corpus()) files.push_back(&b);
  return files;
}

bool need_corpus(benchmark::State& state) {
  if (!corpus().empty()) return true;
  state.SkipWithError("shared corpus not found at " TENDON_SHARED_DIR);
  return false;
}

void BM_FitDecodeCorpus(benchmark::State& state) {
  if (need_corpus(state)) decode_files(state, all_corpus());
}
void BM_FitDecodeLargest(benchmark::State& state) {
  if (need_corpus(state)) decode_files(state, {largest()});
}
void BM_FitImportCorpus(benchmark::State& state) {
  if (need_corpus(state)) import_files(state, all_corpus());
}
void BM_FitImportLargest(benchmark::State& state) {
  if (need_corpus(state)) import_files(state, {largest()});
}
void BM_FitDecodeGenerated10h(benchmark::State& state) { decode_files(state, {&generated()}); }
void BM_FitImportGenerated10h(benchmark::State& state) { import_files(state, {&generated()}); }

BENCHMARK(BM_FitDecodeCorpus)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FitDecodeLargest)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FitImportCorpus)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FitImportLargest)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FitDecodeGenerated10h)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FitImportGenerated10h)->Unit(benchmark::kMillisecond);

}  // namespace
