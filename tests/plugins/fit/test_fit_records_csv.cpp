// Record messages against python-fitparse's per-record dumps shipped with the corpus
// (corpus/fit/*-records.csv): every row, every column this decoder reads.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "corpus_files.h"
#include "fit_activity.h"
#include "fit_decode.h"

namespace tendon::fit::testing {
namespace {

std::vector<std::vector<std::string>> read_csv(const std::filesystem::path& file) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(read_text(file));
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    std::vector<std::string> cells;
    std::string cell;
    std::istringstream cells_in(line);
    while (std::getline(cells_in, cell, ',')) cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

Decoded decode_file(const char* name) {
  return decode(std::span<const std::uint8_t>(read_bytes(corpus_dir() / "fit" / name)));
}

// "Sun Jun 11 07:34:09 PDT 2017" (the FIT SDK dump tool's local time, UTC-7) -> FIT time.
std::uint32_t pdt_to_fit_time(const std::string& text) {
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char month[4] = {};
  int day = 0, h = 0, m = 0, s = 0, year = 0;
  if (std::sscanf(text.c_str(), "%*3s %3s %d %d:%d:%d PDT %d", month, &day, &h, &m, &s, &year) != 6) {
    ADD_FAILURE() << "bad time " << text;
    return 0;
  }
  int mon = 0;
  while (mon < 12 && std::string(kMonths[mon]) != month) ++mon;
  const std::int64_t utc_ms = unix_ms(year, mon + 1, day, h, m, s) + 7 * 3600 * 1000;
  return static_cast<std::uint32_t>(utc_ms / 1000 - 631065600);
}

// compressed-speed-distance.fit: compressed-timestamp headers and the 3-byte
// compressed_speed_distance field whose distance part is accumulated across records.
TEST(fitRecordsCsv, CompressedTimestampsAndSpeedDistance) {
  SKIP_WITHOUT_CORPUS();
  const auto rows = read_csv(corpus_dir() / "fit" / "compressed-speed-distance-records.csv");
  const Decoded d = decode_file("compressed-speed-distance.fit");
  ASSERT_EQ(d.integrity, Integrity::intact);
  ASSERT_EQ(rows.size(), 755u);       // header + 754 rows
  ASSERT_EQ(d.records.size(), 755u);  // a first record that only sets the time, then one per row
  EXPECT_EQ(d.records[0].time, 17217864u);
  for (std::size_t i = 1; i < rows.size(); ++i) {
    SCOPED_TRACE("row " + std::to_string(i));
    const Record& r = d.records[i];
    const auto& row = rows[i];
    ASSERT_EQ(row.size(), 5u);
    EXPECT_EQ(r.time, std::stoul(row[0]));
    EXPECT_LT(r.time, kMinAbsoluteTime);
    EXPECT_DOUBLE_EQ(r.heart_rate, std::stod(row[1]));
    EXPECT_NEAR(r.speed_m_s, std::stod(row[2]), 1e-9);
    EXPECT_NEAR(r.distance_m, std::stod(row[3]), 1e-9);
    if (row[4] == "null") {
      EXPECT_TRUE(std::isnan(r.cadence));
    } else {
      EXPECT_DOUBLE_EQ(r.cadence, std::stod(row[4]));
    }
  }
}

struct CsvCase {
  const char* fit;
  const char* csv;
};

void PrintTo(const CsvCase& c, std::ostream* os) { *os << c.fit; }

class fitRecordsDump : public ::testing::TestWithParam<CsvCase> {};

// Columns: timestamp, heart_rate, cadence, speed, distance, position_lat, position_long,
// altitude, temperature. The dump tool writes 0 for an invalid cadence and repeats the
// last valid position for an invalid one; python-fitparse's test allows for both.
TEST_P(fitRecordsDump, EveryRowMatches) {
  SKIP_WITHOUT_CORPUS();
  const auto rows = read_csv(corpus_dir() / "fit" / GetParam().csv);
  const Decoded d = decode_file(GetParam().fit);
  ASSERT_EQ(d.integrity, Integrity::intact);
  ASSERT_EQ(rows[0].size(), 9u);
  ASSERT_EQ(d.records.size(), rows.size() - 1);
  std::int32_t last_lat = kNoPosition;
  std::int32_t last_lon = kNoPosition;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    SCOPED_TRACE(std::string(GetParam().csv) + " row " + std::to_string(i));
    const Record& r = d.records[i - 1];
    const auto& row = rows[i];
    EXPECT_EQ(r.time, pdt_to_fit_time(row[0]));
    EXPECT_DOUBLE_EQ(r.heart_rate, std::stod(row[1]));
    if (std::isnan(r.cadence)) {
      EXPECT_EQ(row[2], "0");
    } else {
      // The dump shows the whole-rpm cadence field; fractional_cadence adds up to 127/128.
      EXPECT_DOUBLE_EQ(std::floor(r.cadence), std::stod(row[2]));
    }
    EXPECT_NEAR(r.speed_m_s, std::stod(row[3]), 1e-9);
    EXPECT_NEAR(r.distance_m, std::stod(row[4]), 1e-9);
    if (r.lat_semicircles != kNoPosition) {
      last_lat = r.lat_semicircles;
      last_lon = r.lon_semicircles;
    }
    if (last_lat != kNoPosition) {
      EXPECT_EQ(last_lat, std::stol(row[5]));
      EXPECT_EQ(last_lon, std::stol(row[6]));
    }
    EXPECT_NEAR(r.altitude_m, std::stod(row[7]), 1e-9);
    EXPECT_DOUBLE_EQ(r.temperature_c, std::stod(row[8]));
  }
}

INSTANTIATE_TEST_SUITE_P(fitCorpus, fitRecordsDump,
                         ::testing::Values(CsvCase{"garmin-fenix-5-run.fit", "garmin-fenix-5-run-records.csv"},
                                           CsvCase{"garmin-fenix-5-walk.fit", "garmin-fenix-5-walk-records.csv"},
                                           CsvCase{"garmin-edge-820-bike.fit", "garmin-edge-820-bike-records.csv"},
                                           CsvCase{"garmin-edge-500-activity.fit",
                                                   "garmin-edge-500-activity-records.csv"}),
                         [](const ::testing::TestParamInfo<CsvCase>& param) {
                           std::string name = param.param.fit;
                           name = name.substr(0, name.find('.'));
                           for (char& c : name) {
                             if (c == '-') c = '_';
                           }
                           return name;
                         });

// What the plugin makes of those records: degrees, steps per minute for running.
TEST(fitRecordsCsv, SamplesAreConvertedForTheHost) {
  SKIP_WITHOUT_CORPUS();
  const auto rows = read_csv(corpus_dir() / "fit" / "garmin-fenix-5-run-records.csv");
  const ImportResult result = import_fit(read_bytes(corpus_dir() / "fit" / "garmin-fenix-5-run.fit"));
  ASSERT_EQ(result.status, TENDON_OK);
  ASSERT_EQ(result.activities.size(), 1u);
  const auto& samples = result.activities[0].samples;
  ASSERT_EQ(samples.size(), rows.size() - 1);
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const auto& row = rows[i + 1];
    EXPECT_EQ(samples[i].time_ms, (static_cast<std::int64_t>(pdt_to_fit_time(row[0])) + 631065600) * 1000);
    EXPECT_NEAR(samples[i].latitude_deg, std::stod(row[5]) * 180.0 / 2147483648.0, 1e-12);
    EXPECT_NEAR(samples[i].longitude_deg, std::stod(row[6]) * 180.0 / 2147483648.0, 1e-12);
    if (row[2] != "0") {
      // Running: FIT counts one leg's strides (plus fractional_cadence); Tendon wants both
      // feet's steps.
      EXPECT_GE(samples[i].cadence_spm, 2 * std::stod(row[2]));
      EXPECT_LT(samples[i].cadence_spm, 2 * std::stod(row[2]) + 2);
      EXPECT_EQ(std::fmod(samples[i].cadence_spm * 64, 1.0), 0.0);
    }
    EXPECT_DOUBLE_EQ(samples[i].heart_rate_bpm, std::stod(row[1]));
  }
}

}  // namespace
}  // namespace tendon::fit::testing
