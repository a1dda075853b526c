#pragma once
// The complete POST for one delivery: the format's body and headers, then what every
// format gets: User-Agent, Idempotency-Key, Authorization (bearer_token) and
// X-Tendon-Signature (hmac_secret). Built again for each attempt, byte for byte the same.
#include <string>
#include <string_view>
#include <vector>

#include "config/webhook_config.h"
#include "store/store.h"

namespace tendon::webhook {

struct WebhookRequest {
  std::string body;
  std::vector<std::string> headers;  // "Name: value"
};

WebhookRequest build_request(const WebhookConfig& endpoint, DeliveryEvent event, std::string_view payload,
                             std::string_view idempotency_key);

// "tendond/<version>".
std::string user_agent();

}  // namespace tendon::webhook
