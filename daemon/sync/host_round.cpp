#include "sync/host_round.h"

#include <algorithm>

#include "ingest/plugin_activity_checks.h"
#include "ingest/plugin_activity_conversion.h"
#include "ingest/plugin_text.h"
#include "net/http_request.h"

namespace tendon {

namespace {

constexpr std::chrono::seconds kRequestTimeout{60};
constexpr std::size_t kMaxResponseBytes = std::size_t{64} << 20;  // a FIT file of a very long ride fits
constexpr std::size_t kMaxReportBytes = 300;

HostRound& self(void* context) { return *static_cast<HostRound*>(context); }

}  // namespace

HostRound::HostRound(const SyncSourceConfig& config, std::optional<std::string> cursor, std::int64_t now_ms,
                     const SecretFile& secrets, std::map<std::string, std::string> login, SyncCommit commit,
                     const std::atomic<bool>& stopping, std::function<void(tendon_level, const std::string&)> log)
    : config_(config),
      cursor_(std::move(cursor)),
      settings_(config.settings),
      secret_file_(secrets),
      secrets_(secrets.load()),
      commit_(std::move(commit)),
      stopping_(stopping),
      log_(std::move(log)) {
  for (auto& [key, value] : login) settings_[key] = std::move(value);
  round_.struct_size = sizeof round_;
  round_.context = this;
  round_.cursor = cursor_ ? cursor_->c_str() : nullptr;
  round_.now_ms = now_ms;
  round_.backfill_from_ms = now_ms - std::int64_t{config.backfill_days} * 86'400'000;
  round_.setting = &HostRound::setting;
  round_.secret = &HostRound::secret;
  round_.store_secrets = &HostRound::store_secrets;
  round_.http = &HostRound::http;
  round_.emit = &HostRound::emit;
  round_.emit_file = &HostRound::emit_file;
  round_.gear = &HostRound::gear;
  round_.commit = &HostRound::commit;
  round_.report = &HostRound::report;
  round_.rate_budget = &HostRound::rate_budget;
  round_.defer_until = &HostRound::defer_until;
}

std::string HostRound::redacted(std::string text) const {
  auto blank = [&text](const std::string& secret) {
    if (secret.size() < 4) return;  // too short to be a secret worth hiding, and would blank words
    for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at)) {
      text.replace(at, secret.size(), "[redacted]");
    }
  };
  for (const auto& [name, value] : secrets_) blank(value);
  for (const char* key : {"client_secret", "api_key", "login.code", "login.api_key"}) {
    if (const auto it = settings_.find(key); it != settings_.end()) blank(it->second);
  }
  return text;
}

const char* HostRound::setting(void* context, const char* key) {
  if (key == nullptr) return nullptr;
  const auto& settings = self(context).settings_;
  const auto it = settings.find(key);
  return it == settings.end() ? nullptr : it->second.c_str();
}

const char* HostRound::secret(void* context, const char* name) {
  if (name == nullptr) return nullptr;
  const auto& secrets = self(context).secrets_;
  const auto it = secrets.find(name);
  return it == secrets.end() ? nullptr : it->second.c_str();
}

int HostRound::store_secrets(void* context, const char* const* names, const char* const* values,
                             std::uint32_t count) {
  HostRound& r = self(context);
  std::map<std::string, std::string> update;
  for (std::uint32_t i = 0; i < count; ++i) {
    if (names[i] == nullptr || values[i] == nullptr) return TENDON_ERR_INTERNAL;
    update[names[i]] = values[i];
  }
  try {
    r.secret_file_.store(update);
  } catch (const std::exception& e) {
    r.log_(TENDON_LEVEL_ERROR, e.what());
    return TENDON_ERR_IO;
  }
  for (auto& [name, value] : update) r.secrets_[name] = std::move(value);
  return TENDON_OK;
}

