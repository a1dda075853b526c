#include "delivery/webhook/delivery_verdict.h"

#include <curl/curl.h>

#include <algorithm>
#include <cstdlib>

namespace tendon::webhook {

namespace {

bool retryable_status(long status) { return status == 408 || status == 429 || (status >= 500 && status <= 599); }

std::string status_reason(const HttpOutcome& outcome) {
  std::string reason = "HTTP " + std::to_string(outcome.status);
  if (!outcome.response_excerpt.empty()) reason += ": " + outcome.response_excerpt;
  return reason;
}

}  // namespace

RetryPolicy RetryPolicy::from_environment() {
  RetryPolicy policy;
  if (const char* text = std::getenv("TENDON_WEBHOOK_RETRY_BASE_MS")) {
    char* end = nullptr;
    const long long ms = std::strtoll(text, &end, 10);
    if (end != text && *end == '\0' && ms > 0) policy.base = std::chrono::milliseconds(ms);
  }
  return policy;
}

std::chrono::milliseconds backoff(const RetryPolicy& policy, int attempt, std::mt19937_64& random) {
  std::int64_t ceiling = policy.base.count();
  for (int i = 1; i < attempt && ceiling < policy.cap.count(); ++i) ceiling *= 2;
  ceiling = std::min<std::int64_t>(ceiling, policy.cap.count());
  std::uniform_int_distribution<std::int64_t> wait(0, ceiling);
  return std::chrono::milliseconds(wait(random));
}

std::optional<std::chrono::milliseconds> parse_retry_after(const std::string& value, std::int64_t now_s) {
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (value.size() > 9) return std::chrono::milliseconds(std::chrono::hours(24 * 365));
    return std::chrono::milliseconds(std::stoll(value) * 1000);
  }
  const time_t when = curl_getdate(value.c_str(), nullptr);
  if (when == -1) return std::nullopt;
  return std::chrono::milliseconds(std::max<std::int64_t>(0, static_cast<std::int64_t>(when) - now_s) * 1000);
}

DeliveryVerdict judge(const HttpOutcome& outcome, int attempt, const RetryPolicy& policy, std::mt19937_64& random,
                      std::int64_t now_s) {
  using Kind = DeliveryVerdict::Kind;
  if (outcome.status >= 200 && outcome.status <= 299) return {Kind::sent, {}, "HTTP " + std::to_string(outcome.status)};
  if (outcome.status != 0 && !retryable_status(outcome.status)) return {Kind::drop, {}, status_reason(outcome)};
  DeliveryVerdict verdict{Kind::retry, backoff(policy, attempt, random),
                          outcome.status == 0 ? outcome.error : status_reason(outcome)};
  if (outcome.retry_after) {
    if (const auto asked = parse_retry_after(*outcome.retry_after, now_s)) {
      verdict.retry_in = std::min(*asked, policy.retry_after_cap);
    }
  }
  return verdict;
}

}  // namespace tendon::webhook
