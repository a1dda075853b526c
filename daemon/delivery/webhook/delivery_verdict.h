#pragma once
// What one attempt's outcome means for its outbox row (docs/delivery.md, "Retries"):
// 2xx sent; 408, 429, 5xx and network errors retried after a jittered exponential backoff
// (or the answer's Retry-After); any other status dropped, with the reason.
#include <chrono>
#include <cstdint>
#include <random>
#include <string>

#include "delivery/webhook/http_post.h"

namespace tendon::webhook {

struct RetryPolicy {
  std::chrono::milliseconds base{5000};            // the first retry waits up to this
  std::chrono::milliseconds cap{30 * 60 * 1000};   // no wait is longer (Retry-After aside)
  std::chrono::milliseconds retry_after_cap{24 * 3600 * 1000};

  // The defaults, with base from $TENDON_WEBHOOK_RETRY_BASE_MS when set: for tests, so
  // they need not wait seconds (docs/delivery.md).
  static RetryPolicy from_environment();
};

struct DeliveryVerdict {
  enum class Kind { sent, retry, drop } kind = Kind::sent;
  std::chrono::milliseconds retry_in{0};  // for retry
  std::string reason;                     // one line: "HTTP 200", "HTTP 500", "timed out ..."
};

// "Full jitter": a uniform wait in [0, min(cap, base * 2^(attempt-1))], so that many
// deliveries failing together do not retry together. `attempt` counts from 1.
std::chrono::milliseconds backoff(const RetryPolicy& policy, int attempt, std::mt19937_64& random);

// Retry-After as seconds ("120") or an HTTP date; nullopt when neither. `now_s`: Unix time.
std::optional<std::chrono::milliseconds> parse_retry_after(const std::string& value, std::int64_t now_s);

DeliveryVerdict judge(const HttpOutcome& outcome, int attempt, const RetryPolicy& policy, std::mt19937_64& random,
                      std::int64_t now_s);

}  // namespace tendon::webhook
