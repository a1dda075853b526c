#pragma once
// When a source's next round is due (docs/sync.md): after a good round, the configured
// interval; after a failed one, an exponential backoff (base doubling per failure in a
// row, capped); when the source deferred (a 429, a spent rate budget), exactly then.
// Pure, for the worker and its unit tests.
#include <chrono>
#include <cstdint>
#include <optional>

namespace tendon {

struct SyncTiming {
  std::chrono::milliseconds retry_base{30'000};
  std::chrono::milliseconds retry_cap{60 * 60'000};
  // Tests only: no deferral is longer than this (a rate-limit window is 15 minutes).
  std::optional<std::chrono::milliseconds> max_defer;

  // The defaults, with $TENDON_SYNC_RETRY_BASE_MS and $TENDON_SYNC_MAX_DEFER_MS when set
  // (for tests, as $TENDON_WEBHOOK_RETRY_BASE_MS for webhooks).
  static SyncTiming from_environment();
};

// `failures`: failed rounds in a row, counting the one that just ended (0: it went well).
std::int64_t next_round_ms(const SyncTiming& timing, int interval_minutes, int failures,
                           std::optional<std::int64_t> defer_until_ms, std::int64_t now_ms);

}  // namespace tendon
