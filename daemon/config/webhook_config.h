#pragma once
// One [[webhooks]] endpoint of the config (docs/config.md, docs/delivery.md): where alerts
// are POSTed, in which body format, and the secrets that authenticate them. The secrets are
// held here only to be sent; nothing that logs may print them.
#include <string>
#include <string_view>
#include <optional>

#include "core/alert.h"

namespace tendon {

enum class WebhookFormat { json, ntfy, slack };
const char* to_string(WebhookFormat format);
std::optional<WebhookFormat> parse_webhook_format(std::string_view text);

struct WebhookConfig {
  std::string name;          // unique, [a-z0-9_-]: names the endpoint in logs and the outbox
  std::string url;           // http:// or https://
  WebhookFormat format = WebhookFormat::json;
  std::string bearer_token;  // "" = no Authorization header
  std::string hmac_secret;   // "" = no X-Tendon-Signature header
  int timeout_s = 10;        // the whole request, connect included
  Severity min_severity = Severity::warning;  // default: [push] min_severity
};

}  // namespace tendon
