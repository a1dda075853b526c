#pragma once
// What webhook log lines may say about an endpoint: its URL without userinfo, query or
// fragment (where tokens hide), and any text with the endpoint's secrets blanked out
// (an error message or a response that echoes them).
#include <string>
#include <string_view>

#include "config/webhook_config.h"

namespace tendon::webhook {

// "https://user:pw@host:8080/hook?token=x#y" -> "https://host:8080/hook".
std::string url_for_log(std::string_view url);

// `text` with every occurrence of the endpoint's bearer token, HMAC secret, URL userinfo
// and URL query replaced by "[redacted]".
std::string redact(std::string text, const WebhookConfig& endpoint);

}  // namespace tendon::webhook
