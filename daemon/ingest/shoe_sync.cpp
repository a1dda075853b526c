#include "shoe_sync.h"

#include <algorithm>

namespace tendon {

void sync_configured_shoes(Store& store, const AthleteConfig& athlete) {
  for (const auto& shoe : athlete.shoes) store.upsert_shoe(athlete.name, shoe);
}

std::vector<std::string> add_shoes_seen_in(Store& store, const std::string& athlete,
                                           const std::vector<Activity>& activities, const ShoeCatalogue& catalogue,
                                           const std::vector<Shoe>& described) {
  std::vector<std::string> added;
  for (const auto& a : activities) {
    if (!a.shoe || a.shoe->empty()) continue;
    if (std::find(added.begin(), added.end(), *a.shoe) != added.end()) continue;
    if (store.shoe(athlete, *a.shoe)) continue;
    Shoe s;
    s.name = *a.shoe;
    const auto description =
        std::find_if(described.begin(), described.end(), [&](const Shoe& d) { return d.name == s.name; });
    if (description != described.end()) {
      s.brand = description->brand;
      s.model = description->model;
      s.retired = description->retired;
    }
    catalogue.fill_drop(s);
    store.upsert_shoe(athlete, s);
    added.push_back(s.name);
  }
  return added;
}

}  // namespace tendon
