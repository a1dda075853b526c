// CSV: RFC 4180 quoting, line ends, BOM, the header, cell counts.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "log_test_util.h"

namespace tendon {
namespace {

using test::csv;
using test::has_problem;
using test::only_problem;
using test::utc;

TEST(ActivityLogCsv, ReadsEveryField) {
  const auto r = csv(
      "id,start,sport,distance_m,duration_s,moving_s,ascent_m,avg_hr,shoe,athlete,device\n"
      "run-42,2026-03-01T07:00:00Z,running,10000,3000,2950.5,80,151,Nike Pegasus 41,ana,Forerunner 265\n");
  ASSERT_TRUE(r.problems.empty()) << test::dump(r);
  EXPECT_EQ(r.format, LogFormat::csv);
  ASSERT_EQ(r.activities.size(), 1u);
  const Activity& a = r.activities[0];
  EXPECT_EQ(a.source_id, "run-42");
  EXPECT_EQ(a.source_kind, SourceKind::summary);
  EXPECT_EQ(a.start, utc("2026-03-01T07:00:00Z"));
  EXPECT_EQ(a.utc_offset_s, 0);
  EXPECT_EQ(a.sport, "running");
  EXPECT_EQ(a.distance_m, 10000.0);
  EXPECT_EQ(a.elapsed_s, 3000.0);
  EXPECT_EQ(a.moving_s, 2950.5);
  EXPECT_EQ(a.ascent_m, 80.0);
  EXPECT_EQ(a.avg_hr, 151.0);
  EXPECT_EQ(a.shoe, "Nike Pegasus 41");
  EXPECT_EQ(a.athlete, "ana");
  EXPECT_EQ(a.device, "Forerunner 265");
}

TEST(ActivityLogCsv, HeaderIsCaseInsensitiveAndTrimmedColumnsInAnyOrder) {
  const auto r = csv(
      " Distance_M , SPORT,\"Start \",Notes\n"
      "5000,Run,2026-03-01T07:00:00Z,\"felt good, legs heavy\"\n");
  ASSERT_TRUE(r.problems.empty()) << test::dump(r);
  ASSERT_EQ(r.activities.size(), 1u);
  EXPECT_EQ(r.activities[0].distance_m, 5000.0);
  EXPECT_EQ(r.activities[0].sport, "running");
}

TEST(ActivityLogCsv, QuotedFields) {
  const auto r = csv(
      "id,start,sport,distance_m,shoe\n"
      "\"a,1\",2026-03-01T07:00:00Z,running,5000,\"Brooks \"\"Ghost\"\" 16, blue\"\n"
      "b, \"2026-03-02T07:00:00Z\" ,running,5000,\"\"\n");
  ASSERT_TRUE(r.problems.empty()) << test::dump(r);
  ASSERT_EQ(r.activities.size(), 2u);
  EXPECT_EQ(r.activities[0].source_id, "a,1");
  EXPECT_EQ(r.activities[0].shoe, "Brooks \"Ghost\" 16, blue");
  EXPECT_EQ(r.activities[1].start, utc("2026-03-02T07:00:00Z"));
  EXPECT_FALSE(r.activities[1].shoe.has_value());  // "" is an empty cell
}

TEST(ActivityLogCsv, EmbeddedNewlinesKeepLineNumbersPhysical) {
  const auto r = csv(
      "id,start,sport,distance_m,notes\n"                                  // 1
      "a,2026-03-01T07:00:00Z,running,5000,\"two\nlines\"\n"               // 2-3
      "b,2026-03-02T07:00:00Z,running,-1,x\n"                              // 4
      "c,2026-03-03T07:00:00Z,running,\"5000\",\"three\r\nline\rends\"\n"  // 5-7
      "\"d\nd\",2026-03-04T07:00:00Z,running,oops,\"\"\n"                  // 8-9
      "e,2026-03-05T07:00:00Z,running,5000,\n");                          // 10
  EXPECT_EQ(r.activities.size(), 3u) << test::dump(r);
  EXPECT_EQ(r.problems.size(), 2u) << test::dump(r);
  EXPECT_TRUE(has_problem(r, 4, "negative"));
  EXPECT_TRUE(has_problem(r, 8, "is not a number"));  // where the record starts
  // the id with a line break in it is a control character, reported too
  EXPECT_TRUE(has_problem(r, 8, "control character"));
}

TEST(ActivityLogCsv, LineEnds) {
  const std::string rows[] = {"start,sport,distance_m", "2026-03-01T07:00:00Z,running,1000",
                              "2026-03-02T07:00:00Z,running,bad", "2026-03-03T07:00:00Z,running,3000"};
  for (const std::string eol : {"\n", "\r\n", "\r"}) {
    std::string log;
    for (const auto& row : rows) log += row + eol;
    const auto r = csv(log);
    EXPECT_EQ(r.activities.size(), 2u) << test::dump(r);
    EXPECT_TRUE(only_problem(r, 3, "is not a number"));
    // and without a line end after the last row
    const auto r2 = csv(log.substr(0, log.size() - eol.size()));
    EXPECT_EQ(r2.activities.size(), 2u) << test::dump(r2);
  }
}

TEST(ActivityLogCsv, BomAndCrLf) {
  const auto r = csv("\xEF\xBB\xBFid,start,sport,distance_m\r\nr1,2026-03-01T07:00:00Z,running,1000\r\n");
  ASSERT_TRUE(r.problems.empty()) << test::dump(r);
  ASSERT_EQ(r.activities.size(), 1u);
  EXPECT_EQ(r.activities[0].source_id, "r1");  // the BOM is not part of the first column name
}

TEST(ActivityLogCsv, MissingRequiredColumnIsFatal) {
  const auto r = csv("id,start,sport,distance\nr1,2026-03-01T07:00:00Z,running,1000\n");
  EXPECT_TRUE(r.fatal);
  EXPECT_TRUE(r.activities.empty());
  EXPECT_TRUE(only_problem(r, 1, "distance_m"));

  const auto r2 = csv("id,when,what,distance\n");
  EXPECT_TRUE(r2.fatal);
  EXPECT_TRUE(only_problem(r2, 1, "header has no start, sport, distance_m columns"));

  const auto r3 = csv("start;sport;distance_m\n2026-03-01T07:00:00Z;running;1000\n");
  EXPECT_TRUE(r3.fatal);
  EXPECT_TRUE(only_problem(r3, 1, "separated by commas"));
}

TEST(ActivityLogCsv, RepeatedKnownColumnIsFatal) {
  const auto r = csv("start,sport,distance_m,Distance_m\n2026-03-01T07:00:00Z,running,1000,2000\n");
  EXPECT_TRUE(r.fatal);
  EXPECT_TRUE(only_problem(r, 1, "column distance_m appears twice in the header (columns 3 and 4)"));
  // repeated unknown columns are harmless
  const auto ok = csv("start,sport,distance_m,notes,notes\n2026-03-01T07:00:00Z,running,1000,a,b\n");
  EXPECT_FALSE(ok.fatal);
  EXPECT_EQ(ok.activities.size(), 1u);
}

TEST(ActivityLogCsv, BadHeaderQuotingIsFatal) {
  const auto r = csv("start,\"sport,distance_m\n");
  EXPECT_TRUE(r.fatal);
  EXPECT_TRUE(only_problem(r, 1, "never closed"));
}

TEST(ActivityLogCsv, CommentsAndBlankRowsBeforeTheHeader) {
  const auto r = csv(
      "# exported by my spreadsheet\n"
      "\n"
      ",,,\n"
      "start,sport,distance_m,shoe\n"
      "2026-03-01T07:00:00Z,running,1000,\n"
      "  # a comment between rows\n"
      ",,,\n"
      "\n"
      "2026-03-02T07:00:00Z,running,1000,Ghost\n"
      "2026-03-03T07:00:00Z,running\n");
  EXPECT_FALSE(r.fatal);
  EXPECT_EQ(r.activities.size(), 2u);
  EXPECT_TRUE(only_problem(r, 10, "row has 2 cells but the header has 4"));

  const auto missing = csv("# only a comment\nstart,sport\n");
  EXPECT_TRUE(missing.fatal);
  EXPECT_TRUE(only_problem(missing, 2, "distance_m"));  // the header's own line
}

TEST(ActivityLogCsv, UnknownColumnsAndEmptyCells) {
  const auto r = csv(
      "Activity ID,start,sport,distance_m,duration_s,avg_hr,shoe,Relative Effort,athlete\n"
      "9,2026-03-01T07:00:00Z,running,1000,,,,12,\n");
  ASSERT_TRUE(r.problems.empty()) << test::dump(r);
  ASSERT_EQ(r.activities.size(), 1u);
  const Activity& a = r.activities[0];
  EXPECT_EQ(a.source_id.rfind("log:", 0), 0u);  // "Activity ID" is not "id"
  EXPECT_FALSE(a.elapsed_s.has_value());
  EXPECT_FALSE(a.avg_hr.has_value());
  EXPECT_FALSE(a.shoe.has_value());
  EXPECT_EQ(a.athlete, "");
}

TEST(ActivityLogCsv, WrongCellCounts) {
  const auto r = csv(
      "start,sport,distance_m\n"
      "2026-03-01T07:00:00Z,running,1000,\n"
      "2026-03-02T07:00:00Z,running\n"
      "2026-03-03T07:00:00Z,running,1000\n");
  EXPECT_EQ(r.activities.size(), 1u);
  EXPECT_EQ(r.problems.size(), 2u);
  EXPECT_TRUE(has_problem(r, 2, "row has 4 cells but the header has 3"));
  EXPECT_TRUE(has_problem(r, 3, "row has 2 cells but the header has 3"));
}

TEST(ActivityLogCsv, QuotingProblems) {
  const auto r = csv(
      "start,sport,distance_m,shoe\n"
      "2026-03-01T07:00:00Z,running,1000,\"Ghost\" 16\n"
      "2026-03-02T07:00:00Z,running,1000,5\" heel\n"
      "2026-03-03T07:00:00Z,running,1000,\"never\n"
      "closed\n");
  EXPECT_EQ(r.activities.size(), 1u) << test::dump(r);
  ASSERT_EQ(r.activities.size(), 1u);
  EXPECT_EQ(r.activities[0].shoe, "5\" heel");  // a quote inside an unquoted cell is kept
  EXPECT_EQ(r.problems.size(), 2u) << test::dump(r);
  EXPECT_TRUE(has_problem(r, 2, "text after the closing quote"));
  EXPECT_TRUE(has_problem(r, 4, "quoted field opened on line 4 is never closed"));
}

TEST(ActivityLogCsv, NumbersAsWritten) {
  const auto r = csv(
      "start,sport,distance_m\n"
      "2026-03-01T07:00:00Z,running,+1000\n"   // 2 ok
      "2026-03-01T08:00:00Z,running,.5\n"      // 3 ok
      "2026-03-01T09:00:00Z,running,1.5e3\n"   // 4 ok
      "2026-03-01T10:00:00Z,running,1e-400\n"  // 5 ok: 0
      "2026-03-01T11:00:00Z,running,\"10,000\"\n"
      "2026-03-01T12:00:00Z,running,1000m\n"
      "2026-03-01T13:00:00Z,running,nan\n"
      "2026-03-01T14:00:00Z,running,inf\n"
      "2026-03-01T15:00:00Z,running,1e999\n"
      "2026-03-01T16:00:00Z,running,0x10\n"
      "2026-03-01T17:00:00Z,running,-0\n"  // 12 ok: 0
      "2026-03-01T18:00:00Z,running,1e\n");
  ASSERT_EQ(r.activities.size(), 5u) << test::dump(r);
  EXPECT_EQ(r.activities[0].distance_m, 1000.0);
  EXPECT_EQ(r.activities[1].distance_m, 0.5);
  EXPECT_EQ(r.activities[2].distance_m, 1500.0);
  EXPECT_EQ(r.activities[3].distance_m, 0.0);
  EXPECT_EQ(r.activities[4].distance_m, 0.0);
  EXPECT_FALSE(std::signbit(r.activities[4].distance_m));
  EXPECT_EQ(r.activities[4].source_id, "log:2026-03-01T17:00:00Z:running:0");
  EXPECT_TRUE(has_problem(r, 6, "\"10,000\" is not a number"));
  EXPECT_TRUE(has_problem(r, 7, "is not a number"));
  EXPECT_TRUE(has_problem(r, 8, "is not a number"));
  EXPECT_TRUE(has_problem(r, 9, "is not a number"));
  EXPECT_TRUE(has_problem(r, 10, "is not a finite number"));
  EXPECT_TRUE(has_problem(r, 11, "is not a number"));
  EXPECT_TRUE(has_problem(r, 13, "is not a number"));
}

TEST(ActivityLogCsv, DuplicateIds) {
  const auto r = csv(
      "id,start,sport,distance_m\n"
      "x,2026-03-01T07:00:00Z,running,1000\n"
      "y,2026-03-02T07:00:00Z,running,1000\n"
      "x,2026-03-03T07:00:00Z,running,2000\n"
      " y ,2026-03-04T07:00:00Z,running,2000\n");
  EXPECT_EQ(r.activities.size(), 2u);
  EXPECT_TRUE(has_problem(r, 4, "duplicate id \"x\", first on line 2"));
  EXPECT_TRUE(has_problem(r, 5, "duplicate id \"y\", first on line 3"));
}

TEST(ActivityLogCsv, InvalidUtf8InATextCell) {
  const auto r = csv("start,sport,distance_m,shoe,notes\n"
                     "2026-03-01T07:00:00Z,running,1000,\xC3\x28,\xFF ok here\n"
                     "2026-03-01T08:00:00Z,running,1000,Ghost,\xFF ok here\n");
  EXPECT_EQ(r.activities.size(), 1u);
  EXPECT_TRUE(only_problem(r, 2, "shoe \"\\xc3(\" is not valid UTF-8"));
}

TEST(ActivityLogCsv, EmptyInputs) {
  for (const char* s : {"", "\xEF\xBB\xBF", "\n\n", "# nothing yet\n", " , ,\n"}) {
    const auto r = csv(s);
    EXPECT_FALSE(r.fatal) << s;
    EXPECT_TRUE(r.problems.empty()) << s;
    EXPECT_TRUE(r.activities.empty()) << s;
  }
  const auto header_only = csv("start,sport,distance_m\r\n");
  EXPECT_FALSE(header_only.fatal);
  EXPECT_TRUE(header_only.problems.empty());
  EXPECT_TRUE(header_only.activities.empty());
}

}  // namespace
}  // namespace tendon
