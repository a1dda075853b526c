// The Apple Health samples of ../shared/corpus/apple (skipped when ../shared is absent).
// Every expected figure is read off the sample's own XML (quoted next to each check).
// The apple-health-analyzer samples are fragments (GPL-3.0, read here, never copied):
// they are wrapped in <HealthData> and zipped with the route files they reference.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "export_fixtures.h"
#include "health_fixtures.h"

namespace tendon::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kApple = fs::path(TENDON_SHARED_DIR) / "corpus" / "apple";

#define SKIP_WITHOUT_CORPUS()                                                        \
  if (!fs::exists(kApple)) GTEST_SKIP() << kApple << " is absent (../shared not checked out)"

ParsedFile import_folder(const fs::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error("cannot open " + folder.string());
  ParsedFile parsed = parse_folder(builtin_host(), folder.filename(), fd);
  ::close(fd);
  return parsed;
}

const Activity* by_start(const ParsedFile& parsed, std::int64_t start) {
  for (const auto& a : parsed.activities) {
    if (a.start == start) return &a;
  }
  return nullptr;
}

// healthkit-to-sqlite's workout: duration="5.19412346680959" durationUnit="min"
// totalDistance="0.4971749504535062" totalDistanceUnit="mi", startDate="2016-11-14
// 07:25:41 -0700" (14:25:41Z), endDate 07:30:52 (311 s later).
void expect_healthkit_run(const ParsedFile& parsed) {
  ASSERT_TRUE(parsed.fatal.empty()) << parsed.fatal;
  EXPECT_EQ(parsed.format, "apple-health");
  ASSERT_EQ(parsed.activities.size(), 1u) << listed(parsed.problems);
  const Activity& run = parsed.activities[0];
  EXPECT_EQ(run.start, utc(2016, 11, 14, 14, 25, 41));
  EXPECT_EQ(run.sport, "running");
  EXPECT_NEAR(run.distance_m, 0.4971749504535062 * 1609.344, 1e-6);  // 800.13 m
  EXPECT_NEAR(*run.moving_s, 5.19412346680959 * 60, 1e-6);
  EXPECT_EQ(run.elapsed_s, 311);
}

TEST(HealthCorpus, HealthkitToSqliteInlineRoute) {
  SKIP_WITHOUT_CORPUS();
  // ≤ iOS 12: the route is inline <Location> elements, not a file; the workout's figures.
  const ParsedFile parsed =
      parse_file_bytes(builtin_host(), "export.xml", read_bytes(kApple / "healthkit-to-sqlite-inline" / "export.xml"));
  expect_healthkit_run(parsed);
  EXPECT_EQ(parsed.activities[0].source_kind, SourceKind::summary);
}

TEST(HealthCorpus, HealthkitToSqliteFolderAndZip) {
  SKIP_WITHOUT_CORPUS();
  const fs::path folder = kApple / "healthkit-to-sqlite-zip";
  // The route file it references (route_2019-06-11_3.00pm.gpx) holds three points of
  // 2019: the workout's figures and start win over it.
  expect_healthkit_run(import_folder(folder / "apple_health_export"));
  expect_healthkit_run(import_folder(folder));
  std::vector<ZipEntry> entries;
  for (const auto& item : fs::recursive_directory_iterator(folder)) {
    if (item.is_regular_file()) entries.push_back({fs::relative(item.path(), folder).string(), read_bytes(item.path())});
  }
  std::sort(entries.begin(), entries.end(), [](const ZipEntry& a, const ZipEntry& b) { return a.name < b.name; });
  expect_healthkit_run(parse_file_bytes(builtin_host(), "export.zip", make_zip(entries)));
}

