// TCX import throughput through the plugin descriptor: a generated 200,000-trackpoint
// run (Garmin Connect layout: 1 km laps, Position, AltitudeMeters, DistanceMeters, HR,
// ns3:TPX Speed/RunCadence, 1 s recording) and every corpus TCX file. Bytes processed
// = input size, so Google Benchmark prints MB/s.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>

#include "plugin_bench.h"
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

void BM_TcxGenerated200k(benchmark::State& state) {
  static const std::string bytes = generated_tcx(200'000);
  tendon::bench::run_plugin_import(state, tendon_tcx_plugin(), bytes);
}
BENCHMARK(BM_TcxGenerated200k)->Unit(benchmark::kMillisecond);

// One benchmark per corpus file, when ../shared is beside the checkout.
const bool kCorpusRegistered = tendon::bench::register_corpus_benchmarks(tendon_tcx_plugin(), "tcx", "BM_TcxCorpus");

}  // namespace
