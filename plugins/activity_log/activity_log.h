#pragma once
// The activity log: the format runners keep in spreadsheets and coaches use for manual
// runs. JSON Lines (one object per line) or CSV with a header row, same field names:
//   id, start, sport, distance_m, duration_s, moving_s, ascent_m, avg_hr, shoe, athlete
// Only start (RFC 3339 with Z or an offset), sport and distance_m are required.
// docs/activity-log.md is the user-facing description.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/activity.h"

namespace tendon {

enum class LogFormat { automatic, json_lines, csv };

struct LogProblem {
  std::size_t line = 0;  // 1-based physical line where the record starts (0: whole file)
  std::string reason;
};

struct LogParseResult {
  std::vector<Activity> activities;  // source_kind summary; athlete empty when not given
  std::vector<LogProblem> problems;  // bad lines, reported and skipped
  bool fatal = false;                // nothing could be read (e.g. CSV header unusable)
};

// automatic: JSON Lines when the first non-blank character (after a BOM) is '{', else CSV.
LogParseResult parse_activity_log(std::string_view content, LogFormat format = LogFormat::automatic);

}  // namespace tendon
