#include "running_cadence.h"

#include <array>
#include <cmath>
#include <cstddef>

namespace tendon::xml {

bool is_running_sport(std::string_view sport) { return sport == "running" || sport.ends_with("_running"); }

void normalise_running_cadence(std::span<tendon_sample> samples, std::string_view sport) {
  if (!is_running_sport(sport)) return;
  // Median by histogram (whole steps per minute, 0..255 and above): no allocation.
  std::array<std::size_t, 257> counts{};
  std::size_t total = 0;
  for (const tendon_sample& s : samples) {
    if (std::isnan(s.cadence_spm) || s.cadence_spm <= 0) continue;
    const double v = s.cadence_spm >= 256 ? 256 : s.cadence_spm;
    ++counts[static_cast<std::size_t>(v)];
    ++total;
  }
  if (total == 0) return;
  std::size_t seen = 0;
  std::size_t median = 0;
  for (; median < counts.size(); ++median) {
    seen += counts[median];
    if (seen * 2 >= total) break;
  }
  if (static_cast<double>(median) >= kPerLegMedianLimit) return;
  for (tendon_sample& s : samples) {
    if (!std::isnan(s.cadence_spm)) s.cadence_spm *= 2;
  }
}

}  // namespace tendon::xml
