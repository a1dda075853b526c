#include "delivery/webhook/log_safety.h"

#include <vector>

namespace tendon::webhook {

namespace {

struct UrlParts {
  std::string_view scheme_and_slashes, userinfo, rest, query_and_fragment;
};

UrlParts split(std::string_view url) {
  UrlParts p;
  const auto scheme_end = url.find("://");
  const std::size_t authority = scheme_end == std::string_view::npos ? 0 : scheme_end + 3;
  p.scheme_and_slashes = url.substr(0, authority);
  std::string_view after = url.substr(authority);
  const auto query = after.find_first_of("?#");
  if (query != std::string_view::npos) {
    p.query_and_fragment = after.substr(query);
    after = after.substr(0, query);
  }
  const auto path = after.find('/');
  const auto at = after.substr(0, path).rfind('@');
  if (at != std::string_view::npos) {
    p.userinfo = after.substr(0, at);
    after = after.substr(at + 1);
  }
  p.rest = after;
  return p;
}

void replace_all(std::string& text, std::string_view secret) {
  if (secret.size() < 3) return;  // too short to be told from ordinary text
  static constexpr std::string_view kMark = "[redacted]";
  for (auto pos = text.find(secret); pos != std::string::npos; pos = text.find(secret, pos + kMark.size())) {
    text.replace(pos, secret.size(), kMark);
  }
}

}  // namespace

std::string url_for_log(std::string_view url) {
  const UrlParts p = split(url);
  return std::string(p.scheme_and_slashes) + std::string(p.rest);
}

std::string redact(std::string text, const WebhookConfig& endpoint) {
  const UrlParts p = split(endpoint.url);
  for (std::string_view secret : std::vector<std::string_view>{
           endpoint.bearer_token, endpoint.hmac_secret, p.userinfo,
           p.query_and_fragment.empty() ? std::string_view() : p.query_and_fragment.substr(1)}) {
    replace_all(text, secret);
  }
  return text;
}

}  // namespace tendon::webhook
