#pragma once
// What an endpoint receives for one alert change, per format (docs/delivery.md, "Webhooks"):
// the body and the headers that belong to the format (Content-Type; ntfy's Title, Priority
// and Tags). Authentication, signature and idempotency headers are added by
// webhook_request.h, the same for every format.
#include <string>
#include <string_view>
#include <vector>

#include "config/webhook_config.h"
#include "store/store.h"

namespace tendon::webhook {

struct FormattedBody {
  std::string body;
  std::vector<std::string> headers;  // "Name: value", values already safe for one header line
};

// `payload`: the alert as the outbox keeps it (OutboxRow::payload); a "test": true member
// marks the alert of `tendonctl alerts test`. Throws std::runtime_error when the payload
// is not a JSON object.
FormattedBody format_body(WebhookFormat format, DeliveryEvent event, std::string_view payload);

// "Alert.Raised", "Alert.Updated", "Alert.Withdrawn": the socket's event names.
const char* event_name(DeliveryEvent event);

}  // namespace tendon::webhook
