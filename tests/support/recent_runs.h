#pragma once
// Activity-log lines dated relative to the real clock, for tests of what depends on "now"
// (the push rule's 72 hours): a run "two days ago" stays two days ago whenever tests run.
#include <ctime>
#include <string>

namespace tendon::testing {

// RFC 3339 UTC of `seconds` before now.
inline std::string rfc3339_ago(std::time_t seconds) {
  const std::time_t t = std::time(nullptr) - seconds;
  std::tm utc{};
  gmtime_r(&t, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

// One activity-log JSON line: a run of `metres` that started `seconds_ago`.
inline std::string recent_run_line(const std::string& id, std::time_t seconds_ago, int metres) {
  return R"({"id":")" + id + R"(","start":")" + rfc3339_ago(seconds_ago) + R"(","sport":"running","distance_m":)" +
         std::to_string(metres) + "}\n";
}

}  // namespace tendon::testing
