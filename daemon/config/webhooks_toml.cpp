#include "config/webhooks_toml.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

#include "config/toml_values.h"

namespace tendon {

const char* to_string(WebhookFormat format) {
  switch (format) {
    case WebhookFormat::json: return "json";
    case WebhookFormat::ntfy: return "ntfy";
    case WebhookFormat::slack: return "slack";
  }
  return "json";
}

std::optional<WebhookFormat> parse_webhook_format(std::string_view text) {
  for (auto f : {WebhookFormat::json, WebhookFormat::ntfy, WebhookFormat::slack}) {
    if (text == to_string(f)) return f;
  }
  return std::nullopt;
}

}  // namespace tendon

namespace tendon::config_detail {

namespace {

constexpr std::size_t kMaxNameLength = 64;

bool valid_name(std::string_view name) {
  return !name.empty() && name.size() <= kMaxNameLength &&
         std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
         });
}

WebhookConfig read_webhook(const toml::table& table, const std::string& path, const std::string& file,
                           const std::filesystem::path& base, Severity default_min_severity) {
  TableReader r(table, path, file);
  WebhookConfig w;
  const auto name = r.string("name");
  if (!name) r.fail_here(path + ": a webhook needs a name");
  if (!valid_name(*name)) {
    r.fail("name", path + ".name: '" + *name + "' must be 1-64 characters of a-z, 0-9, _ and -");
  }
  w.name = *name;
  const auto url = r.string("url");
  if (!url) r.fail_here(path + ": webhook '" + w.name + "' needs a url");
  if (!valid_url(*url)) {
    r.fail("url", path + ".url: not an http:// or https:// URL with a host (and no spaces)");
  }
  w.url = *url;
  if (auto format = r.string("format")) {
    const auto parsed = parse_webhook_format(*format);
    if (!parsed) r.fail("format", path + ".format: unknown format '" + *format + "' (one of json, ntfy, slack)");
    w.format = *parsed;
  }
  w.bearer_token = read_secret(r, "bearer_token", base);
  w.hmac_secret = read_secret(r, "hmac_secret", base);
  if (auto timeout = r.integer("timeout_s", 1, 300)) w.timeout_s = static_cast<int>(*timeout);
  w.min_severity = default_min_severity;
  if (auto s = r.string("min_severity")) {
    const auto severity = parse_severity(*s);
    if (!severity) {
      r.fail("min_severity", path + ".min_severity: unknown severity '" + *s + "' (one of info, warning, critical)");
    }
    w.min_severity = *severity;
  }
  r.finish();
  return w;
}

}  // namespace

std::vector<WebhookConfig> read_webhooks(TableReader& root, const std::filesystem::path& base,
                                         Severity default_min_severity) {
  std::vector<WebhookConfig> result;
  const toml::array* list = root.array("webhooks");
  if (list == nullptr) return result;
  std::map<std::string, toml::source_position> seen;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const toml::node& node = *list->get(i);
    const std::string path = element_path("webhooks", i);
    const auto* t = node.as_table();
    if (t == nullptr) {
      fail_at(root.file(), node.source().begin, path + " must be a table ([[webhooks]]), not " + type_name(node));
    }
    WebhookConfig w = read_webhook(*t, path, root.file(), base, default_min_severity);
    const toml::source_position where = t->get("name")->source().begin;
    if (const auto it = seen.find(w.name); it != seen.end()) {
      fail_at(root.file(), where,
              path + ": duplicate webhook name '" + w.name + "' (also on line " + std::to_string(it->second.line) + ")");
    }
    seen.emplace(w.name, where);
    result.push_back(std::move(w));
  }
  return result;
}

}  // namespace tendon::config_detail
