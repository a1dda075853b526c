#include "support/generated_export.h"

#include <ctime>
#include <vector>

#include "export_fixtures.h"
#include "fit_writer.h"

namespace tendon::testing {

namespace {

using fit::testing::bt::enum_;
using fit::testing::bt::uint16;
using fit::testing::bt::uint32;
using fit::testing::bt::uint8;
using fit::testing::fit_time;
using fit::testing::FitWriter;

// 5 to 15 km in a ten-day wave, so that the detectors have spikes and weeks to judge.
std::uint32_t distance_m(std::size_t day) { return static_cast<std::uint32_t>(5000 + (day * 7919) % 10 * 1000); }

constexpr std::uint32_t kSecondsPerKm = 330;  // 5:30 min/km

// One run: file_id, records (distance, heart rate), a lap, a running session, an activity.
std::string run_fit(std::int64_t start_unix, std::uint32_t distance, int sample_every_s) {
  FitWriter w;
  const std::uint32_t t0 = fit_time(start_unix);
  const std::uint32_t seconds = distance * kSecondsPerKm / 1000;
  const std::uint32_t end = t0 + seconds;
  // file_id: type (activity), manufacturer (Garmin), product, time_created
  w.define(0, 0, {{0, 1, enum_}, {1, 2, uint16}, {2, 2, uint16}, {4, 4, uint32}});
  w.data(0, {4, 1, 3076, t0});
  // record: timestamp, distance (cm), heart rate
  w.define(1, 20, {{253, 4, uint32}, {5, 4, uint32}, {3, 1, uint8}});
  const auto step = static_cast<std::uint32_t>(sample_every_s);
  for (std::uint32_t s = 0; s <= seconds; s += step) w.data(1, {t0 + s, s * 100000 / kSecondsPerKm, 140 + s % 20});
  // lap / session: timestamp, start_time, total_elapsed_time, total_timer_time, total_distance (ms, cm)
  w.define(2, 19, {{253, 4, uint32}, {2, 4, uint32}, {7, 4, uint32}, {8, 4, uint32}, {9, 4, uint32}});
  w.data(2, {end, t0, seconds * 1000, seconds * 1000, distance * 100});
  // session: ... sport (running), sub_sport (generic), avg heart rate
  w.define(3, 18,
           {{253, 4, uint32}, {2, 4, uint32}, {5, 1, enum_}, {6, 1, enum_}, {7, 4, uint32}, {8, 4, uint32},
            {9, 4, uint32}, {16, 1, uint8}});
  w.data(3, {end, t0, 1, 0, seconds * 1000, seconds * 1000, distance * 100, 148});
  // activity: timestamp, local_timestamp (UTC)
  w.define(4, 34, {{253, 4, uint32}, {5, 4, uint32}});
  w.data(4, {end, end});
  const std::vector<std::uint8_t> bytes = w.file();
  return std::string(bytes.begin(), bytes.end());
}

// Strava's "Activity Date": "Jan 2, 2026, 7:00:00 AM" (UTC).
std::string activity_date(std::int64_t unix_seconds) {
  char text[64];
  const auto t = static_cast<std::time_t>(unix_seconds);
  std::tm utc{};
  gmtime_r(&t, &utc);
  std::strftime(text, sizeof text, "%b %d, %Y, %I:%M:%S %p", &utc);
  return text;
}

}  // namespace

std::string generated_strava_export(const GeneratedExportShape& shape) {
  std::vector<ZipEntry> entries;
  entries.reserve(shape.runs + 2);
  // Distance twice, as Strava writes it: in display units (km), then in metres.
  std::string csv = "Activity ID,Activity Date,Activity Type,Elapsed Time,Distance,Activity Gear,Filename,Distance\n";
  for (std::size_t day = 0; day < shape.runs; ++day) {
    const std::int64_t start = shape.first_start + static_cast<std::int64_t>(day) * 86400;
    const std::uint32_t distance = distance_m(day);
    const std::string id = std::to_string(1000000 + day);
    const std::string file = "activities/" + id + ".fit.gz";
    const char* shoe = day % 3 == 0 ? "Trail" : "Road";
    csv += id + ",\"" + activity_date(start) + "\",Run," + std::to_string(distance * kSecondsPerKm / 1000) + "," +
           std::to_string(distance / 1000.0) + "," + shoe + "," + file + "," + std::to_string(distance) + "\n";
    entries.push_back({file, gzip(run_fit(start, distance, shape.sample_every_s))});
  }
  entries.insert(entries.begin(), {{"activities.csv", csv},
                                   {"shoes.csv", "Shoe Name,Shoe Brand,Shoe Model,Shoe Default Sport Types\n"
                                                 "Road,Hoka,Clifton 9,Run\nTrail,Saucony,Peregrine 14,Run\n"}});
  return make_zip(entries);
}

}  // namespace tendon::testing
