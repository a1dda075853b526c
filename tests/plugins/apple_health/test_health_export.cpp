// The whole Apple Health export through the built-in host: a zip and the unpacked folder
// give the same activities, a workout's route GPX is read by the host and takes the
// workout's figures, hostile and cut export.xml files, and, on a real SQLite store, the
// Garmin and Strava copies mirrored into Health counted once and a re-import that
// changes nothing.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>

#include "export_fixtures.h"
#include "health_fixtures.h"
#include "ingest/import_service.h"
#include "support/temp_dir.h"

namespace tendon::testing {
namespace {

constexpr const char* kRouteRef = "/workout-routes/route_2026-01-02_8.01am.gpx";

// A statistics-style run with its route (Apple Watch), and an old-style 5 mi run of
// another day, in minutes and miles.
std::string two_run_export_xml() {
  const std::string route = "  <WorkoutRoute sourceName=\"Apple Watch\"><FileReference path=\"" + std::string(kRouteRef) +
                            "\"/></WorkoutRoute>\n";
  return health_xml(statistics_workout("Apple Watch", "2026-01-02 07:00:00 +0100", "2026-01-02 08:01:00 +0100", "60",
                                       "10.2", "km", route) +
                    attribute_workout("HKWorkoutActivityTypeRunning", "Apple Watch", "2026-01-04 07:00:00 +0100",
                                      "2026-01-04 07:45:00 +0100", "44", "min", "5", "mi"));
}

std::vector<ZipEntry> two_run_entries() {
  return {{"apple_health_export/export.xml", two_run_export_xml()},
          {"apple_health_export/export_cda.xml", "<ClinicalDocument/>"},
          {"apple_health_export" + std::string(kRouteRef), route_gpx("2026-01-02T06:00:05Z", "2026-01-02T06:00:35Z")}};
}

const Activity* by_start(const ParsedFile& parsed, std::int64_t start) {
  for (const auto& a : parsed.activities) {
    if (a.start == start) return &a;
  }
  return nullptr;
}

void expect_two_runs(const ParsedFile& parsed) {
  ASSERT_TRUE(parsed.fatal.empty()) << parsed.fatal;
  EXPECT_EQ(parsed.format, "apple-health");
  ASSERT_EQ(parsed.activities.size(), 2u) << listed(parsed.problems);
  // 2026-01-02 07:00:00 +0100 = 06:00:00Z. The route was read by the host's GPX importer
  // (its identity, a track source) and took the workout's figures: 10.2 km, 60 min of
  // activity over 61 min, 65.75 m of climb, HR 130.153, the workout's start.
  const Activity* routed = by_start(parsed, utc(2026, 1, 2, 6, 0, 0));
  ASSERT_NE(routed, nullptr) << listed(parsed.problems);
  EXPECT_EQ(routed->source_kind, SourceKind::gpx);
  EXPECT_EQ(routed->sport, "running");
  EXPECT_DOUBLE_EQ(routed->distance_m, 10200);
  EXPECT_EQ(routed->elapsed_s, 3660);
  EXPECT_EQ(routed->moving_s, 3600);
  EXPECT_EQ(routed->ascent_m, 65.75);
  EXPECT_EQ(routed->avg_hr, 130.153);
  EXPECT_EQ(routed->device, "Apple Watch");
  EXPECT_FALSE(routed->utc_offset_s.has_value()) << "the +0100 is the phone's offset at export time";
  // 5 mi = 8046.72 m, 44 min = 2640 s, from the workout alone (no route).
  const Activity* summary = by_start(parsed, utc(2026, 1, 4, 6, 0, 0));
  ASSERT_NE(summary, nullptr);
  EXPECT_EQ(summary->source_kind, SourceKind::summary);
  EXPECT_DOUBLE_EQ(summary->distance_m, 8046.72);
  EXPECT_EQ(summary->moving_s, 2640);
  EXPECT_EQ(summary->elapsed_s, 2700);
  EXPECT_EQ(summary->source_id, "apple-health:" + std::to_string(utc(2026, 1, 4, 6, 0, 0)) + ":Apple Watch");
}

ParsedFile import_folder(const std::filesystem::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error("cannot open " + folder.string());
  ParsedFile parsed = parse_folder(builtin_host(), folder.filename(), fd);
  ::close(fd);
  return parsed;
}

TEST(HealthExport, ZipWithRoute) { expect_two_runs(parse_file_bytes(builtin_host(), "export.zip", make_zip(two_run_entries()))); }

TEST(HealthExport, UnpackedFolderGivesTheSameActivities) {
  TempDir dir;
  for (const auto& entry : two_run_entries()) dir.write(entry.name, entry.content);
  const ParsedFile folder = import_folder(dir.path() / "apple_health_export");
  expect_two_runs(folder);
  const ParsedFile zip = parse_file_bytes(builtin_host(), "export.zip", make_zip(two_run_entries()));
  ASSERT_EQ(zip.activities.size(), folder.activities.size());
  for (std::size_t i = 0; i < zip.activities.size(); ++i) {
    EXPECT_EQ(zip.activities[i].source_id, folder.activities[i].source_id) << "the same identity either way";
  }
  // The folder one level up (holding apple_health_export/) is found too.
  expect_two_runs(import_folder(dir.path()));
}

TEST(HealthExport, BareExportXml) {
  const ParsedFile parsed = parse_file_bytes(builtin_host(), "export.xml", two_run_export_xml());
  ASSERT_TRUE(parsed.fatal.empty()) << parsed.fatal;
  EXPECT_EQ(parsed.format, "apple-health");
  ASSERT_EQ(parsed.activities.size(), 2u);  // no routes beside it: both from their figures
  for (const auto& a : parsed.activities) EXPECT_EQ(a.source_kind, SourceKind::summary);
}

TEST(HealthExport, MissingRouteFallsBackToTheWorkoutsFigures) {
  auto entries = two_run_entries();
  entries.pop_back();
  const ParsedFile parsed = parse_file_bytes(builtin_host(), "export.zip", make_zip(entries));
  ASSERT_EQ(parsed.activities.size(), 2u) << parsed.fatal;
  const Activity* run = by_start(parsed, utc(2026, 1, 2, 6, 0, 0));
  ASSERT_NE(run, nullptr);
  EXPECT_EQ(run->source_kind, SourceKind::summary);
  EXPECT_DOUBLE_EQ(run->distance_m, 10200);
  EXPECT_TRUE(has_problem(parsed.problems, {"route_2026-01-02_8.01am.gpx", "not in the export"})) << listed(parsed.problems);
}

TEST(HealthExport, EscapingRouteReferenceIsNotRead) {
  const std::string xml = health_xml(statistics_workout(
      "Apple Watch", "2026-01-02 07:00:00 +0100", "2026-01-02 08:01:00 +0100", "60", "10.2", "km",
      "  <WorkoutRoute><FileReference path=\"/../../etc/passwd\"/></WorkoutRoute>\n"));
  const ParsedFile parsed = parse_file_bytes(builtin_host(), "export.zip", make_zip({{"apple_health_export/export.xml", xml}}));
  ASSERT_EQ(parsed.activities.size(), 1u) << parsed.fatal;
  EXPECT_EQ(parsed.activities[0].source_kind, SourceKind::summary);
  EXPECT_TRUE(has_problem(parsed.problems, {"/../../etc/passwd", "escapes"})) << listed(parsed.problems);
}

TEST(HealthExport, EntityBombFailsTheExportWithAClearReason) {
  const std::string bomb =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE HealthData [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n"
      "<HealthData locale=\"&b;\"/>\n";
  const ParsedFile parsed = parse_file_bytes(builtin_host(), "export.zip", make_zip({{"apple_health_export/export.xml", bomb}}));
  EXPECT_TRUE(parsed.activities.empty());
  EXPECT_NE(parsed.fatal.find("entity declarations are refused"), std::string::npos) << parsed.fatal;
  EXPECT_NE(parsed.fatal.find("export.xml"), std::string::npos) << parsed.fatal;
}

TEST(HealthExport, CutExportXmlImportsTheWorkoutsBeforeTheCut) {
  const std::string whole = two_run_export_xml();
  const std::string cut = whole.substr(0, whole.find("2026-01-04 07:45"));
  auto entries = two_run_entries();
  entries[0].content = cut;
  const ParsedFile parsed = parse_file_bytes(builtin_host(), "export.zip", make_zip(entries));
  ASSERT_TRUE(parsed.fatal.empty()) << parsed.fatal;
  ASSERT_EQ(parsed.activities.size(), 1u);
  EXPECT_EQ(parsed.activities[0].start, utc(2026, 1, 2, 6, 0, 0));
  EXPECT_TRUE(has_problem(parsed.problems, {"export.xml is cut short or broken", "1 workouts before it"})) << listed(parsed.problems);
}

TEST(HealthExport, DecompressionBombExportXmlIsRefusedByTheArchiveLimits) {
  // 4 MiB of blanks inflate far over 200 times their compressed size: the streamed
  // export.xml is held to the same ratio limit as every other entry.
  const std::string bomb = health_xml(std::string(std::size_t{4} << 20, ' '));
  const ParsedFile parsed = parse_file_bytes(builtin_host(), "export.zip", make_zip({{"apple_health_export/export.xml", bomb}}));
  EXPECT_TRUE(parsed.activities.empty());
  EXPECT_NE(parsed.fatal.find("export.xml could not be read"), std::string::npos) << parsed.fatal;
  EXPECT_TRUE(has_problem(parsed.problems, {"export.xml", "decompression bomb"})) << listed(parsed.problems);
}

TEST(HealthExport, ZipWithoutExportXmlIsNotAHealthExport) {
  const ParsedFile parsed = parse_file_bytes(builtin_host(), "other.zip", make_zip({{"apple_health_export/readme.txt", "hi"}}));
  EXPECT_FALSE(parsed.fatal.empty());
  EXPECT_TRUE(parsed.activities.empty());
}

class HealthStoreTest : public ::testing::Test {
 protected:
  HealthStoreTest() {
    dir.write("tendon.toml", "database = \"tendon.db\"\n[athletes.ana]\ntimezone = \"UTC\"\ninboxes = []\n");
    config = load_config(dir / "tendon.toml");
    catalogue = ShoeCatalogue::bundled();
    store = std::make_unique<Store>(config.database);
    service = std::make_unique<ImportService>(*store, config, catalogue, builtin_host());
  }
  ImportReport import(const std::string& name, const std::string& bytes) {
    dir.write(name, bytes);
    return service->import_file(dir / name, std::nullopt, 1800000000);
  }

  TempDir dir;
  Config config;
  ShoeCatalogue catalogue;
  std::unique_ptr<Store> store;
  std::unique_ptr<ImportService> service;
};

TEST_F(HealthStoreTest, MirroredGarminAndStravaCopiesCountOnceAndReimportChangesNothing) {
  // The watch's own run (with its route), and the same run written into Health by Garmin
  // Connect (20 s later, 1 % longer) and by Strava (10 s later, 0.5 % shorter): SPEC.md's
  // duplicate rule (starts within 60 s, distances within 3 %) makes them one run, applied
  // by the import service as for any other source; the route (a track) is the richest.
  auto entries = two_run_entries();
  entries[0].content = health_xml(
      attribute_workout("HKWorkoutActivityTypeRunning", "Connect", "2026-01-02 07:00:20 +0100",
                        "2026-01-02 08:01:00 +0100", "60", "min", "10.302", "km") +
      attribute_workout("HKWorkoutActivityTypeRunning", "Strava", "2026-01-02 07:00:10 +0100",
                        "2026-01-02 08:01:00 +0100", "3600", "s", "10.149", "km") +
      statistics_workout("Apple Watch", "2026-01-02 07:00:00 +0100", "2026-01-02 08:01:00 +0100", "60", "10.2", "km",
                         "  <WorkoutRoute><FileReference path=\"" + std::string(kRouteRef) + "\"/></WorkoutRoute>\n"));
  const std::string zip = make_zip(entries);
  const ImportReport first = import("export.zip", zip);
  ASSERT_FALSE(first.failed()) << first.error;
  EXPECT_EQ(first.format, "apple-health");
  EXPECT_EQ(first.total(&AthleteImport::imported), 1u);
  EXPECT_EQ(first.total(&AthleteImport::replaced) + first.total(&AthleteImport::duplicates), 2u);
  const auto stored = store->activities("ana");
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].source_kind, SourceKind::gpx) << "the watch's route is the richest source";
  EXPECT_DOUBLE_EQ(stored[0].distance_m, 10200);

  const ImportReport again = import("export.zip", zip);
  ASSERT_FALSE(again.failed()) << again.error;
  EXPECT_EQ(again.total(&AthleteImport::imported), 0u);
  EXPECT_EQ(again.total(&AthleteImport::replaced), 0u);
  const auto after = store->activities("ana");
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].id, stored[0].id);
  EXPECT_DOUBLE_EQ(after[0].distance_m, 10200);
}

}  // namespace
}  // namespace tendon::testing
