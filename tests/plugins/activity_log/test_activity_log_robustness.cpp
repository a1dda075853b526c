// Any bytes: no crash, no exception, bounded output. (A fuzz target can reuse check().)
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>

#include "log_test_util.h"

namespace tendon {
namespace {

// Invariants that must hold for any input and any format.
void check(std::string_view input, LogFormat format) {
  LogParseResult r;
  ASSERT_NO_THROW(r = parse_activity_log(input, format));
  EXPECT_NE(r.format, LogFormat::automatic);
  EXPECT_LE(r.problems.size(), kMaxLogProblems + 1);
  std::size_t lines = 1;
  for (char c : input) lines += c == '\n' || c == '\r' ? 1 : 0;
  for (const auto& p : r.problems) {
    EXPECT_LE(p.line, lines);
    EXPECT_FALSE(p.reason.empty());
    EXPECT_EQ(p.reason.find('\n'), std::string::npos);
  }
  if (r.fatal) {
    EXPECT_TRUE(r.activities.empty());
  }
  for (const auto& a : r.activities) {
    EXPECT_FALSE(a.sport.empty());
    EXPECT_FALSE(a.source_id.empty());
    EXPECT_TRUE(std::isfinite(a.distance_m));
    EXPECT_GE(a.distance_m, 0.0);
    EXPECT_LE(a.distance_m, kMaxLogDistanceM);
    EXPECT_EQ(a.source_kind, SourceKind::summary);
  }
}

void check_all(std::string_view input) {
  check(input, LogFormat::automatic);
  check(input, LogFormat::json_lines);
  check(input, LogFormat::csv);
}

TEST(ActivityLogRobustness, RandomBytes) {
  std::mt19937 rng(20260301);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<int> length(0, 400);
  for (int i = 0; i < 1500; ++i) {
    std::string s(static_cast<std::size_t>(length(rng)), '\0');
    for (char& c : s) c = static_cast<char>(byte(rng));
    check_all(s);
    if (HasFailure()) return;
  }
}

TEST(ActivityLogRobustness, RandomStructuralCharacters) {
  // Mostly the characters the parsers branch on, so that random input gets deep.
  static constexpr std::string_view kAlphabet = "{}[]\",:#\n\r\t 0123456789.eE+-Zznulltruefalse\\u\xEF\xBB\xBF\xC3\x80";
  std::mt19937 rng(42);
  std::uniform_int_distribution<std::size_t> pick(0, kAlphabet.size() - 1);
  std::uniform_int_distribution<int> length(0, 300);
  for (int i = 0; i < 1500; ++i) {
    std::string s(static_cast<std::size_t>(length(rng)), '\0');
    for (char& c : s) c = kAlphabet[pick(rng)];
    check_all(s);
    if (HasFailure()) return;
  }
}

TEST(ActivityLogRobustness, MutatedValidLogs) {
  const std::string seeds[] = {
      R"({"id": "run-42", "start": "2026-03-01T07:00:00+05:30", "sport": "running", "distance_m": 10000, "duration_s": 3000, "ascent_m": 80, "shoe": "Nike Pegasus 41", "athlete": "ana"})"
      "\n# c\n"
      R"({"start": "2026-03-02T07:00:00Z", "sport": "Trail Run", "distance_m": 1.5e4, "laps": [1, {"a": null}]})",
      "\xEF\xBB\xBFid,start,sport,distance_m,shoe,notes\r\n"
      "a,2026-03-01T07:00:00Z,running,1000,\"Ghost, 16\",\"x\ny\"\r\n"
      "b,2026-03-02T07:00:00-08:00,walk,2000.5,,\"\"\"q\"\"\"\r\n"};
  std::mt19937 rng(7);
  for (const auto& seed : seeds) {
    for (int i = 0; i < 1500; ++i) {
      std::string s = seed;
      const int edits = 1 + static_cast<int>(rng() % 4);
      for (int e = 0; e < edits && !s.empty(); ++e) {
        const std::size_t at = rng() % s.size();
        switch (rng() % 3) {
          case 0: s[at] = static_cast<char>(rng() % 256); break;
          case 1: s.erase(at, 1 + rng() % 8); break;
          default: s.insert(at, 1, static_cast<char>(rng() % 256)); break;
        }
      }
      check_all(s);
      if (HasFailure()) return;
    }
  }
}

TEST(ActivityLogRobustness, HugeLinesAreSkipped) {
  const std::string good = R"({"start": "2026-03-01T07:00:00Z", "sport": "running", "distance_m": 1})";
  const std::string big_json = R"({"start": "2026-03-01T07:00:00Z", "sport": "running", "distance_m": 1, "notes": ")" +
                               std::string(kMaxLogRecordBytes + 10, 'a') + "\"}";
  const auto j = test::jsonl(good + "\n" + big_json + "\n" + good + "\n");
  EXPECT_EQ(j.activities.size(), 1u);  // the third line repeats the first
  EXPECT_TRUE(test::has_problem(j, 2, "longer than 1024 KiB"));
  EXPECT_TRUE(test::has_problem(j, 3, "same start"));

