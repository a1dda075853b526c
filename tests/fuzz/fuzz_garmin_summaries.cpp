// libFuzzer target for the Garmin export's *_summarizedActivities.json reader: arbitrary
// bytes must never crash, hang, recurse without bound or read out of bounds, and what it
// keeps must hold its promises (an id on every activity, figures finite-or-NaN and never
// negative, an offset within +-18 h, no more activities than the bound).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "summarized_activities.h"

namespace {

void require(bool ok) {
  if (!ok) std::abort();
}

void require_figure(double v) { require(std::isnan(v) || (std::isfinite(v) && v >= 0)); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  const auto reading = tendon::garmin::read_summarized_activities(json);
  require(reading.activities.size() <= tendon::garmin::kMaxSummaries);
  for (const auto& s : reading.activities) {
    require(s.activity_id > 0);
    require_figure(s.distance_m);
    require_figure(s.elapsed_s);
    require_figure(s.timer_s);
    require_figure(s.ascent_m);
    require_figure(s.avg_hr);
    require(!s.utc_offset_s || (*s.utc_offset_s >= -18 * 3600 && *s.utc_offset_s <= 18 * 3600));
  }
  return 0;
}