int HostRound::http(void* context, tendon_http_exchange* x) {
  HostRound& r = self(context);
  if (r.stopping_.load()) return TENDON_ERR_CANCELLED;
  if (x == nullptr || x->struct_size < offsetof(tendon_http_exchange, response_headers) + sizeof(void*) ||
      x->url == nullptr) {
    return TENDON_ERR_INTERNAL;
  }
  net::HttpRequest request;
  request.method = x->method != nullptr && std::string_view(x->method) == "POST" ? "POST" : "GET";
  request.url = x->url;
  for (std::size_t i = 0; x->headers != nullptr && x->headers[i] != nullptr; ++i) request.headers.emplace_back(x->headers[i]);
  if (x->body != nullptr) request.body.assign(x->body, x->body_size);
  request.timeout = kRequestTimeout;
  request.max_body_bytes = kMaxResponseBytes;
  request.abandon = &r.stopping_;
  net::HttpResponse response = net::http_request(request);
  if (response.abandoned) return TENDON_ERR_CANCELLED;
  r.response_body_ = std::move(response.body);
  r.response_error_ = std::move(response.error);
  if (response.body_truncated && r.response_error_.empty()) {
    r.response_error_ = "the answer is larger than " + std::to_string(kMaxResponseBytes) + " bytes";
    response.status = 0;
  }
  r.response_header_lines_.clear();
  for (const auto& [name, value] : response.headers) r.response_header_lines_.push_back(name + ": " + value);
  r.response_headers_.clear();
  for (const auto& line : r.response_header_lines_) r.response_headers_.push_back(line.c_str());
  r.response_headers_.push_back(nullptr);
  x->status = static_cast<std::int32_t>(response.status);
  x->error = r.response_error_.empty() ? nullptr : r.response_error_.c_str();
  x->response_body = r.response_body_.data();
  x->response_body_size = r.response_body_.size();
  x->response_headers = r.response_headers_.data();
  return TENDON_OK;
}

int HostRound::emit(void* context, const tendon_activity* activity) {
  HostRound& r = self(context);
  if (r.stopping_.load()) return 1;
  ++r.emitted_;
  if (activity == nullptr || activity->struct_size < kMinimumActivityStructSize) {
    r.batch_.warnings.push_back("activity #" + std::to_string(r.emitted_) + " dropped: too short a struct");
    return 0;
  }
  EmittedActivity converted = convert_emitted_activity(*activity, r.config_.source, r.limits_);
  if (!converted.activity) {
    r.batch_.warnings.push_back("activity #" + std::to_string(r.emitted_) + " dropped: " + converted.dropped_because);
    return 0;
  }
  if (converted.activity->source_id.empty()) {
    r.batch_.warnings.push_back("activity #" + std::to_string(r.emitted_) + " dropped: no source_id");
    return 0;
  }
  r.batch_.activities.push_back(std::move(*converted.activity));
  return 0;
}

int HostRound::emit_file(void* context, const char* name, const std::uint8_t* bytes, std::size_t size) {
  HostRound& r = self(context);
  if (r.stopping_.load()) return 1;
  if (name == nullptr || bytes == nullptr) return 0;
  r.batch_.files.emplace_back(name, std::string(reinterpret_cast<const char*>(bytes), size));
  return 0;
}

void HostRound::gear(void* context, const tendon_gear* gear) {
  HostRound& r = self(context);
  if (gear == nullptr || gear->struct_size < offsetof(tendon_gear, retired) + sizeof(std::int32_t)) return;
  if (gear->name == nullptr || *gear->name == '\0') return;
  Shoe shoe;
  shoe.name = std::string(bounded_c_string(gear->name, kMaxActivityTextBytes));
  if (gear->brand != nullptr) shoe.brand = std::string(bounded_c_string(gear->brand, kMaxActivityTextBytes));
  if (gear->model != nullptr) shoe.model = std::string(bounded_c_string(gear->model, kMaxActivityTextBytes));
  shoe.retired = gear->retired == 1;
  r.batch_.gear.push_back(std::move(shoe));
}

int HostRound::commit(void* context, const char* cursor) {
  HostRound& r = self(context);
  if (r.stopping_.load() || cursor == nullptr) return TENDON_ERR_CANCELLED;
  SyncBatch batch = std::move(r.batch_);
  r.batch_ = {};
  if (!r.commit_(std::move(batch), cursor)) return TENDON_ERR_CANCELLED;
  r.cursor_ = cursor;
  return TENDON_OK;
}

void HostRound::report(void* context, tendon_level level, const char* message) {
  HostRound& r = self(context);
  if (message == nullptr) return;
  std::string line = r.redacted(one_line(bounded_c_string(message, 4 * kMaxReportBytes), kMaxReportBytes));
  if (line.empty()) return;
  if (level == TENDON_LEVEL_ERROR) r.outcome_.errors.push_back(line);
  r.log_(level, line);
}

void HostRound::rate_budget(void* context, std::int64_t short_window_left, std::int64_t daily_left) {
  HostRound& r = self(context);
  r.outcome_.short_window_left = short_window_left;
  r.outcome_.daily_left = daily_left;
}

void HostRound::defer_until(void* context, std::int64_t until_ms) {
  HostRound& r = self(context);
  r.outcome_.defer_until_ms = std::max(r.outcome_.defer_until_ms.value_or(until_ms), until_ms);
}

}  // namespace tendon
