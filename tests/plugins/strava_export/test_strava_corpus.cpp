// The Strava samples of ../shared/corpus/strava, read as the unpacked folder and as a zip
// of the same files. Every expected figure is read off the sample's activities.csv and
// shoes.csv by hand (quoted next to each check); the samples' GPX files hold no usable
// track, so their rows fall back to the CSV's figures.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "export_fixtures.h"

namespace tendon::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kStrava = fs::path(TENDON_SHARED_DIR) / "corpus" / "strava";

ParsedFile import_folder(const fs::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error("cannot open " + folder.string());
  ParsedFile parsed = parse_folder(builtin_host(), folder.filename(), fd);
  ::close(fd);
  return parsed;
}

// The folder's files zipped under their relative names.
std::string zipped(const fs::path& folder) {
  std::vector<ZipEntry> entries;
  for (const auto& item : fs::recursive_directory_iterator(folder)) {
    if (item.is_regular_file()) entries.push_back({fs::relative(item.path(), folder).string(), read_bytes(item.path())});
  }
  std::sort(entries.begin(), entries.end(), [](const ZipEntry& a, const ZipEntry& b) { return a.name < b.name; });
  return make_zip(entries);
}

const Activity* by_start(const ParsedFile& parsed, std::int64_t start) {
  for (const auto& a : parsed.activities) {
    if (a.start == start) return &a;
  }
  return nullptr;
}

void expect_minimal_export(const ParsedFile& parsed) {
  ASSERT_TRUE(parsed.fatal.empty()) << parsed.fatal;
  EXPECT_EQ(parsed.format, "strava-export");
  ASSERT_EQ(parsed.activities.size(), 2u) << listed(parsed.problems);
  // fixture-run,"Jan 2, 2026, 7:00:00 AM",Fixture Run,Run,1800,3.1,activities/fixture-run.gpx,1750,5000,55,148,,22,false,Fixture Trail Two
  const Activity* run = by_start(parsed, utc(2026, 1, 2, 7, 0, 0));  // Activity Date is UTC
  ASSERT_NE(run, nullptr);
  EXPECT_EQ(run->sport, "running");
  EXPECT_DOUBLE_EQ(run->distance_m, 5000);  // the second Distance column (metres), not 3.1 (display)
  EXPECT_EQ(run->elapsed_s, 1800);
  EXPECT_EQ(run->moving_s, 1750);
  EXPECT_EQ(run->ascent_m, 55);
  EXPECT_EQ(run->avg_hr, 148);
  // shoes.csv: "",Fixture,Trail Two -> Strava writes "Fixture Trail Two" for it.
  EXPECT_EQ(run->shoe, "Fixture Trail Two");
  EXPECT_EQ(run->source_id, "strava:fixture-run");
  // fixture-walk,"Jan 3, 2026, 8:00:00 AM",Fixture Walk,Walk,2400,1.2,activities/fixture-walk.gpx,2300,1931.2,18,,,,false,Retired Fixture Shoe
  const Activity* walk = by_start(parsed, utc(2026, 1, 3, 8, 0, 0));
  ASSERT_NE(walk, nullptr);
  EXPECT_EQ(walk->sport, "walking");
  EXPECT_DOUBLE_EQ(walk->distance_m, 1931.2);
  EXPECT_EQ(walk->elapsed_s, 2400);
  EXPECT_EQ(walk->moving_s, 2300);
  EXPECT_FALSE(walk->avg_hr.has_value());  // the cell is empty
  // Not in shoes.csv: kept as Strava wrote it.
  EXPECT_EQ(walk->shoe, "Retired Fixture Shoe");
  // The gear: both shoes of shoes.csv, named as activities name them.
  ASSERT_EQ(parsed.gear.size(), 2u);
  EXPECT_EQ(parsed.gear[0].name, "Fixture Trail Two");
  EXPECT_EQ(parsed.gear[0].brand, "Fixture");
  EXPECT_EQ(parsed.gear[0].model, "Trail Two");
  EXPECT_EQ(parsed.gear[1].name, "Named Fixture Shoe");
  EXPECT_EQ(parsed.gear[1].model, "Road One");
  // The rows' GPX files have no track point: said, and the CSV's figures used.
  EXPECT_TRUE(has_problem(parsed.problems, {"row 1", "activities/fixture-run.gpx", "activities.csv's figures"}))
      << listed(parsed.problems);
}

TEST(StravaCorpus, MinimalExportFolder) {
  if (!fs::exists(kStrava / "minimal-export")) GTEST_SKIP() << "../shared/corpus not present";
  expect_minimal_export(import_folder(kStrava / "minimal-export"));
}

TEST(StravaCorpus, MinimalExportZip) {
  if (!fs::exists(kStrava / "minimal-export")) GTEST_SKIP() << "../shared/corpus not present";
  expect_minimal_export(parse_file_bytes(builtin_host(), "export_1.zip", zipped(kStrava / "minimal-export")));
}

void expect_malformed_export(const ParsedFile& parsed) {
  ASSERT_TRUE(parsed.fatal.empty()) << parsed.fatal;
  // good-1: activities/good-1.gpx has one track point at 2026-01-02T15:00:00Z; the file's
  // start wins, and the CSV gives the distance (5000) and times (1800, 1750) it lacks.
  const Activity* good = by_start(parsed, utc(2026, 1, 2, 15, 0, 0));
  ASSERT_NE(good, nullptr) << listed(parsed.problems);
  EXPECT_EQ(good->source_kind, SourceKind::gpx);
  EXPECT_DOUBLE_EQ(good->distance_m, 5000);
  EXPECT_EQ(good->elapsed_s, 1800);
  // missing-file, unsafe-path, broken-gzip: their files cannot be used; each is named and
  // the row's own figures (Jan 3/4/5, 7:00 AM UTC, 5000 m) are imported.
  EXPECT_TRUE(has_problem(parsed.problems, {"activity missing-file", "activities/absent.gpx"})) << listed(parsed.problems);
  EXPECT_TRUE(has_problem(parsed.problems, {"activity unsafe-path", "../outside.gpx", "escapes"})) << listed(parsed.problems);
  EXPECT_TRUE(has_problem(parsed.problems, {"activity broken-gzip", "activities/broken.fit.gz"})) << listed(parsed.problems);
  for (int day : {3, 4, 5}) {
    const Activity* row = by_start(parsed, utc(2026, 1, day, 7, 0, 0));
    ASSERT_NE(row, nullptr) << "Jan " << day;
    EXPECT_DOUBLE_EQ(row->distance_m, 5000);
    EXPECT_EQ(row->source_kind, SourceKind::summary);
  }
  // short-row has 4 fields where the header has 10: skipped, named.
  EXPECT_TRUE(has_problem(parsed.problems, {"row 5", "4 fields", "skipped"})) << listed(parsed.problems);
  EXPECT_EQ(parsed.activities.size(), 4u);
}

TEST(StravaCorpus, MalformedExportImportsWhatIsGoodAndNamesWhatIsNot) {
  if (!fs::exists(kStrava / "malformed-export")) GTEST_SKIP() << "../shared/corpus not present";
  expect_malformed_export(import_folder(kStrava / "malformed-export"));
  expect_malformed_export(parse_file_bytes(builtin_host(), "malformed.zip", zipped(kStrava / "malformed-export")));
}

}  // namespace
}  // namespace tendon::testing
