// JSON Lines: fields, skipped lines, every kind of bad line with its line number.
#include <gtest/gtest.h>

#include <string>

#include "log_test_util.h"

namespace tendon {
namespace {

using test::has_problem;
using test::jsonl;
using test::only_problem;
using test::utc;

TEST(ActivityLogJsonl, ReadsEveryField) {
  const auto r = jsonl(
      R"({"id": "run-42", "start": "2026-03-01T07:00:00Z", "sport": "running", "distance_m": 10000, )"
      R"("duration_s": 3000, "moving_s": 2950.5, "ascent_m": 80, "avg_hr": 151, "shoe": "Nike Pegasus 41", )"
      R"("athlete": "ana", "device": "Forerunner 265"})"
      "\n");
  ASSERT_TRUE(r.problems.empty()) << test::dump(r);
  EXPECT_FALSE(r.fatal);
  EXPECT_EQ(r.format, LogFormat::json_lines);
  ASSERT_EQ(r.activities.size(), 1u);
  const Activity& a = r.activities[0];
  EXPECT_EQ(a.id, 0);
  EXPECT_EQ(a.source_id, "run-42");
  EXPECT_EQ(a.source_kind, SourceKind::summary);
  EXPECT_EQ(a.source_name, "");
  EXPECT_EQ(a.start, utc("2026-03-01T07:00:00Z"));
  ASSERT_TRUE(a.utc_offset_s.has_value());
  EXPECT_EQ(*a.utc_offset_s, 0);
  EXPECT_EQ(a.sport, "running");
  EXPECT_EQ(a.sub_sport, "");
  EXPECT_EQ(a.distance_m, 10000.0);
  EXPECT_EQ(a.elapsed_s, 3000.0);
  EXPECT_EQ(a.moving_s, 2950.5);
  EXPECT_EQ(a.ascent_m, 80.0);
  EXPECT_EQ(a.avg_hr, 151.0);
  EXPECT_EQ(a.shoe, "Nike Pegasus 41");
  EXPECT_EQ(a.athlete, "ana");
  EXPECT_EQ(a.device, "Forerunner 265");
}

TEST(ActivityLogJsonl, OnlyRequiredFields) {
  const auto r = jsonl(R"({"start": "2026-03-01T07:00:00Z", "sport": "Trail Run", "distance_m": 12345.5})");
  ASSERT_TRUE(r.problems.empty()) << test::dump(r);
  ASSERT_EQ(r.activities.size(), 1u);
  const Activity& a = r.activities[0];
  EXPECT_EQ(a.sport, "trail_running");
  EXPECT_EQ(a.sub_sport, "");  // the raw value is not kept
  EXPECT_EQ(a.distance_m, 12345.5);
  EXPECT_FALSE(a.elapsed_s.has_value());
  EXPECT_FALSE(a.moving_s.has_value());
  EXPECT_FALSE(a.ascent_m.has_value());
  EXPECT_FALSE(a.avg_hr.has_value());
  EXPECT_FALSE(a.shoe.has_value());
  EXPECT_EQ(a.athlete, "");
  EXPECT_EQ(a.device, "");
  EXPECT_EQ(a.source_id, "log:2026-03-01T07:00:00Z:trail_running:12345.5");
}

TEST(ActivityLogJsonl, SyntheticIdIsStableAcrossSpellings) {
  // The same run written three ways: canonical UTC start, normalised sport, exact distance.
  const auto r = jsonl(
      R"({"start": "2026-03-01T07:00:00Z", "sport": "running", "distance_m": 100000, "athlete": "a"})"
      "\n"
      R"({"start": "2026-03-01T08:00:00+01:00", "sport": "Run", "distance_m": 1e5, "athlete": "b"})"
      "\n"
      R"({"start": "2026-03-01T07:00:00.250Z", "sport": "RUNNING", "distance_m": "100000.0", "athlete": "c"})"
      "\n");
  ASSERT_TRUE(r.problems.empty()) << test::dump(r);
  ASSERT_EQ(r.activities.size(), 3u);
  for (const auto& a : r.activities) EXPECT_EQ(a.source_id, "log:2026-03-01T07:00:00Z:running:100000");
  // Re-importing the same bytes gives the same ids.
  const auto again = jsonl(R"({"start": "2026-03-01T07:00:00Z", "sport": "running", "distance_m": 100000})");
  ASSERT_EQ(again.activities.size(), 1u);
  EXPECT_EQ(again.activities[0].source_id, r.activities[0].source_id);
}

TEST(ActivityLogJsonl, RepeatedRecordWithoutIdIsReported) {
  const auto r = jsonl(
      R"({"start": "2026-03-01T07:00:00Z", "sport": "running", "distance_m": 5000})"
      "\n"
      R"({"start": "2026-03-01T08:00:00+01:00", "sport": "run", "distance_m": 5000})"
      "\n"
      R"({"start": "2026-03-01T07:00:00Z", "sport": "running", "distance_m": 5000, "athlete": "bo"})"
      "\n");
  EXPECT_EQ(r.activities.size(), 2u);  // another athlete's identical run is not a repeat
  EXPECT_TRUE(only_problem(r, 2, "same start, sport and distance as line 1"));
}

TEST(ActivityLogJsonl, BlankLinesAndCommentsAreSkippedButCounted) {
  const auto r = jsonl(
      "# my log\n"
      "\n"
      "   \t\n"
      "  # indented comment\n"
      R"({"start": "2026-03-01T07:00:00Z", "sport": "running", "distance_m": 1000})"
      "\n"
      "\n"
      "{oops\n");
  EXPECT_EQ(r.activities.size(), 1u);
  EXPECT_TRUE(only_problem(r, 7, "not valid JSON"));
}

TEST(ActivityLogJsonl, CrLfLineEnds) {
  const auto r = jsonl(
      "{\"start\": \"2026-03-01T07:00:00Z\", \"sport\": \"running\", \"distance_m\": 1000}\r\n"
      "\r\n"
      "{\"start\": \"2026-03-02T07:00:00Z\", \"sport\": \"running\", \"distance_m\": -1}\r\n");
  EXPECT_EQ(r.activities.size(), 1u);
  EXPECT_TRUE(only_problem(r, 3, "negative"));
}

TEST(ActivityLogJsonl, BomIsSkipped) {
  const auto r = jsonl("\xEF\xBB\xBF{\"start\": \"2026-03-01T07:00:00Z\", \"sport\": \"running\", \"distance_m\": 1}");
  EXPECT_TRUE(r.problems.empty()) << test::dump(r);
  EXPECT_EQ(r.activities.size(), 1u);
}

TEST(ActivityLogJsonl, UnknownFieldsAreIgnored) {
  const auto r = jsonl(
      R"({"start": "2026-03-01T07:00:00Z", "sport": "running", "distance_m": 1000, "name": "Morning Run", )"
      R"("laps": [{"distance_m": -5, "x": [1, 2, {"y": null}]}], "private": true, "kudos": 3, "gear": {"shoe": 1}})");
  EXPECT_TRUE(r.problems.empty()) << test::dump(r);
  ASSERT_EQ(r.activities.size(), 1u);
  EXPECT_EQ(r.activities[0].distance_m, 1000.0);
  EXPECT_FALSE(r.activities[0].shoe.has_value());  // "shoe" inside "gear" is not the field
}

TEST(ActivityLogJsonl, FieldNamesAreCaseInsensitive) {
  const auto r = jsonl(R"({"Start": "2026-03-01T07:00:00Z", "SPORT": "running", " Distance_M ": 1000, "Shoe": "X"})");
  EXPECT_TRUE(r.problems.empty()) << test::dump(r);
  ASSERT_EQ(r.activities.size(), 1u);
  EXPECT_EQ(r.activities[0].shoe, "X");
}

TEST(ActivityLogJsonl, NullAndEmptyMeanAbsent) {
  const auto r = jsonl(
      R"({"id": "", "start": "2026-03-01T07:00:00Z", "sport": "running", "distance_m": 1000, "duration_s": null, )"
      R"("shoe": "  ", "avg_hr": "", "athlete": null})");
  EXPECT_TRUE(r.problems.empty()) << test::dump(r);
  ASSERT_EQ(r.activities.size(), 1u);
  const Activity& a = r.activities[0];
  EXPECT_FALSE(a.elapsed_s.has_value());
  EXPECT_FALSE(a.shoe.has_value());
  EXPECT_FALSE(a.avg_hr.has_value());
  EXPECT_EQ(a.athlete, "");
  EXPECT_EQ(a.source_id.rfind("log:", 0), 0u);
}

TEST(ActivityLogJsonl, NumericStringsAndNumericIdsAreAccepted) {
  const auto r = jsonl(R"({"id": 123456789012, "start": "2026-03-01T07:00:00Z", "sport": "running", )"
                       R"("distance_m": " 10000.5 ", "duration_s": "3000", "shoe": 41})");
  EXPECT_TRUE(r.problems.empty()) << test::dump(r);
  ASSERT_EQ(r.activities.size(), 1u);
  EXPECT_EQ(r.activities[0].source_id, "123456789012");
  EXPECT_EQ(r.activities[0].distance_m, 10000.5);
  EXPECT_EQ(r.activities[0].elapsed_s, 3000.0);
  EXPECT_EQ(r.activities[0].shoe, "41");
}

TEST(ActivityLogJsonl, TextValuesAreTrimmed) {
  const auto r = jsonl(R"({"id": " r1 ", "start": " 2026-03-01T07:00:00Z ", "sport": " running ", )"
                       R"("distance_m": 1, "athlete": "\tana "})");
  ASSERT_EQ(r.activities.size(), 1u) << test::dump(r);
  EXPECT_EQ(r.activities[0].source_id, "r1");
  EXPECT_EQ(r.activities[0].athlete, "ana");
}

// Every kind of bad line, each with its line number; the good lines still import.
TEST(ActivityLogJsonl, EachErrorKindIsReportedOnItsLine) {
  const std::string log =
      R"({"id": "ok-1", "start": "2026-03-01T07:00:00Z", "sport": "running", "distance_m": 5000})" "\n"  // 1
      R"({"id": "x", "start": "2026-03-01T07:00:00Z", "sport": "running", "distance_m": 5000)" "\n"      // 2
      R"(["start", "sport"])" "\n"                                                                         // 3
      R"({"sport": "running", "distance_m": 5000})" "\n"                                                  // 4
      R"({"start": "2026-03-01T07:00:00Z", "distance_m": 5000})" "\n"                                     // 5
      R"({"start": "2026-03-01T07:00:00Z", "sport": "running"})" "\n"                                     // 6
      R"({"start": "2026-03-01T07:00:00", "sport": "running", "distance_m": 5000})" "\n"                  // 7
      R"({"start": "yesterday", "sport": "running", "distance_m": 5000})" "\n"                            // 8
      R"({"start": "2026-03-01T07:00:00Z", "sport": true, "distance_m": 5000})" "\n"                      // 9
      R"({"start": "2026-03-01T07:00:00Z", "sport": "running", "distance_m": {"km": 5}})" "\n"            // 10
      R"({"start": "2026-03-01T07:00:00Z", "sport": "running", "distance_m": -5})" "\n"                   // 11
      R"({"start": "2026-03-01T07:00:00Z", "sport": "running", "distance_m": 1e999})" "\n"                // 12
      R"({"start": "2026-03-01T07:00:00Z", "sport": "running", "distance_m": NaN})" "\n"                  // 13
      R"({"start": "2026-03-01T07:00:00Z", "sport": "running", "distance_m": 1000001})" "\n"              // 14
      R"({"start": "2026-03-01T07:00:00Z", "sport": "running", "distance_m": 5, "duration_s": 604801})" "\n"  // 15
      R"({"id": "ok-1", "start": "2026-03-02T07:00:00Z", "sport": "running", "distance_m": 6000})" "\n"   // 16
      R"({"start": "2026-03-01T07:00:00Z", "sport": "running", "distance_m": "5 km"})" "\n"               // 17
      R"({"start": "2026-03-01T07:00:00Z", "sport": "running", "distance_m": 5, "distance_m": 6})" "\n"   // 18
      R"({"start": "2026-03-03T07:00:00Z", "sport": "running", "distance_m": 7000})" "\n";                // 19
  const auto r = jsonl(log);
  EXPECT_FALSE(r.fatal);
  ASSERT_EQ(r.activities.size(), 2u) << test::dump(r);
  EXPECT_EQ(r.activities[0].source_id, "ok-1");
  EXPECT_EQ(r.activities[1].distance_m, 7000.0);
  EXPECT_EQ(r.problems.size(), 17u) << test::dump(r);
  EXPECT_TRUE(has_problem(r, 2, "not valid JSON"));
  EXPECT_TRUE(has_problem(r, 3, "not a JSON object"));
  EXPECT_TRUE(has_problem(r, 4, "missing start"));
  EXPECT_TRUE(has_problem(r, 5, "missing sport"));
  EXPECT_TRUE(has_problem(r, 6, "missing distance_m"));
  EXPECT_TRUE(has_problem(r, 7, "has no time zone"));
  EXPECT_TRUE(has_problem(r, 8, "not an RFC 3339 time"));
  EXPECT_TRUE(has_problem(r, 9, "sport must be text or a number"));
  EXPECT_TRUE(has_problem(r, 10, "distance_m must be text or a number"));
  EXPECT_TRUE(has_problem(r, 11, "distance_m \"-5\" is negative"));
  EXPECT_TRUE(has_problem(r, 12, "not valid JSON"));  // too big for a double
  EXPECT_TRUE(has_problem(r, 13, "not valid JSON"));  // NaN is not JSON
  EXPECT_TRUE(has_problem(r, 14, "distance_m \"1000001\" is out of range"));
  EXPECT_TRUE(has_problem(r, 15, "duration_s \"604801\" is out of range"));
  EXPECT_TRUE(has_problem(r, 16, "duplicate id \"ok-1\", first on line 1"));
  EXPECT_TRUE(has_problem(r, 17, "distance_m \"5 km\" is not a number"));
  EXPECT_TRUE(has_problem(r, 18, "distance_m given twice"));
}

TEST(ActivityLogJsonl, SeveralProblemsInOneLineAreListedTogether) {
  const auto r = jsonl(R"({"start": "2026-03-01", "sport": "running", "distance_m": -1, "avg_hr": 900})");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_NE(r.problems[0].reason.find("start"), std::string::npos);
  EXPECT_NE(r.problems[0].reason.find("distance_m"), std::string::npos);
  EXPECT_NE(r.problems[0].reason.find("avg_hr"), std::string::npos);
}

TEST(ActivityLogJsonl, LimitsAreInclusive) {
  const auto r = jsonl(
      R"({"start": "2026-03-01T07:00:00Z", "sport": "running", "distance_m": 1000000, "duration_s": 604800, )"
      R"("moving_s": 604800, "ascent_m": 50000, "avg_hr": 300})"
      "\n"
      R"({"start": "2026-03-02T07:00:00Z", "sport": "yoga", "distance_m": 0, "ascent_m": 0, "avg_hr": 20})"
      "\n");
  EXPECT_TRUE(r.problems.empty()) << test::dump(r);
  EXPECT_EQ(r.activities.size(), 2u);
}

TEST(ActivityLogJsonl, ImplausibleOptionalValues) {
  const auto r = jsonl(
      R"({"start": "2026-03-01T07:00:00Z", "sport": "running", "distance_m": 1, "duration_s": 0})" "\n"
      R"({"start": "2026-03-01T07:00:00Z", "sport": "running", "distance_m": 1, "moving_s": 604800.5})" "\n"
      R"({"start": "2026-03-01T07:00:00Z", "sport": "running", "distance_m": 1, "ascent_m": 50001})" "\n"
      R"({"start": "2026-03-01T07:00:00Z", "sport": "running", "distance_m": 1, "avg_hr": 0})" "\n"
      R"({"start": "2026-03-01T07:00:00Z", "sport": "running", "distance_m": 1, "avg_hr": 301})" "\n"
      R"({"start": "1850-03-01T07:00:00Z", "sport": "running", "distance_m": 1})" "\n"
      R"({"start": "2026-02-30T07:00:00Z", "sport": "running", "distance_m": 1})" "\n"
      R"({"start": "2026-03-01T07:00:00Z", "sport": "--", "distance_m": 1})" "\n");
  EXPECT_TRUE(r.activities.empty());
  EXPECT_EQ(r.problems.size(), 8u) << test::dump(r);
  EXPECT_TRUE(has_problem(r, 1, "duration_s \"0\" is out of range"));
  EXPECT_TRUE(has_problem(r, 2, "moving_s"));
  EXPECT_TRUE(has_problem(r, 3, "ascent_m"));
  EXPECT_TRUE(has_problem(r, 4, "avg_hr \"0\" is out of range"));
  EXPECT_TRUE(has_problem(r, 5, "avg_hr"));
  EXPECT_TRUE(has_problem(r, 6, "years 1990 to 2099"));
  EXPECT_TRUE(has_problem(r, 7, "not an RFC 3339 time"));
  EXPECT_TRUE(has_problem(r, 8, "names no sport"));
}

TEST(ActivityLogJsonl, BadText) {
  const std::string long_name(300, 'x');
  const auto r = jsonl(
      R"({"start": "2026-03-01T07:00:00Z", "sport": "running", "distance_m": 1, "shoe": "a\u0000b"})" "\n"
      R"({"start": "2026-03-01T07:00:00Z", "sport": "running", "distance_m": 1, "athlete": "a\nb"})" "\n"
      "{\"start\": \"2026-03-01T07:00:00Z\", \"sport\": \"running\", \"distance_m\": 1, \"shoe\": \"\xC3\x28\"}\n"
      R"({"start": "2026-03-01T07:00:00Z", "sport": "running", "distance_m": 1, "device": ")" + long_name + "\"}\n" +
      R"({"start": "2026-03-01T07:00:00Z", "sport": "running", "distance_m": 1, "shoe": "Adidas Adizero Boston 12 — \u00e9\u2013"})");
  std::string with_nul = std::string(
      "{\"start\": \"2026-03-01T07:00:00Z\", \"sport\": \"running\", \"distance_m\": 1}") + '\0' + "junk";
  const auto n = jsonl(with_nul);
  EXPECT_TRUE(only_problem(n, 1, "NUL byte"));
  ASSERT_EQ(r.activities.size(), 1u) << test::dump(r);
  EXPECT_EQ(r.activities[0].shoe, "Adidas Adizero Boston 12 — \xC3\xA9\xE2\x80\x93");
  EXPECT_TRUE(has_problem(r, 1, "control character"));
  EXPECT_TRUE(has_problem(r, 2, "control character"));
  EXPECT_TRUE(has_problem(r, 3, "not valid JSON"));  // invalid UTF-8 in a JSON string
  EXPECT_TRUE(has_problem(r, 4, "longer than 256 bytes"));
}

TEST(ActivityLogJsonl, ReasonsAreOneLineAndBounded) {
  // a cell holding \x01 \x02 " \ zzz... and a line break
  const std::string cell = "\"\x01\x02\"\"\\" + std::string(500, 'z') + "\n\"";
  const auto r = test::csv("start,sport,distance_m\n2026-03-01T07:00:00Z,running," + cell + "\n");
  ASSERT_EQ(r.problems.size(), 1u) << test::dump(r);
  EXPECT_EQ(r.problems[0].reason.find('\n'), std::string::npos);
  EXPECT_LT(r.problems[0].reason.size(), 200u);
  EXPECT_NE(r.problems[0].reason.find("\\x01\\x02\\\"\\\\zzz"), std::string::npos) << r.problems[0].reason;
}

}  // namespace
}  // namespace tendon
