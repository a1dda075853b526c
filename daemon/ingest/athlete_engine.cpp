#include "athlete_engine.h"

#include "alert_outbox.h"
#include "config/iana_zone.h"

namespace tendon {

std::unique_ptr<Engine> load_engine(Store& store, const AthleteConfig& athlete) {
  std::shared_ptr<const ZoneRules> zone = make_iana_zone(athlete.timezone);
  auto engine = std::make_unique<Engine>(athlete.thresholds, zone, store.shoes(athlete.name));
  engine->restore(store.activities(athlete.name), store.checkins(athlete.name), store.live_alerts(athlete.name));
  return engine;
}

void save_alert_diff(Store& store, const Config& config, const std::string& athlete, const AlertDiff& diff,
                     Instant now) {
  const bool any_endpoint = !config.webhooks.empty();
  for (const auto& a : diff.withdrawn) {
    if (!store.withdraw_alert(athlete, a.key(), now) || !any_endpoint) continue;
    if (const auto id = store.alert_id(athlete, a.key())) {
      queue_webhook_deliveries(store, config, *id, a, DeliveryEvent::withdrawn, now);
    }
  }
  for (const auto& a : diff.raised) {
    const auto id = store.upsert_alert(athlete, a, now);
    queue_webhook_deliveries(store, config, id, a, DeliveryEvent::raised, now);
  }
  for (const auto& a : diff.updated) {
    const auto id = store.upsert_alert(athlete, a, now);
    queue_webhook_deliveries(store, config, id, a, DeliveryEvent::updated, now);
  }
}

}  // namespace tendon
