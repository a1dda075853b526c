#pragma once
// Sport words of GPX <trk><type> and TCX Activity/@Sport in Tendon's vocabulary.
//
// The word is lower-cased and its separators (space, '-', '_', '/', '.') folded to one
// '_'; synonyms map to Tendon's word ("Run" -> running, "Biking" -> cycling, "TrailRun"
// -> trail_running); Strava's numeric GPX codes 1 (Ride) and 9 (Run) map to cycling and
// running, the only two codes its export is documented to write. Variants of a family
// Tendon does not tell apart ("road_biking", "mountain_biking", "open_water_swimming")
// map to the family, and the variant is kept as sub_sport. Other numbers give "unknown"
// (sub_sport keeps the code), other words pass through folded, an empty word is
// "unknown" (the host decides).
#include <string>
#include <string_view>

namespace tendon::xml {

struct SportWord {
  std::string sport;
  std::string sub_sport;  // empty when none
};

SportWord map_sport_word(std::string_view raw);

}  // namespace tendon::xml
