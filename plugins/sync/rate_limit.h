#pragma once
// Strava's rate limits (developers.strava.com/docs/rate-limits): two windows, one of 15
// minutes that resets at :00, :15, :30 and :45, and a daily one that resets at midnight
// UTC. Every answer carries X-RateLimit-Limit and X-RateLimit-Usage, each "short,daily"
// ("600,30000" and "12,345"). A 429 means a window is spent. Pure functions, for the
// sources and their unit tests.
#include <cstdint>
#include <optional>
#include <string_view>

namespace tendon::sync {

struct RateWindows {
  std::int64_t short_limit = 0, short_usage = 0;
  std::int64_t daily_limit = 0, daily_usage = 0;

  std::int64_t short_left() const { return short_limit > short_usage ? short_limit - short_usage : 0; }
  std::int64_t daily_left() const { return daily_limit > daily_usage ? daily_limit - daily_usage : 0; }
};

// Both headers "a,b" with non-negative integers; nullopt when either is missing or bad.
std::optional<RateWindows> parse_rate_windows(std::optional<std::string_view> limit,
                                              std::optional<std::string_view> usage);

// The next quarter hour (:00, :15, :30, :45) strictly after now_ms, and the next midnight UTC.
std::int64_t next_quarter_hour_ms(std::int64_t now_ms);
std::int64_t next_utc_midnight_ms(std::int64_t now_ms);

// When the next request may go, or nullopt when budget remains in both windows. A spent
// daily window waits for midnight UTC, a spent short one for the next quarter hour.
// `throttled` (a 429) means a window is spent even if the counts say otherwise (then the
// short window is assumed unless the daily one is the spent one).
std::optional<std::int64_t> rate_limited_until(const std::optional<RateWindows>& windows, bool throttled,
                                               std::int64_t now_ms);

// Retry-After in seconds ("120"), as a wait in ms; nullopt when absent or not a number.
std::optional<std::int64_t> retry_after_ms(std::optional<std::string_view> value);

}  // namespace tendon::sync
