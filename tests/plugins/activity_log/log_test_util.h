#pragma once
// Helpers shared by the activity-log tests.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "activity_log.h"
#include "core/time.h"
#include "support/activity_expect.h"

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

using tendon::testing::expect_same_activity;  // support/activity_expect.h

}  // namespace tendon::test
