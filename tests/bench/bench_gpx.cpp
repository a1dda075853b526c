// GPX import throughput through the plugin descriptor: a generated 200,000-point run
// (Garmin Connect layout, TrackPointExtension hr/cad, 1 s recording) and every corpus
// GPX file. Bytes processed = input size, so Google Benchmark prints MB/s.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "gpx_plugin.h"

namespace {

// Appends a 200,000-point run: a wandering path near Ljubljana at ~3 m/s, rolling
// altitude, heart rate and cadence that drift like a real run.
std::string generated_gpx(std::size_t points) {
  std::string out;
  out.reserve(points * 330 + 1024);
  out +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gpx creator=\"Garmin Connect\" version=\"1.1\" "
      "xsi:schemaLocation=\"http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/11.xsd\" "
      "xmlns:ns3=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\" "
      "xmlns=\"http://www.topografix.com/GPX/1/1\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xmlns:ns2=\"http://www.garmin.com/xmlschemas/GpxExtensions/v3\">\n"
      "  <metadata>\n    <time>2024-05-01T06:00:00.000Z</time>\n  </metadata>\n"
      "  <trk>\n    <name>Morning Run</name>\n    <type>running</type>\n    <trkseg>\n";
  double lat = 46.0512345678;
  double lon = 14.5012345678;
  const std::int64_t start_s = 1714543200;  // 2024-05-01T06:00:00Z
  char line[512];
  for (std::size_t i = 0; i < points; ++i) {
    const double t = static_cast<double>(i);
    const double heading = std::sin(t / 300.0) * 3.0 + t / 5000.0;
    lat += std::cos(heading) * 3.0 / 111195.0;
    lon += std::sin(heading) * 3.0 / (111195.0 * std::cos(lat * 3.14159265358979 / 180.0));
    const double ele = 295.0 + 40.0 * std::sin(t / 900.0) + 3.0 * std::sin(t / 17.0);
    const int hr = 120 + static_cast<int>(40.0 * (0.5 + 0.5 * std::sin(t / 1200.0))) + static_cast<int>(i % 3);
    const int cad = 82 + static_cast<int>(i % 7);
    const std::int64_t secs = start_s + static_cast<std::int64_t>(i);
    const std::int64_t day_s = secs % 86400;
    const int day = 1 + static_cast<int>((secs - start_s) / 86400);
    std::snprintf(line, sizeof line,
                  "      <trkpt lat=\"%.10f\" lon=\"%.10f\">\n"
                  "        <ele>%.1f</ele>\n"
                  "        <time>2024-05-%02dT%02d:%02d:%02d.000Z</time>\n"
                  "        <extensions>\n"
                  "          <ns3:TrackPointExtension>\n"
                  "            <ns3:hr>%d</ns3:hr>\n"
                  "            <ns3:cad>%d</ns3:cad>\n"
                  "          </ns3:TrackPointExtension>\n"
                  "        </extensions>\n"
                  "      </trkpt>\n",
                  lat, lon, ele, day, static_cast<int>(day_s / 3600), static_cast<int>(day_s / 60 % 60),
                  static_cast<int>(day_s % 60), hr, cad);
    out += line;
  }
  out += "    </trkseg>\n  </trk>\n</gpx>\n";
  return out;
}

struct Counter {
  std::uint64_t activities = 0;
  std::uint64_t samples = 0;
};

int count_emit(void* ctx, const tendon_activity* a) {
  auto* c = static_cast<Counter*>(ctx);
  ++c->activities;
  c->samples += a->sample_count;
  return 0;
}

void ignore_report(void*, tendon_level, const char*) {}

int64_t no_read(void*, std::uint8_t*, std::size_t) { return -1; }

void run_import(benchmark::State& state, const std::string& bytes) {
  const tendon_importer* importer = tendon_gpx_plugin()->importers[0];
  Counter counter;
  tendon_input input{sizeof(tendon_input), "bench.gpx", reinterpret_cast<const std::uint8_t*>(bytes.data()),
                     bytes.size(),         nullptr,     no_read};
  tendon_sink sink{sizeof(tendon_sink), &counter, count_emit, ignore_report};
  for (auto _ : state) {
    const int status = importer->import(nullptr, &input, &sink);
    benchmark::DoNotOptimize(status);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
  state.counters["points/s"] = benchmark::Counter(static_cast<double>(counter.samples), benchmark::Counter::kIsRate);
}

void BM_GpxGenerated200k(benchmark::State& state) {
  static const std::string bytes = generated_gpx(200'000);
  run_import(state, bytes);
}
BENCHMARK(BM_GpxGenerated200k)->Unit(benchmark::kMillisecond);

// One benchmark per corpus file, when ../shared is beside the checkout.
const bool kCorpusRegistered = [] {
  const std::filesystem::path dir = std::filesystem::path(TENDON_SHARED_DIR) / "corpus" / "gpx";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return false;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    benchmark::RegisterBenchmark(("BM_GpxCorpus/" + entry.path().filename().string()).c_str(),
                                 [bytes](benchmark::State& state) { run_import(state, bytes); });
  }
  return true;
}();

}  // namespace
