// The Garmin export through the built-in host: FORMATS.md §2's traps in small exports
// written here (zips inside a zip, FIT files that are not activities, a broken one), the
// FIT-wins rule, gear, the unpacked folder and the archive safety rules for nested zips.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "garmin_export/garmin_export_import.h"
#include "garmin_fixtures.h"
#include "support/temp_dir.h"

namespace tendon::testing {
namespace {

constexpr std::int64_t kRunStart = 1714543200;  // 2024-05-01T06:00:00Z: the FIT's run
constexpr std::int64_t kDay = 86400;

// The export of the fixtures below: run 501 has its FIT in the uploads (and a summary
// that disagrees a little), run 502 only a summary, run 503 is a ride on the bike.
struct GarminExport {
  std::vector<ZipEntry> entries;
  std::string uploads_zip;
};

SummaryFixture summary(std::int64_t id, std::int64_t start_unix, double km) {
  SummaryFixture s;
  s.id = id;
  s.start_gmt_ms = start_unix * 1000 + 400;  // the summary has milliseconds, the FIT whole seconds
  s.local_shift_ms = -4 * 3600 * 1000;       // New York in summer
  s.distance_cm = km * 100000;
  s.duration_ms = km * 300000;
  s.elapsed_ms = km * 310000;
  s.moving_ms = km * 290000;
  s.elevation_gain_cm = 4200;
  s.avg_hr = 148;
  return s;
}

GarminExport sample_export() {
  GarminExport out;
  SummaryFixture ride = summary(503, kRunStart + 2 * kDay, 30);
  ride.type = "road_biking";
  const std::string summaries = summaries_json({summary(501, kRunStart, 5.05), summary(502, kRunStart + kDay, 8), ride});
  const std::string gear = gear_json({{11, "Hoka Clifton 9", "Blue", "Hoka", "Clifton 9", "Shoes", "active", {501, 502}},
                                      {12, "Canyon Endurace", "", "Canyon", "Endurace", "Bike", "active", {503}}});
  out.uploads_zip = make_zip({{"ana@example.com_1001.fit", settings_fit()},
                              {"ana@example.com_1002.fit", run_fit(kRunStart, 5000, 1490)},
                              {"ana@example.com_1003.fit", broken_fit()},
                              {"ana@example.com_1004.json", "{}"}});
  out.entries = {{"customer_data/customer.json", "{}"},
                 {std::string(kFitness) + "ana@example.com_0_summarizedActivities.json", summaries},
                 {std::string(kFitness) + "ana@example.com_gear.json", gear},
                 {std::string(kFitness) + "ana@example.com_personalRecord.json", "[]"},
                 {std::string(kUploads) + "UploadedFiles_0-_Part1.zip", out.uploads_zip}};
  return out;
}

const Activity* find_start(const ParsedFile& parsed, std::int64_t start) {
  for (const auto& a : parsed.activities) {
    if (a.start == start) return &a;
  }
  return nullptr;
}

void expect_sample_export(const ParsedFile& parsed) {
  ASSERT_EQ(parsed.fatal, "");
  EXPECT_EQ(parsed.format, "garmin-export");
  ASSERT_EQ(parsed.activities.size(), 3u) << listed(parsed.problems);

  // The FIT wins: its distance and times; the summary fills heart rate, ascent and the shoe.
  const Activity* fit = find_start(parsed, kRunStart);
  ASSERT_NE(fit, nullptr);
  EXPECT_EQ(fit->source_kind, SourceKind::fit);
  EXPECT_DOUBLE_EQ(fit->distance_m, 5000.0) << "not the summary's 5050 m";
  EXPECT_DOUBLE_EQ(fit->moving_s.value_or(0), 1490.0);
  EXPECT_DOUBLE_EQ(fit->avg_hr.value_or(0), 148.0);
  EXPECT_DOUBLE_EQ(fit->ascent_m.value_or(0), 42.0);
  EXPECT_EQ(fit->shoe.value_or(""), "Hoka Clifton 9");
  EXPECT_EQ(fit->sport, "running");

  // The summary without a FIT: an activity of its own, in SI units, its instant from
  // startTimeGmt and its offset from startTimeLocal.
  const Activity* own = find_start(parsed, kRunStart + kDay);
  ASSERT_NE(own, nullptr);
  EXPECT_EQ(own->source_id, "garmin:502");
  EXPECT_DOUBLE_EQ(own->distance_m, 8000.0);
  EXPECT_DOUBLE_EQ(own->moving_s.value_or(0), 2400.0);
  EXPECT_DOUBLE_EQ(own->elapsed_s.value_or(0), 2480.0);
  EXPECT_DOUBLE_EQ(own->ascent_m.value_or(0), 42.0);
  EXPECT_EQ(own->utc_offset_s.value_or(0), -4 * 3600);
  EXPECT_EQ(own->shoe.value_or(""), "Hoka Clifton 9");

  const Activity* ride = find_start(parsed, kRunStart + 2 * kDay);
  ASSERT_NE(ride, nullptr);
  EXPECT_EQ(ride->sport, "road_biking");
  EXPECT_FALSE(ride->shoe.has_value()) << "the bike is not a shoe";

  // The settings FIT is counted, not reported; the broken one is named with its reason.
  EXPECT_TRUE(has_problem(parsed.problems, {"1 uploaded files are not activities"})) << listed(parsed.problems);
  EXPECT_TRUE(has_problem(parsed.problems, {"UploadedFiles_0-_Part1.zip: ana@example.com_1003.fit", "CRC"}))
      << listed(parsed.problems);
  EXPECT_FALSE(has_problem(parsed.problems, {"_1001.fit"})) << listed(parsed.problems);
  EXPECT_FALSE(has_problem(parsed.problems, {"_1004.json"})) << listed(parsed.problems);

  ASSERT_EQ(parsed.gear.size(), 1u) << "the bike is not described as a shoe";
  EXPECT_EQ(parsed.gear[0].name, "Hoka Clifton 9");
  EXPECT_EQ(parsed.gear[0].brand, "Hoka");
  EXPECT_EQ(parsed.gear[0].model, "Clifton 9");
}

TEST(GarminTraps, FitWinsSummaryFillsGapsAndNonActivitiesAreCounted) {
  expect_sample_export(parse_file_bytes(builtin_host(), "garmin_export.zip", make_zip(sample_export().entries)));
}

TEST(GarminTraps, UnpackedFolderReadsTheSame) {
  TempDir dir;
  for (const auto& entry : sample_export().entries) dir.write("export/" + entry.name, entry.content);
  const int fd = ::open((dir / "export").c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  ASSERT_GE(fd, 0);
  const ParsedFile parsed = parse_folder(builtin_host(), "export", fd);
  ::close(fd);
  expect_sample_export(parsed);
}

TEST(GarminTraps, OverlappingSummaryPartsGiveOneActivity) {
  const std::string part = summaries_json({summary(502, kRunStart + kDay, 8)});
  const ParsedFile parsed = parse_file_bytes(builtin_host(), "garmin.zip",
                                             make_zip({{std::string(kFitness) + "a_0_summarizedActivities.json", part},
                                                       {std::string(kFitness) + "a_1_summarizedActivities.json", part}}));
  ASSERT_EQ(parsed.fatal, "");
  EXPECT_EQ(parsed.activities.size(), 1u);
}

TEST(GarminTraps, PerActivityDownloadIsMatchedByItsActivityId) {
  // The FIT's clock disagrees with the summary by minutes; its name carries the id.
  SummaryFixture s = summary(777, kRunStart + 600, 5);
  const ParsedFile parsed = parse_file_bytes(
      builtin_host(), "garmin.zip",
      make_zip({{std::string(kFitness) + "a_0_summarizedActivities.json", summaries_json({s})},
                {std::string(kUploads) + "777_ACTIVITY.fit", run_fit(kRunStart, 5000, 1500)}}));
  ASSERT_EQ(parsed.fatal, "");
  ASSERT_EQ(parsed.activities.size(), 1u) << listed(parsed.problems);
  EXPECT_EQ(parsed.activities[0].start, kRunStart) << "the FIT's own start";
  EXPECT_DOUBLE_EQ(parsed.activities[0].avg_hr.value_or(0), 148.0);
}

TEST(GarminTraps, NestedZipEntriesFollowTheSafetyRules) {
  const std::string uploads = make_zip({{"../escape.fit", run_fit(kRunStart, 5000, 1500)},
                                        {"/abs.fit", run_fit(kRunStart, 5000, 1500)},
                                        {"link.fit", "/etc/passwd", EntryKind::symlink},
                                        {"bomb.fit", std::string(std::size_t{4} << 20, '\0')},
                                        {"good.fit", run_fit(kRunStart + kDay, 6000, 1800)}});
  const ParsedFile parsed =
      parse_file_bytes(builtin_host(), "garmin.zip", make_zip({{std::string(kUploads) + "UploadedFiles_0-_Part1.zip", uploads}}));
  ASSERT_EQ(parsed.fatal, "");
  ASSERT_EQ(parsed.activities.size(), 1u) << listed(parsed.problems);
  EXPECT_EQ(parsed.activities[0].start, kRunStart + kDay);
  EXPECT_TRUE(has_problem(parsed.problems, {"Part1.zip", "../escape.fit", "escapes"})) << listed(parsed.problems);
  EXPECT_TRUE(has_problem(parsed.problems, {"Part1.zip", "/abs.fit"})) << listed(parsed.problems);
  EXPECT_TRUE(has_problem(parsed.problems, {"Part1.zip", "link.fit", "symbolic link"})) << listed(parsed.problems);
  EXPECT_TRUE(has_problem(parsed.problems, {"Part1.zip", "bomb.fit", "decompression bomb"})) << listed(parsed.problems);
}

TEST(GarminTraps, ABrokenNestedZipIsNamedAndTheRestImports) {
  const ParsedFile parsed = parse_file_bytes(
      builtin_host(), "garmin.zip",
      make_zip({{std::string(kUploads) + "UploadedFiles_0-_Part1.zip", "PK\x03\x04 not really a zip"},
                {std::string(kFitness) + "a_0_summarizedActivities.json", summaries_json({summary(502, kRunStart, 8)})}}));
  ASSERT_EQ(parsed.fatal, "");
  EXPECT_EQ(parsed.activities.size(), 1u);
  EXPECT_TRUE(has_problem(parsed.problems, {"UploadedFiles_0-_Part1.zip", "not a readable zip"})) << listed(parsed.problems);
}

TEST(GarminTraps, ProbeKnowsTheExportByItsFolders) {
  const std::string garmin = make_zip({{std::string(kFitness) + "a_gear.json", "[]"}});
  const std::string other = make_zip({{"notes.txt", "hello"}});
  const auto probe = [](const std::string& zip) {
    return garmin::probe_export_zip(reinterpret_cast<const std::uint8_t*>(zip.data()), std::min<std::size_t>(zip.size(), 4096));
  };
  EXPECT_EQ(probe(garmin), 90);
  EXPECT_EQ(probe(other), 10);
  EXPECT_EQ(probe("plain text"), 0);
}

TEST(GarminTraps, AnExportWithoutDiConnectIsRefusedWithOneLine) {
  int status = -1;
  std::string error;
  tendon_host host{};  // import_nested is never reached
  const std::string zip = make_zip({{"notes.txt", "hello"}});
  tendon_input input{sizeof(tendon_input), "x.zip", reinterpret_cast<const std::uint8_t*>(zip.data()), zip.size(), nullptr, nullptr, -1};
  tendon_sink sink{sizeof(tendon_sink), &error, [](void*, const tendon_activity*) { return 0; },
                   [](void* context, tendon_level, const char* message) { *static_cast<std::string*>(context) = message; }, nullptr};
  status = garmin::import_export(host, &input, &sink);
  EXPECT_EQ(status, TENDON_ERR_FORMAT);
  EXPECT_NE(error.find("not a Garmin Connect export: no DI_CONNECT folder"), std::string::npos) << error;
}

}  // namespace
}  // namespace tendon::testing
