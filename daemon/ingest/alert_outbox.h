#pragma once
// Which webhook endpoints hear about an alert change: the rows this queues in the outbox
// are written by the caller's transaction, beside the alert change itself.
#include <cstdint>
#include <vector>

#include "config/config.h"
#include "core/alert.h"
#include "store/store.h"

namespace tendon {

// A raise is queued for each endpoint of config.webhooks the push rule ([push], with the
// endpoint's min_severity) lets it through to. An update or a withdrawal is queued only
// for endpoints that were sent the raise or still have it pending; an update that first
// lets an alert through to an endpoint (its severity rose) is queued there as a raise.
void queue_webhook_deliveries(Store& store, const Config& config, std::int64_t alert_id,
                              const Alert& alert, DeliveryEvent event, Instant now);

}  // namespace tendon
