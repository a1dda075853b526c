#include "delivery/webhook/webhook_request.h"

#include "delivery/webhook/hmac_signature.h"
#include "delivery/webhook/webhook_body.h"
#include "tendon/version.h"

namespace tendon::webhook {

std::string user_agent() { return std::string("tendond/") + TENDON_VERSION; }

WebhookRequest build_request(const WebhookConfig& endpoint, DeliveryEvent event, std::string_view payload,
                             std::string_view idempotency_key) {
  FormattedBody formatted = format_body(endpoint.format, event, payload);
  WebhookRequest request{std::move(formatted.body), std::move(formatted.headers)};
  request.headers.push_back("User-Agent: " + user_agent());
  request.headers.push_back("Idempotency-Key: " + std::string(idempotency_key));
  if (!endpoint.bearer_token.empty()) request.headers.push_back("Authorization: Bearer " + endpoint.bearer_token);
  if (!endpoint.hmac_secret.empty()) {
    request.headers.push_back("X-Tendon-Signature: " + signature_header_value(endpoint.hmac_secret, request.body));
  }
  return request;
}

}  // namespace tendon::webhook
