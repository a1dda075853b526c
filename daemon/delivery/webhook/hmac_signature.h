#pragma once
// The X-Tendon-Signature value: "sha256=" and the lower-case hex HMAC-SHA256 of the exact
// body bytes, keyed with the endpoint's hmac_secret (docs/delivery.md has the check).
#include <string>
#include <string_view>

namespace tendon::webhook {

std::string hmac_sha256_hex(std::string_view secret, std::string_view body);
inline std::string signature_header_value(std::string_view secret, std::string_view body) {
  return "sha256=" + hmac_sha256_hex(secret, body);
}

}  // namespace tendon::webhook
