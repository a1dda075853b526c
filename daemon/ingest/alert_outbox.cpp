#include "alert_outbox.h"

#include "core/push_policy.h"

namespace tendon {

void queue_webhook_deliveries(Store& store, const Config& config, std::int64_t alert_id,
                              const Alert& alert, DeliveryEvent event, Instant now) {
  for (const auto& endpoint : config.webhooks) {
    const bool pushable = should_push(alert, push_rule(config, endpoint.min_severity), now);
    if (event == DeliveryEvent::raised) {
      if (pushable) store.queue_delivery(endpoint.name, alert_id, DeliveryEvent::raised, now);
      continue;
    }
    if (store.raise_delivered_or_pending(endpoint.name, alert_id)) {
      store.queue_delivery(endpoint.name, alert_id, event, now);
    } else if (event == DeliveryEvent::updated && pushable) {
      store.queue_delivery(endpoint.name, alert_id, DeliveryEvent::raised, now);
    }
  }
}

}  // namespace tendon
