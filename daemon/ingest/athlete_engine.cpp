#include "athlete_engine.h"

#include "config/iana_zone.h"

namespace tendon {

std::unique_ptr<Engine> load_engine(Store& store, const AthleteConfig& athlete) {
  std::shared_ptr<const ZoneRules> zone = make_iana_zone(athlete.timezone);
  auto engine = std::make_unique<Engine>(athlete.thresholds, zone, store.shoes(athlete.name));
  engine->restore(store.activities(athlete.name), store.checkins(athlete.name), store.live_alerts(athlete.name));
  return engine;
}

void save_alert_diff(Store& store, const std::string& athlete, const AlertDiff& diff, Instant now) {
  for (const auto& a : diff.withdrawn) store.withdraw_alert(athlete, a.key(), now);
  for (const auto& a : diff.raised) store.upsert_alert(athlete, a, now);
  for (const auto& a : diff.updated) store.upsert_alert(athlete, a, now);
}

}  // namespace tendon