  const std::string header = "start,sport,distance_m,notes\n";
  const std::string row = "2026-03-01T07:00:00Z,running,1,x\n";
  const auto c = test::csv(header + "2026-03-01T07:00:00Z,running,1,\"" + std::string(kMaxLogRecordBytes, 'q') +
                           "\nq\"\n" + row);
  EXPECT_EQ(c.activities.size(), 1u) << test::dump(c);
  EXPECT_TRUE(test::only_problem(c, 2, "longer than 1024 KiB"));

  const auto commas = test::csv(header + std::string(3 * kMaxLogRecordBytes, ',') + "\n" + row);
  EXPECT_EQ(commas.activities.size(), 1u);
  EXPECT_TRUE(test::only_problem(commas, 2, "longer than"));

  const auto huge_header = test::csv(std::string(2 * kMaxLogRecordBytes, 'h') + "\n" + row);
  EXPECT_TRUE(huge_header.fatal);
  EXPECT_TRUE(test::only_problem(huge_header, 1, "header row is longer than"));
}

TEST(ActivityLogRobustness, DeepNesting) {
  const std::string deep_array(kMaxLogRecordBytes - 1, '[');
  EXPECT_TRUE(test::only_problem(test::jsonl(deep_array), 1, "not a JSON object"));
  std::string deep_value = R"({"start": "2026-03-01T07:00:00Z", "sport": "running", "distance_m": 1, "x": )";
  deep_value += std::string(100000, '[') + std::string(100000, ']') + "}";
  EXPECT_TRUE(test::only_problem(test::jsonl(deep_value), 1, "nested more than 64 levels"));
  std::string objects = "{";
  for (int i = 0; i < 50000; ++i) objects += "\"a\": {";
  EXPECT_TRUE(test::only_problem(test::jsonl(objects), 1, "nested more than 64 levels"));
  // 60 levels is fine
  std::string ok = R"({"start": "2026-03-01T07:00:00Z", "sport": "running", "distance_m": 1, "x": )";
  ok += std::string(60, '[') + std::string(60, ']') + "}";
  EXPECT_EQ(test::jsonl(ok).activities.size(), 1u);
}

TEST(ActivityLogRobustness, ManyBadLinesAreCapped) {
  std::string log;
  for (int i = 0; i < 3000; ++i) log += "garbage\n";
  const auto r = test::jsonl(log);
  ASSERT_EQ(r.problems.size(), kMaxLogProblems + 1);
  EXPECT_EQ(r.problems[kMaxLogProblems - 1].line, kMaxLogProblems);
  EXPECT_EQ(r.problems.back().line, kMaxLogProblems + 1);
  EXPECT_EQ(r.problems.back().reason, "2000 more problems not listed (the first on line 1001)");
}

TEST(ActivityLogRobustness, ManyGoodLines) {
  std::string log = "start,sport,distance_m\n";
  for (int i = 0; i < 20000; ++i) {
    log += format_iso8601_utc(1'700'000'000 + static_cast<Instant>(i) * 3600) + ",running," +
           std::to_string(1000 + i) + "\n";
  }
  const auto r = test::csv(log);
  EXPECT_TRUE(r.problems.empty());
  EXPECT_EQ(r.activities.size(), 20000u);
}

}  // namespace
}  // namespace tendon
