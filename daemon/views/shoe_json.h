#pragma once
// The JSON shape of a shoe as Shoe.List, Shoe.Set and Shoe.Retire answer it
// (docs/protocol.md, "Methods").
#include <optional>
#include <string>
#include <vector>

#include "core/activity.h"
#include "core/time.h"
#include "views/json_style.h"

namespace tendon::cli {

// A stored shoe with what the store alone does not say: where its drop came from, its
// effective limit and how far it has been run.
struct ShoeFacts {
  Shoe shoe;
  std::string drop_source;         // "config", "catalogue", "set" or "unknown"
  std::optional<double> limit_km;  // the replace limit that applies to it
  double distance_km = 0;          // its starting distance plus the runs in it
  std::optional<Instant> first_used;
  std::optional<Instant> last_used;
};

std::string shoe_json(const ShoeFacts& shoe, JsonStyle style = JsonStyle::pretty);
// {"athlete": name, "shoes": [shoe...]}
std::string shoe_list_json(const std::string& athlete, const std::vector<ShoeFacts>& shoes,
                           JsonStyle style = JsonStyle::pretty);

}  // namespace tendon::cli
