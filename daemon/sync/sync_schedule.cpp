#include "sync/sync_schedule.h"

#include <algorithm>
#include <cstdlib>
#include <string>

namespace tendon {

namespace {

std::optional<std::chrono::milliseconds> env_ms(const char* name) {
  const char* text = std::getenv(name);
  if (text == nullptr || *text == '\0') return std::nullopt;
  char* end = nullptr;
  const long long value = std::strtoll(text, &end, 10);
  if (*end != '\0' || value < 0) return std::nullopt;
  return std::chrono::milliseconds(value);
}

}  // namespace

SyncTiming SyncTiming::from_environment() {
  SyncTiming timing;
  if (auto base = env_ms("TENDON_SYNC_RETRY_BASE_MS")) timing.retry_base = *base;
  timing.max_defer = env_ms("TENDON_SYNC_MAX_DEFER_MS");
  return timing;
}

std::int64_t next_round_ms(const SyncTiming& timing, int interval_minutes, int failures,
                           std::optional<std::int64_t> defer_until_ms, std::int64_t now_ms) {
  if (defer_until_ms) {
    std::int64_t until = std::max(*defer_until_ms, now_ms);
    if (timing.max_defer) until = std::min(until, now_ms + timing.max_defer->count());
    return until;
  }
  if (failures <= 0) return now_ms + std::int64_t{interval_minutes} * 60'000;
  const std::int64_t cap = timing.retry_cap.count();
  std::int64_t wait = timing.retry_base.count();
  for (int i = 1; i < failures && wait < cap; ++i) wait *= 2;
  return now_ms + std::min(wait, cap);
}

}  // namespace tendon