TEST(HealthCorpus, AppleHealthAnalyzerFragments) {
  SKIP_WITHOUT_CORPUS();
  const fs::path base = kApple / "apple-health-analyzer";
  std::string body;
  for (const char* fragment : {"workout_running.xml", "workout_running_multiple_parts.xml", "workout_walking.xml",
                               "workout_hiking.xml", "workout_swimming.xml", "workout_cycling.xml"}) {
    body += read_bytes(base / "fragments" / fragment) + "\n";
  }
  std::vector<ZipEntry> entries{{"apple_health_export/export.xml", health_xml(body)}};
  for (const auto& item : fs::directory_iterator(base / "workout-routes")) {
    entries.push_back({"apple_health_export/workout-routes/" + item.path().filename().string(), read_bytes(item.path())});
  }
  const ParsedFile parsed = parse_file_bytes(builtin_host(), "export.zip", make_zip(entries));
  ASSERT_TRUE(parsed.fatal.empty()) << parsed.fatal;
  ASSERT_EQ(parsed.activities.size(), 6u) << listed(parsed.problems);

  // workout_running.xml: startDate="2025-09-16 16:14:50 +0100" (15:14:50Z), endDate
  // 17:15:43 (3653 s), duration="60.88754943410556" min, top-level
  // DistanceWalkingRunning sum="8.95512" km (not the WorkoutActivity's 8.88354),
  // HKElevationAscended "6575 cm", HeartRate average="130.153"; one route file.
  const Activity* run = by_start(parsed, utc(2025, 9, 16, 15, 14, 50));
  ASSERT_NE(run, nullptr);
  EXPECT_EQ(run->sport, "running");
  EXPECT_EQ(run->source_kind, SourceKind::gpx) << "its route_2025-09-16_6.15pm.gpx was read";
  EXPECT_NEAR(run->distance_m, 8955.12, 1e-6);
  EXPECT_NEAR(*run->moving_s, 60.88754943410556 * 60, 1e-6);
  EXPECT_EQ(run->elapsed_s, 3653);
  EXPECT_DOUBLE_EQ(*run->ascent_m, 65.75);
  EXPECT_DOUBLE_EQ(*run->avg_hr, 130.153);

  // workout_running_multiple_parts.xml: startDate="2025-09-26 17:40:18 +0100", 17 route
  // files (one a minute): the workout's own figures, sum="5.96338" km, "5900 cm".
  const Activity* parts = by_start(parsed, utc(2025, 9, 26, 16, 40, 18));
  ASSERT_NE(parts, nullptr);
  EXPECT_EQ(parts->source_kind, SourceKind::summary);
  EXPECT_NEAR(parts->distance_m, 5963.38, 1e-6);
  EXPECT_DOUBLE_EQ(*parts->ascent_m, 59);

  // workout_walking.xml: "2018-06-11 11:46:43 +0100", DistanceWalkingRunning 1.21551 km.
  const Activity* walk = by_start(parsed, utc(2018, 6, 11, 10, 46, 43));
  ASSERT_NE(walk, nullptr);
  EXPECT_EQ(walk->sport, "walking");
  EXPECT_NEAR(walk->distance_m, 1215.51, 1e-6);

  // The others by sport: hiking 0.732961 km with "11937 cm"; swimming
  // DistanceSwimming 750 m; cycling DistanceCycling 18.9895 km with "23178 cm".
  const auto of_sport = [&](const std::string& sport) -> const Activity* {
    const auto it = std::find_if(parsed.activities.begin(), parsed.activities.end(), [&](const Activity& a) { return a.sport == sport; });
    return it == parsed.activities.end() ? nullptr : &*it;
  };
  ASSERT_NE(of_sport("hiking"), nullptr);
  EXPECT_NEAR(of_sport("hiking")->distance_m, 732.961, 1e-6);
  EXPECT_DOUBLE_EQ(*of_sport("hiking")->ascent_m, 119.37);
  ASSERT_NE(of_sport("swimming"), nullptr);
  EXPECT_DOUBLE_EQ(of_sport("swimming")->distance_m, 750);
  ASSERT_NE(of_sport("cycling"), nullptr);
  EXPECT_NEAR(of_sport("cycling")->distance_m, 18989.5, 1e-6);
  EXPECT_DOUBLE_EQ(*of_sport("cycling")->ascent_m, 231.78);
}

}  // namespace
}  // namespace tendon::testing
