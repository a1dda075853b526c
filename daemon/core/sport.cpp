#include "sport.h"

#include <algorithm>
#include <array>
#include <utility>

namespace tendon {

namespace {
// Synonyms seen in FIT enums, Strava types, Garmin typeKeys, Apple HKWorkoutActivityType
// and hand-written logs, after lower-casing and separator folding.
constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kSynonyms = {{
    {"run", "running"},
    {"runs", "running"},
    {"trailrun", "trail_running"},
    {"trail_run", "trail_running"},
    {"trail", "trail_running"},
    {"virtualrun", "virtual_running"},
    {"virtual_run", "virtual_running"},
    {"treadmill_run", "treadmill_running"},
    {"indoor_run", "indoor_running"},
    {"track", "track_running"},
    {"track_run", "track_running"},
    {"street", "street_running"},
    {"hkworkoutactivitytyperunning", "running"},
    {"hkworkoutactivitytypewalking", "walking"},
    {"hkworkoutactivitytypecycling", "cycling"},
    {"hkworkoutactivitytypehiking", "hiking"},
    {"ride", "cycling"},
    {"bike", "cycling"},
    {"biking", "cycling"},
    {"walk", "walking"},
    {"hike", "hiking"},
    {"swim", "swimming"},
}};
}  // namespace

std::string normalise_sport(std::string_view raw) {
  std::string s;
  s.reserve(raw.size());
  bool pending_sep = false;
  for (char c : raw) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == ' ' || c == '-' || c == '_' || c == '/' || c == '.') {
      pending_sep = !s.empty();
      continue;
    }
    if (pending_sep) s.push_back('_');
    pending_sep = false;
    s.push_back(c);
  }
  for (const auto& [from, to] : kSynonyms) {
    if (s == from) return std::string(to);
  }
  return s;
}

bool is_running_sport(std::string_view normalised, const std::vector<std::string>& running) {
  return std::find(running.begin(), running.end(), normalised) != running.end();
}

}  // namespace tendon
