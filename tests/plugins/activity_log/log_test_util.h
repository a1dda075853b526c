#pragma once
// Helpers shared by the activity-log tests.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "activity_log.h"
#include "core/time.h"

namespace tendon::test {

inline Instant utc(std::string_view text) {
  const auto t = parse_iso8601(text);
  EXPECT_TRUE(t.has_value()) << text;
  return t ? t->utc : 0;
}

inline LogParseResult jsonl(std::string_view s) { return parse_activity_log(s, LogFormat::json_lines); }
inline LogParseResult csv(std::string_view s) { return parse_activity_log(s, LogFormat::csv); }

inline std::string dump(const LogParseResult& r) {
  std::string out = "fatal=" + std::string(r.fatal ? "yes" : "no") + ", " + std::to_string(r.activities.size()) +
                    " activities, problems:";
  for (const auto& p : r.problems) out += "\n  line " + std::to_string(p.line) + ": " + p.reason;
  return out;
}

// The result has a problem on `line` whose reason contains `text`.
inline ::testing::AssertionResult has_problem(const LogParseResult& r, std::size_t line, std::string_view text) {
  for (const auto& p : r.problems) {
    if (p.line == line && p.reason.find(text) != std::string::npos) return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << "no problem on line " << line << " containing \"" << text << "\"; "
                                       << dump(r);
}

// Exactly one problem, on `line`, containing `text`.
inline ::testing::AssertionResult only_problem(const LogParseResult& r, std::size_t line, std::string_view text) {
  if (r.problems.size() != 1) {
    return ::testing::AssertionFailure() << "expected exactly one problem; " << dump(r);
  }
  return has_problem(r, line, text);
}

inline void expect_same_activity(const Activity& a, const Activity& b) {
  EXPECT_EQ(a.athlete, b.athlete);
  EXPECT_EQ(a.source_id, b.source_id);
  EXPECT_EQ(a.source_kind, b.source_kind);
  EXPECT_EQ(a.source_name, b.source_name);
  EXPECT_EQ(a.start, b.start);
  EXPECT_EQ(a.utc_offset_s, b.utc_offset_s);
  EXPECT_EQ(a.sport, b.sport);
  EXPECT_EQ(a.sub_sport, b.sub_sport);
  EXPECT_EQ(a.distance_m, b.distance_m);
  EXPECT_EQ(a.elapsed_s, b.elapsed_s);
  EXPECT_EQ(a.moving_s, b.moving_s);
  EXPECT_EQ(a.ascent_m, b.ascent_m);
  EXPECT_EQ(a.avg_hr, b.avg_hr);
  EXPECT_EQ(a.shoe, b.shoe);
  EXPECT_EQ(a.device, b.device);
}

}  // namespace tendon::test
