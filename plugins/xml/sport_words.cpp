#include "sport_words.h"

namespace tendon::xml {

namespace {

struct Entry {
  std::string_view word;  // folded
  std::string_view sport;
  bool variant;  // keep the word as sub_sport
};

constexpr Entry kWords[] = {
    {"running", "running", false},
    {"run", "running", false},
    {"trail_running", "trail_running", false},
    {"trail_run", "trail_running", false},
    {"trailrun", "trail_running", false},
    {"treadmill_running", "treadmill_running", false},
    {"treadmill", "treadmill_running", false},
    {"treadmill_run", "treadmill_running", false},
    {"track_running", "track_running", false},
    {"track_run", "track_running", false},
    {"virtualrun", "virtual_running", false},
    {"virtual_run", "virtual_running", false},
    {"cycling", "cycling", false},
    {"biking", "cycling", false},
    {"bike", "cycling", false},
    {"ride", "cycling", false},
    {"bicycle", "cycling", false},
    {"road_biking", "cycling", true},
    {"road_cycling", "cycling", true},
    {"mountain_biking", "cycling", true},
    {"mountainbikeride", "cycling", true},
    {"gravel_cycling", "cycling", true},
    {"gravelride", "cycling", true},
    {"indoor_cycling", "cycling", true},
    {"virtualride", "cycling", true},
    {"virtual_ride", "cycling", true},
    {"ebikeride", "cycling", true},
    {"e_bike_ride", "cycling", true},
    {"cyclocross", "cycling", true},
    {"walking", "walking", false},
    {"walk", "walking", false},
    {"casual_walking", "walking", true},
    {"speed_walking", "walking", true},
    {"hiking", "hiking", false},
    {"hike", "hiking", false},
    {"swimming", "swimming", false},
    {"swim", "swimming", false},
    {"lap_swimming", "swimming", true},
    {"open_water_swimming", "swimming", true},
    {"pool_swimming", "swimming", true},
    {"transition", "transition", false},
    {"other", "other", false},
};

std::string fold(std::string_view raw) {
  std::string s;
  s.reserve(raw.size());
  bool pending = false;
  for (char c : raw) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == ' ' || c == '-' || c == '_' || c == '/' || c == '.' || c == '\t' || c == '\n' || c == '\r') {
      pending = !s.empty();
      continue;
    }
    if (pending) s.push_back('_');
    pending = false;
    s.push_back(c);
  }
  return s;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

SportWord map_sport_word(std::string_view raw) {
  const std::string word = fold(raw);
  if (word.empty()) return {"unknown", {}};
  if (all_digits(word)) {
    if (word == "1") return {"cycling", {}};
    if (word == "9") return {"running", {}};
    return {"unknown", word};
  }
  for (const Entry& e : kWords) {
    if (word == e.word) return {std::string(e.sport), e.variant ? word : std::string()};
  }
  return {word, {}};
}

}  // namespace tendon::xml
