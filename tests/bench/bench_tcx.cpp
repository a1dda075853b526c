// TCX import throughput through the plugin descriptor: a generated 200,000-trackpoint
// run (Garmin Connect layout: 1 km laps, Position, AltitudeMeters, DistanceMeters, HR,
// ns3:TPX Speed/RunCadence, 1 s recording) and every corpus TCX file. Bytes processed
// = input size, so Google Benchmark prints MB/s.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "tcx_plugin.h"

namespace {

std::string iso_time(std::int64_t unix_s) {
  const std::int64_t day_s = unix_s % 86400;
  const int day = 1 + static_cast<int>((unix_s - 1714521600) / 86400);  // days since 2024-05-01
  char buf[40];
  std::snprintf(buf, sizeof buf, "2024-05-%02dT%02d:%02d:%02d.000Z", day, static_cast<int>(day_s / 3600),
                static_cast<int>(day_s / 60 % 60), static_cast<int>(day_s % 60));
  return buf;
}

std::string generated_tcx(std::size_t points) {
  std::string out;
  out.reserve(points * 560 + 4096);
  out +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<TrainingCenterDatabase\n"
      "  xsi:schemaLocation=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2 "
      "http://www.garmin.com/xmlschemas/TrainingCenterDatabasev2.xsd\"\n"
      "  xmlns:ns3=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\"\n"
      "  xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\"\n"
      "  xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
      "  <Activities>\n    <Activity Sport=\"Running\">\n      <Id>2024-05-01T06:00:00.000Z</Id>\n";
  const std::int64_t start_s = 1714543200;  // 2024-05-01T06:00:00Z
  const double speed = 3.0;
  const std::size_t lap_points = 333;  // ~1 km at 3 m/s
  double lat = 46.0512345678;
  double lon = 14.5012345678;
  char line[768];
  for (std::size_t lap_start = 0; lap_start < points; lap_start += lap_points) {
    const std::size_t n = std::min(lap_points, points - lap_start);
    std::snprintf(line, sizeof line,
                  "      <Lap StartTime=\"%s\">\n        <TotalTimeSeconds>%zu.0</TotalTimeSeconds>\n"
                  "        <DistanceMeters>%.1f</DistanceMeters>\n        <MaximumSpeed>3.4</MaximumSpeed>\n"
                  "        <Calories>70</Calories>\n        <AverageHeartRateBpm>\n          <Value>150</Value>\n"
                  "        </AverageHeartRateBpm>\n        <Intensity>Active</Intensity>\n"
                  "        <TriggerMethod>Distance</TriggerMethod>\n        <Track>\n",
                  iso_time(start_s + static_cast<std::int64_t>(lap_start)).c_str(), n, speed * static_cast<double>(n));
    out += line;
    for (std::size_t i = lap_start; i < lap_start + n; ++i) {
      const double t = static_cast<double>(i);
      const double heading = std::sin(t / 300.0) * 3.0 + t / 5000.0;
      lat += std::cos(heading) * speed / 111195.0;
      lon += std::sin(heading) * speed / (111195.0 * std::cos(lat * 3.14159265358979 / 180.0));
      std::snprintf(line, sizeof line,
                    "          <Trackpoint>\n            <Time>%s</Time>\n            <Position>\n"
                    "              <LatitudeDegrees>%.10f</LatitudeDegrees>\n"
                    "              <LongitudeDegrees>%.10f</LongitudeDegrees>\n            </Position>\n"
                    "            <AltitudeMeters>%.1f</AltitudeMeters>\n"
                    "            <DistanceMeters>%.1f</DistanceMeters>\n"
                    "            <HeartRateBpm>\n              <Value>%d</Value>\n            </HeartRateBpm>\n"
                    "            <Extensions>\n              <ns3:TPX>\n                <ns3:Speed>%.3f</ns3:Speed>\n"
                    "                <ns3:RunCadence>%d</ns3:RunCadence>\n              </ns3:TPX>\n"
                    "            </Extensions>\n          </Trackpoint>\n",
                    iso_time(start_s + static_cast<std::int64_t>(i)).c_str(), lat, lon,
                    295.0 + 40.0 * std::sin(t / 900.0), speed * t, 120 + static_cast<int>(i % 40),
                    speed + 0.1 * std::sin(t / 10.0), 82 + static_cast<int>(i % 7));
      out += line;
    }
    out += "        </Track>\n      </Lap>\n";
  }
  out +=
      "      <Creator xsi:type=\"Device_t\">\n        <Name>Forerunner 945</Name>\n      </Creator>\n"
      "    </Activity>\n  </Activities>\n</TrainingCenterDatabase>\n";
  return out;
}

struct Counter {
  std::uint64_t samples = 0;
};

int count_emit(void* ctx, const tendon_activity* a) {
  static_cast<Counter*>(ctx)->samples += a->sample_count;
  return 0;
}

void ignore_report(void*, tendon_level, const char*) {}

int64_t no_read(void*, std::uint8_t*, std::size_t) { return -1; }

void run_import(benchmark::State& state, const std::string& bytes) {
  const tendon_importer* importer = tendon_tcx_plugin()->importers[0];
  Counter counter;
  tendon_input input{sizeof(tendon_input), "bench.tcx", reinterpret_cast<const std::uint8_t*>(bytes.data()),
                     bytes.size(),         nullptr,     no_read};
  tendon_sink sink{sizeof(tendon_sink), &counter, count_emit, ignore_report};
  for (auto _ : state) {
    const int status = importer->import(nullptr, &input, &sink);
    benchmark::DoNotOptimize(status);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
  state.counters["points/s"] = benchmark::Counter(static_cast<double>(counter.samples), benchmark::Counter::kIsRate);
}

void BM_TcxGenerated200k(benchmark::State& state) {
  static const std::string bytes = generated_tcx(200'000);
  run_import(state, bytes);
}
BENCHMARK(BM_TcxGenerated200k)->Unit(benchmark::kMillisecond);

const bool kCorpusRegistered = [] {
  const std::filesystem::path dir = std::filesystem::path(TENDON_SHARED_DIR) / "corpus" / "tcx";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return false;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    benchmark::RegisterBenchmark(("BM_TcxCorpus/" + entry.path().filename().string()).c_str(),
                                 [bytes](benchmark::State& state) { run_import(state, bytes); });
  }
  return true;
}();

}  // namespace
