#include "service/shoe_facts.h"

#include <algorithm>

#include "core/sport.h"

namespace tendon::service {
namespace {

// The words docs/protocol.md lists. The store keeps the drop, not its origin, so the
// origin is worked out: the catalogue when it gives this very drop for the shoe, else the
// config when the config names the shoe, else a client set it (Shoe.Set).
std::string drop_source(const ServiceContext& ctx, const AthleteConfig* athlete, const Shoe& shoe) {
  if (!shoe.drop_mm) return "unknown";
  Shoe looked_up = shoe;
  looked_up.drop_mm.reset();
  ctx.catalogue.fill_drop(looked_up);
  if (looked_up.drop_mm == shoe.drop_mm) return "catalogue";
  if (athlete != nullptr) {
    const bool configured = std::any_of(athlete->shoes.begin(), athlete->shoes.end(), [&](const Shoe& s) {
      return s.name == shoe.name && s.drop_mm == shoe.drop_mm;
    });
    if (configured) return "config";
  }
  return "set";
}

cli::ShoeFacts facts_of(const ServiceContext& ctx, const AthleteConfig* athlete, const Thresholds& thresholds,
                        const std::vector<Activity>& activities, const Shoe& shoe) {
  cli::ShoeFacts facts;
  facts.shoe = shoe;
  facts.drop_source = drop_source(ctx, athlete, shoe);
  facts.limit_km = shoe.replace_km.value_or(thresholds.mileage.replace_km);
  double metres = shoe.start_distance_m;
  // Counted as the mileage detector counts: running activities only.
  for (const auto& a : activities) {
    if (!a.shoe || *a.shoe != shoe.name || !is_running_sport(a.sport, thresholds.running_sports)) continue;
    metres += a.distance_m;
    if (!facts.first_used || a.start < *facts.first_used) facts.first_used = a.start;
    if (!facts.last_used || a.start > *facts.last_used) facts.last_used = a.start;
  }
  facts.distance_km = metres / 1000.0;
  return facts;
}

}  // namespace

std::vector<cli::ShoeFacts> shoe_facts(ServiceContext& ctx, const std::string& athlete) {
  const AthleteConfig* configured = ctx.config.athlete(athlete);
  const Thresholds thresholds = configured != nullptr ? configured->thresholds : Thresholds{};
  const auto activities = ctx.store.activities(athlete);
  std::vector<cli::ShoeFacts> result;
  for (const auto& shoe : ctx.store.shoes(athlete)) {
    result.push_back(facts_of(ctx, configured, thresholds, activities, shoe));
  }
  return result;
}

cli::ShoeFacts shoe_facts(ServiceContext& ctx, const std::string& athlete, const Shoe& shoe) {
  const AthleteConfig* configured = ctx.config.athlete(athlete);
  const Thresholds thresholds = configured != nullptr ? configured->thresholds : Thresholds{};
  return facts_of(ctx, configured, thresholds, ctx.store.activities(athlete), shoe);
}

}  // namespace tendon::service
