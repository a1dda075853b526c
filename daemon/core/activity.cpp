#include "activity.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace tendon {

const char* to_string(SourceKind kind) {
  switch (kind) {
    case SourceKind::summary: return "summary";
    case SourceKind::gpx: return "gpx";
    case SourceKind::tcx: return "tcx";
    case SourceKind::fit: return "fit";
  }
  return "summary";
}

std::optional<SourceKind> parse_source_kind(std::string_view text) {
  for (auto k : {SourceKind::summary, SourceKind::gpx, SourceKind::tcx, SourceKind::fit}) {
    if (text == to_string(k)) return k;
  }
  return std::nullopt;
}

bool is_same_run(const Activity& a, const Activity& b) {
  if (a.athlete != b.athlete) return false;
  if (std::llabs(a.start - b.start) > 60) return false;
  const double larger = std::max(a.distance_m, b.distance_m);
  // Two zero-distance records (a treadmill run without distance) at the same time are one.
  return std::fabs(a.distance_m - b.distance_m) <= 0.03 * larger;
}

}  // namespace tendon
