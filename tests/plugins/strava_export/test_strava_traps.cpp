// Every Strava trap of FORMATS.md §1, in small exports written here and zipped with
// libarchive's writer. Expected figures are the ones each fixture states.
#include <gtest/gtest.h>

#include "export_fixtures.h"
#include "strava_export/csv_records.h"
#include "strava_export/strava_rows.h"

namespace tendon::testing {
namespace {

// The leading 35 columns of the English header (FORMATS.md §1.2), with its repeats.
const std::string kHeader86Start =
    "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,"
    "Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename,Athlete Weight,"
    "Bike Weight,Elapsed Time,Moving Time,Distance,Max Speed,Average Speed,Elevation Gain,Elevation Loss,"
    "Elevation Low,Elevation High,Max Grade,Average Grade,Average Positive Grade,Average Negative Grade,"
    "Max Cadence,Average Cadence,Max Heart Rate,Average Heart Rate,Max Watts,Average Watts,Calories";
// The 103-column generation adds these before Media.
const std::string k103Tail =
    ",Total Steps,Carbon Saved,Pool Length,Training Load,Intensity,Average Grade Adjusted Pace,Timer Time,"
    "Total Cycles,Recovery,With Pet,Competition,Long Run,For a Cause,With Kid,Downhill Distance,Total Sets,"
    "Total Reps,Media";

// A row of the long header: id, date, name, type, description, display elapsed, display
// distance, gear, filename, elapsed, moving, metres; the rest empty.
std::string long_row(const std::string& id, const std::string& date, const std::string& name, const std::string& type,
                     const std::string& description, const std::string& gear, const std::string& file,
                     const std::string& elapsed, const std::string& moving, const std::string& metres,
                     std::size_t columns) {
  std::vector<std::string> f(columns);
  f[0] = id, f[1] = date, f[2] = name, f[3] = type, f[4] = description, f[5] = elapsed, f[6] = "6.21";
  f[11] = gear, f[12] = file, f[15] = elapsed + ".0", f[16] = moving, f[17] = metres;
  std::string out;
  for (std::size_t i = 0; i < f.size(); ++i) out += (i ? "," : "") + f[i];
  return out;
}

std::size_t columns_of(const std::string& header) { return static_cast<std::size_t>(std::count(header.begin(), header.end(), ',')) + 1; }

ParsedFile import_zip(const std::vector<ZipEntry>& entries) {
  return parse_file_bytes(builtin_host(), "export_12345.zip", make_zip(entries));
}

const Activity* find_start(const ParsedFile& parsed, std::int64_t start) {
  for (const auto& a : parsed.activities) {
    if (a.start == start) return &a;
  }
  return nullptr;
}

TEST(StravaTraps, Header103WithDisplayMilesQuotingCrlfAndBom) {
  const std::string header = kHeader86Start + k103Tail;
  const std::size_t n = columns_of(header);
  // BOM, CRLF line ends, a name with a comma and doubled quotes, a description over two
  // lines, the display Distance in miles (6.21) beside the metres (10000).
  const std::string csv = "\xEF\xBB\xBF" + header + "\r\n" +
                          long_row("101", "\"Mar 1, 2026, 6:30:00 AM\"", "\"Hills, \"\"hard\"\" ones\"", "Run",
                                   "\"line one\r\nline two\"", "", "", "3600", "3500", "10000", n) +
                          "\r\n";
  const ParsedFile parsed = import_zip({{"activities.csv", csv}});
  ASSERT_TRUE(parsed.fatal.empty()) << parsed.fatal;
  ASSERT_EQ(parsed.activities.size(), 1u) << listed(parsed.problems);
  const Activity& a = parsed.activities[0];
  EXPECT_EQ(a.start, utc(2026, 3, 1, 6, 30, 0));
  EXPECT_DOUBLE_EQ(a.distance_m, 10000) << "metres, not 6.21 miles";
  EXPECT_EQ(a.elapsed_s, 3600);
  EXPECT_EQ(a.moving_s, 3500);
  EXPECT_EQ(a.source_id, "strava:101");
}

TEST(StravaTraps, Header86AndDateFormats) {
  const std::size_t n = columns_of(kHeader86Start);
  // U+202F before PM; the day-first English format; 12 AM is midnight.
  const std::string csv = kHeader86Start + "\n" +
                          long_row("1", "\"Aug 22, 2026, 6:52:17\xE2\x80\xAFPM\"", "a", "Run", "", "", "", "60", "60", "100", n) + "\n" +
                          long_row("2", "\"19 Feb 2022, 10:14:12\"", "b", "Run", "", "", "", "60", "60", "100", n) + "\n" +
                          long_row("3", "\"Jan 1, 2026, 12:05:00 AM\"", "c", "Walk", "", "", "", "60", "60", "100", n) + "\n";
  const ParsedFile parsed = import_zip({{"activities.csv", csv}});
  ASSERT_EQ(parsed.activities.size(), 3u) << parsed.fatal << listed(parsed.problems);
  EXPECT_NE(find_start(parsed, utc(2026, 8, 22, 18, 52, 17)), nullptr);
  EXPECT_NE(find_start(parsed, utc(2022, 2, 19, 10, 14, 12)), nullptr);
  EXPECT_NE(find_start(parsed, utc(2026, 1, 1, 0, 5, 0)), nullptr);
}

TEST(StravaTraps, LegacyHeaderInMetres) {
  const std::string csv =
      "id,date,name,type,description,elapsed_time,distance,commute,gear,filename\n"
      "7,2014-09-12 16:54:28,Old run,Run,,2400,8046.7,false,Old Shoe,\n";
  const ParsedFile parsed = import_zip({{"activities.csv", csv}});
  ASSERT_EQ(parsed.activities.size(), 1u) << parsed.fatal << listed(parsed.problems);
  EXPECT_EQ(parsed.activities[0].start, utc(2014, 9, 12, 16, 54, 28));
  EXPECT_DOUBLE_EQ(parsed.activities[0].distance_m, 8046.7);
  EXPECT_EQ(parsed.activities[0].shoe, "Old Shoe");
}

TEST(StravaTraps, ActivityFilesOfEveryKindWithRowGear) {
  const std::string fit = read_bytes(TENDON_TEST_DATA_DIR "/fit/small-run.fit");
  const std::string gpx = read_bytes(TENDON_TEST_DATA_DIR "/gpx/strava-leading-spaces.gpx");  // spaces before <?xml
  const std::string tcx = read_bytes(TENDON_TEST_DATA_DIR "/tcx/default-namespace-tpx.tcx");
  const std::string csv =
      "Activity ID,Activity Date,Activity Type,Elapsed Time,Distance,Activity Gear,Filename,Moving Time,Distance\n"
      "1,\"Jan 2, 2026, 7:00:00 AM\",Run,1,1,Hoka Clifton 9 Blue,activities/11.fit.gz,1,1\n"
      "2,\"Jan 3, 2026, 7:00:00 AM\",Run,1,1,Hoka Clifton 9 Blue,activities/12.gpx,1,1\n"
      "3,\"Jan 4, 2026, 7:00:00 AM\",Run,1,1,,activities/13.gpx.gz,1,1\n"
      "4,\"Jan 5, 2026, 7:00:00 AM\",Run,1,1,,activities/14.TCX.GZ,1,1\n";
  const ParsedFile parsed = import_zip({{"export_12345/activities.csv", csv},  // one folder down
                                        {"export_12345/shoes.csv", "Shoe Name,Shoe Brand,Shoe Model,Shoe Default Sport Types\nBlue,Hoka,Clifton 9,Run\n"},
                                        {"export_12345/activities/11.fit.gz", gzip(fit)},
                                        {"export_12345/activities/12.gpx", gpx},
                                        {"export_12345/activities/13.gpx.gz", gzip(gpx)},
                                        {"export_12345/activities/14.TCX.GZ", gzip(tcx)}});
  ASSERT_TRUE(parsed.fatal.empty()) << parsed.fatal;
  std::map<SourceKind, int> kinds;
  for (const auto& a : parsed.activities) ++kinds[a.source_kind];
  EXPECT_GE(kinds[SourceKind::fit], 1) << listed(parsed.problems);
  EXPECT_EQ(kinds[SourceKind::gpx], 2) << "the .gpx and the .gpx.gz, leading spaces and all";
  EXPECT_GE(kinds[SourceKind::tcx], 1);
  EXPECT_EQ(kinds[SourceKind::summary], 0) << "every row's file was read: " << listed(parsed.problems);
  // The FIT and the first GPX were worn with the shoe "Hoka Clifton 9 Blue" -> shoes.csv's "Blue".
  int blue = 0;
  for (const auto& a : parsed.activities) blue += a.shoe == std::optional<std::string>("Blue") ? 1 : 0;
  EXPECT_GE(blue, 2);
  ASSERT_EQ(parsed.gear.size(), 1u);
  EXPECT_EQ(parsed.gear[0].brand, "Hoka");
  EXPECT_EQ(parsed.gear[0].model, "Clifton 9");
  // The file's identity is its content, as when imported alone: the same FIT imported
  // from the watch is recognised.
  const ParsedFile alone = parse_file_bytes(builtin_host(), "watch.fit", fit);
  ASSERT_FALSE(alone.activities.empty());
  bool same_identity = false;
  for (const auto& a : parsed.activities) same_identity |= a.source_id == alone.activities[0].source_id;
  EXPECT_TRUE(same_identity);
}

TEST(StravaTraps, LocalisedHeaderIsOneClearErrorNamingTheColumn) {
  const std::string csv = "Aktivitäts-ID,Aktivitätsdatum,Aktivitätsname,Aktivitätsart,Dateiname\n"
                          "1,\"20.09.2026, 14:12:12\",Lauf,Laufen,\n";
  const ParsedFile parsed = import_zip({{"activities.csv", csv}});
  EXPECT_TRUE(parsed.activities.empty());
  EXPECT_NE(parsed.fatal.find("'Aktivitäts-ID'"), std::string::npos) << parsed.fatal;
  EXPECT_NE(parsed.fatal.find("English"), std::string::npos) << parsed.fatal;
}

TEST(StravaTraps, OneDistanceColumnIsRefusedNotGuessed) {
  const std::string csv = "Activity ID,Activity Date,Activity Type,Distance\n1,\"Jan 2, 2026, 7:00:00 AM\",Run,6.2\n";
  const ParsedFile parsed = import_zip({{"activities.csv", csv}});
  EXPECT_TRUE(parsed.activities.empty());
  EXPECT_NE(parsed.fatal.find("Distance"), std::string::npos) << parsed.fatal;
}

TEST(StravaTraps, NoActivitiesCsvIsNotAStravaExport) {
  const ParsedFile parsed = import_zip({{"other/deep/activities.csv", "x"}, {"readme.txt", "hello"}});
  EXPECT_NE(parsed.fatal.find("no activities.csv"), std::string::npos) << parsed.fatal;
}

TEST(StravaCsv, QuotesNewlinesCrlfBomAndErrors) {
  const auto table = strava::read_csv("\xEF\xBB\xBF" "a,b\r\n\"x,\"\"y\"\"\",\"1\n2\"\r\n\r\nlast,\n");
  ASSERT_TRUE(table.error.empty()) << table.error;
  ASSERT_EQ(table.records.size(), 3u);
  EXPECT_EQ(table.records[0].fields, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(table.records[1].fields, (std::vector<std::string>{"x,\"y\"", "1\n2"}));
  EXPECT_EQ(table.records[2].fields, (std::vector<std::string>{"last", ""}));
  EXPECT_EQ(table.records[2].line, 5u) << "the embedded newline counts";
  EXPECT_NE(strava::read_csv("a\n\"open").error.find("line 2"), std::string::npos);
  EXPECT_FALSE(strava::read_csv("a\"b\n").error.empty());
}

TEST(StravaCsv, DatesRefuseWhatTheyDoNotKnow) {
  EXPECT_FALSE(strava::parse_strava_date("20.09.2026, 14:12:12").has_value());
  EXPECT_FALSE(strava::parse_strava_date("2026年9月2日 22:14:05").has_value());
  EXPECT_FALSE(strava::parse_strava_date("Feb 30, 2026, 13:00:00 PM").has_value());
  EXPECT_EQ(strava::parse_strava_date("2014-09-12T16:54:28Z"), utc(2014, 9, 12, 16, 54, 28) * 1000);
}

}  // namespace
}  // namespace tendon::testing
