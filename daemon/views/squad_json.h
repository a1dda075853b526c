#pragma once
// The JSON shape of Squad.Get: one row per athlete, for a coach's overview
// (docs/protocol.md, "Methods").
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "views/json_style.h"

namespace tendon::cli {

struct SquadLastRun {
  Instant start = 0;
  double distance_km = 0;
};

struct SquadRow {
  std::string athlete;
  std::string timezone;
  std::optional<SquadLastRun> last_run;
  std::optional<double> longest_30d_km;
  std::optional<double> safe_ceiling_km;
  double week_km = 0;
  double previous_week_km = 0;
  std::optional<double> acwr;
  // Active alerts (neither acknowledged nor snoozed) by severity.
  std::int64_t critical = 0;
  std::int64_t warning = 0;
  std::int64_t info = 0;
};

// {"now": RFC3339, "athletes": [row...]} in the order given.
std::string squad_json(Instant now, const std::vector<SquadRow>& rows, JsonStyle style = JsonStyle::pretty);

}  // namespace tendon::cli
