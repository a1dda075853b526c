#pragma once
// Keeps the store's shoe table in step with the config and with the shoes runs mention.
#include <string>
#include <vector>

#include "config/config.h"
#include "config/shoe_catalogue.h"
#include "store/store.h"

namespace tendon {

// Shoes of the config are written to the store; the config is the authority for the
// fields it sets.
void sync_configured_shoes(Store& store, const AthleteConfig& athlete);

// A shoe named by a run but unknown to the store is added, with its drop from the
// catalogue when the name matches a known model. `described`: shoes the source described
// (an export's shoes.csv) whose brand, model and retired flag the new shoe takes, so that
// the drop is found by brand and model. Returns the names added.
std::vector<std::string> add_shoes_seen_in(Store& store, const std::string& athlete,
                                           const std::vector<Activity>& activities, const ShoeCatalogue& catalogue,
                                           const std::vector<Shoe>& described = {});

}  // namespace tendon
