// What both formats share: offsets, equivalence of the two forms, format detection.
#include <gtest/gtest.h>

#include <string>

#include "log_test_util.h"

namespace tendon {
namespace {

using test::csv;
using test::jsonl;
using test::utc;

TEST(ActivityLogOffsets, StatedOffsetGivesTheUtcInstant) {
  const auto r = jsonl(
      R"({"id": "india", "start": "2026-03-01T07:00:00+05:30", "sport": "running", "distance_m": 1})" "\n"
      R"({"id": "la", "start": "2026-03-01T07:00:00-08:00", "sport": "running", "distance_m": 1})" "\n"
      R"({"id": "compact", "start": "2026-03-01T07:00:00+0100", "sport": "running", "distance_m": 1})" "\n"
      R"({"id": "utc", "start": "2026-03-01T07:00:00Z", "sport": "running", "distance_m": 1})" "\n"
      R"({"id": "unknown", "start": "2026-03-01T07:00:00-00:00", "sport": "running", "distance_m": 1})" "\n"
      R"({"id": "day-before", "start": "2026-03-01T01:00:00+05:30", "sport": "running", "distance_m": 1})" "\n");
  ASSERT_TRUE(r.problems.empty()) << test::dump(r);
  ASSERT_EQ(r.activities.size(), 6u);
  EXPECT_EQ(r.activities[0].start, utc("2026-03-01T01:30:00Z"));
  EXPECT_EQ(r.activities[0].utc_offset_s, 19800);
  EXPECT_EQ(r.activities[1].start, utc("2026-03-01T15:00:00Z"));
  EXPECT_EQ(r.activities[1].utc_offset_s, -28800);
  EXPECT_EQ(r.activities[2].start, utc("2026-03-01T06:00:00Z"));
  EXPECT_EQ(r.activities[2].utc_offset_s, 3600);
  EXPECT_EQ(r.activities[3].utc_offset_s, 0);
  EXPECT_EQ(r.activities[4].start, utc("2026-03-01T07:00:00Z"));
  EXPECT_FALSE(r.activities[4].utc_offset_s.has_value());  // RFC 3339: offset unknown
  const auto compact = jsonl(R"({"start": "2026-03-01T07:00:00-0000", "sport": "running", "distance_m": 1})");
  ASSERT_EQ(compact.activities.size(), 1u);
  EXPECT_FALSE(compact.activities[0].utc_offset_s.has_value());
  EXPECT_EQ(r.activities[5].start, utc("2026-02-28T19:30:00Z"));  // crosses back a day in UTC
  // and the same in CSV
  const auto c = csv("start,sport,distance_m\n2026-03-01T07:00:00+05:30,running,1\n2026-03-01T07:00:00-08:00,running,1\n");
  ASSERT_EQ(c.activities.size(), 2u) << test::dump(c);
  EXPECT_EQ(c.activities[0].start, utc("2026-03-01T01:30:00Z"));
  EXPECT_EQ(c.activities[0].utc_offset_s, 19800);
  EXPECT_EQ(c.activities[1].start, utc("2026-03-01T15:00:00Z"));
  EXPECT_EQ(c.activities[1].utc_offset_s, -28800);
}

TEST(ActivityLogOffsets, NoZoneIsRefusedInBothFormats) {
  const auto j = jsonl(R"({"start": "2026-03-01T07:00:00", "sport": "running", "distance_m": 1})");
  EXPECT_TRUE(test::only_problem(j, 1, "has no time zone"));
  const auto c = csv("start,sport,distance_m\n2026-03-01 07:00:00,running,1\n");
  EXPECT_TRUE(test::only_problem(c, 2, "has no time zone"));
}

TEST(ActivityLogEquivalence, JsonLinesAndCsvGiveTheSameActivities) {
  const std::string jl =
      "# the same four runs\n"
      R"({"id": "r1", "start": "2026-03-01T07:00:00Z", "sport": "running", "distance_m": 10000, "duration_s": 3000, "ascent_m": 80, "shoe": "Nike Pegasus 41", "athlete": "ana"})" "\n"
      R"({"start": "2026-03-02T06:15:30+01:00", "sport": "Trail Run", "distance_m": 12345.678, "moving_s": 4000.25, "avg_hr": 148.5, "shoe": "Hoka \"Speedgoat\", 5", "device": "fenix 7"})" "\n"
      R"({"id": "r3", "start": "2026-03-03T18:00:00-08:00", "sport": "treadmill_run", "distance_m": 0.1, "athlete": "bo"})" "\n"
      R"({"start": "2026-03-04T07:00:00Z", "sport": "walk", "distance_m": 3000.0000000001})" "\n"
      R"({"start": "2026-03-05T07:00:00Z", "sport": "running"})" "\n";
  const std::string cv =
      "# the same four runs\r\n"
      "id,start,sport,distance_m,duration_s,moving_s,ascent_m,avg_hr,shoe,athlete,device\r\n"
      "r1,2026-03-01T07:00:00Z,running,10000,3000,,80,,Nike Pegasus 41,ana,\r\n"
      ",2026-03-02T06:15:30+01:00,Trail Run,12345.678,,4000.25,,148.5,\"Hoka \"\"Speedgoat\"\", 5\",,fenix 7\r\n"
      "r3,2026-03-03T18:00:00-08:00,treadmill_run,0.1,,,,,,bo,\r\n"
      ",2026-03-04T07:00:00Z,walk,3000.0000000001,,,,,,,\r\n"
      ",2026-03-05T07:00:00Z,running,,,,,,,,\r\n";
  const auto a = jsonl(jl);
  const auto b = csv(cv);
  ASSERT_EQ(a.activities.size(), 4u) << test::dump(a);
  ASSERT_EQ(b.activities.size(), 4u) << test::dump(b);
  for (std::size_t i = 0; i < 4; ++i) {
    SCOPED_TRACE(i);
    test::expect_same_activity(a.activities[i], b.activities[i]);
  }
  EXPECT_EQ(a.activities[1].shoe, "Hoka \"Speedgoat\", 5");
  EXPECT_EQ(a.activities[3].distance_m, 3000.0000000001);
  EXPECT_EQ(a.activities[3].source_id, "log:2026-03-04T07:00:00Z:walking:3000.0000000001");
  ASSERT_EQ(a.problems.size(), 1u);
  ASSERT_EQ(b.problems.size(), 1u);
  EXPECT_EQ(a.problems[0].line, 6u);
  EXPECT_EQ(b.problems[0].line, 7u);  // the header takes a line
  EXPECT_EQ(a.problems[0].reason, b.problems[0].reason);
}

