// Fuzz target: parse_activity_log over any bytes, as JSON Lines, as CSV and with format
// detection. Beyond "no crash, no hang, no sanitizer finding", every result must keep the
// parser's promises (docs/activity-log.md): bounded problem list, a resolved format, and
// only activities within the documented ranges.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "activity_log.h"
#include "core/time.h"

namespace {

// A broken promise is a finding: abort so that libFuzzer keeps the input.
void require(bool promise) {
  if (!promise) __builtin_trap();
}

bool within(const std::optional<double>& value, double low, double high) {
  return !value || (std::isfinite(*value) && *value >= low && *value <= high);
}

void check(const tendon::LogParseResult& result) {
  using namespace tendon;
  require(result.format != LogFormat::automatic);
  require(result.problems.size() <= kMaxLogProblems + 1);
  if (result.fatal) require(result.activities.empty());
  static const Instant earliest = days_from_civil(1900, 1, 1) * kSecondsPerDay;
  static const Instant latest = days_from_civil(2101, 1, 1) * kSecondsPerDay;
  for (const Activity& a : result.activities) {
    require(a.start >= earliest && a.start < latest);
    require(!a.sport.empty() && a.sport.size() <= kMaxLogTextBytes);
    require(std::isfinite(a.distance_m) && a.distance_m >= 0 && a.distance_m <= kMaxLogDistanceM);
    require(within(a.elapsed_s, 0, kMaxLogDurationS) && within(a.moving_s, 0, kMaxLogDurationS));
    require(within(a.ascent_m, 0, kMaxLogAscentM));
    require(within(a.avg_hr, kMinLogHeartRate, kMaxLogHeartRate));
    require(a.athlete.size() <= kMaxLogTextBytes && a.device.size() <= kMaxLogTextBytes);
    require(!a.shoe || a.shoe->size() <= kMaxLogTextBytes);
    require(!a.source_id.empty());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  for (const auto format : {tendon::LogFormat::json_lines, tendon::LogFormat::csv, tendon::LogFormat::automatic}) {
    check(tendon::parse_activity_log(content, format));
  }
  return 0;
}
