#pragma once
// The activity log: the format runners keep in spreadsheets and coaches use for manual
// runs. JSON Lines (one object per line) or CSV with a header row, same field names:
//   id, start, sport, distance_m, duration_s, moving_s, ascent_m, avg_hr, shoe, athlete
// (and device). Only start (RFC 3339 with Z or an offset), sport and distance_m are required.
// docs/activity-log.md is the user-facing description.
//
// parse_activity_log is a pure function over bytes (no I/O, no globals) and never throws:
// any input, however broken, gives a LogParseResult. source_name is left empty for the
// caller (who knows the file name) to fill in.
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
  LogFormat format = LogFormat::automatic;  // the format actually read (never automatic after a parse)
};

// automatic: JSON Lines when the first non-blank character (after a BOM) is '{', else CSV.
// Blank lines and lines whose first non-blank character is '#' (comments) are passed over
// when looking for that character.
LogParseResult parse_activity_log(std::string_view content, LogFormat format = LogFormat::automatic);

// The format `automatic` resolves to for this content (json_lines or csv).
LogFormat detect_log_format(std::string_view content);

// Limits (see docs/activity-log.md). A record (JSON line, CSV row) longer than
// kMaxLogRecordBytes is a problem and skipped. At most kMaxLogProblems problems are listed;
// one more entry then says how many were left out.
inline constexpr std::size_t kMaxLogRecordBytes = std::size_t{1} << 20;
inline constexpr std::size_t kMaxLogProblems = 1000;
inline constexpr std::size_t kMaxLogTextBytes = 256;  // id, sport, shoe, athlete, device
inline constexpr double kMaxLogDistanceM = 1'000'000;  // 1000 km
inline constexpr double kMaxLogDurationS = 7 * 86'400;  // 7 days (duration_s and moving_s)
inline constexpr double kMaxLogAscentM = 50'000;
inline constexpr double kMinLogHeartRate = 20;
inline constexpr double kMaxLogHeartRate = 300;

}  // namespace tendon