TEST(ActivityLogDetection, FirstNonBlankCharacterDecides) {
  EXPECT_EQ(detect_log_format("{\"start\": 1}"), LogFormat::json_lines);
  EXPECT_EQ(detect_log_format("\xEF\xBB\xBF{}"), LogFormat::json_lines);
  EXPECT_EQ(detect_log_format("\n \r\n\t  {}"), LogFormat::json_lines);
  EXPECT_EQ(detect_log_format("# a comment\n  # another\n{}"), LogFormat::json_lines);
  EXPECT_EQ(detect_log_format("start,sport,distance_m\n{}"), LogFormat::csv);
  EXPECT_EQ(detect_log_format("\xEF\xBB\xBFid,start"), LogFormat::csv);
  EXPECT_EQ(detect_log_format("[{}]"), LogFormat::csv);
  EXPECT_EQ(detect_log_format(""), LogFormat::csv);
  EXPECT_EQ(detect_log_format("\n\n# only comments\n"), LogFormat::csv);
}

TEST(ActivityLogDetection, AutomaticParsesEitherForm) {
  const auto j = parse_activity_log(
      "\xEF\xBB\xBF# log\n{\"start\": \"2026-03-01T07:00:00Z\", \"sport\": \"running\", \"distance_m\": 1}\n");
  EXPECT_EQ(j.format, LogFormat::json_lines);
  EXPECT_EQ(j.activities.size(), 1u) << test::dump(j);
  const auto c = parse_activity_log("start,sport,distance_m\n2026-03-01T07:00:00Z,running,1\n");
  EXPECT_EQ(c.format, LogFormat::csv);
  EXPECT_EQ(c.activities.size(), 1u) << test::dump(c);
}

TEST(ActivityLogDetection, ExplicitFormatWins) {
  const std::string c = "start,sport,distance_m\n2026-03-01T07:00:00Z,running,1\n";
  const auto as_json = parse_activity_log(c, LogFormat::json_lines);
  EXPECT_EQ(as_json.format, LogFormat::json_lines);
  EXPECT_FALSE(as_json.fatal);
  EXPECT_TRUE(as_json.activities.empty());
  EXPECT_EQ(as_json.problems.size(), 2u);
  const auto as_csv = parse_activity_log("{\"start\": \"2026-03-01T07:00:00Z\"}\n", LogFormat::csv);
  EXPECT_EQ(as_csv.format, LogFormat::csv);
  EXPECT_TRUE(as_csv.fatal);
  EXPECT_TRUE(test::only_problem(as_csv, 1, "header"));
}

}  // namespace
}  // namespace tendon
