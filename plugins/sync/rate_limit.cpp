#include "rate_limit.h"

#include <charconv>
#include <utility>

namespace tendon::sync {

namespace {

constexpr std::int64_t kQuarterHourMs = 15 * 60 * 1000;
constexpr std::int64_t kDayMs = 24 * 3600 * 1000;

std::optional<std::int64_t> count(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

// "a,b" -> {a, b}
std::optional<std::pair<std::int64_t, std::int64_t>> pair_of(std::string_view text) {
  const auto comma = text.find(',');
  if (comma == std::string_view::npos) return std::nullopt;
  const auto a = count(text.substr(0, comma));
  const auto b = count(text.substr(comma + 1));
  if (!a || !b) return std::nullopt;
  return std::make_pair(*a, *b);
}

std::int64_t next_multiple(std::int64_t now_ms, std::int64_t step) {
  const std::int64_t floor = now_ms >= 0 ? now_ms / step * step : -((-now_ms + step - 1) / step) * step;
  return floor + step;
}

}  // namespace

std::optional<RateWindows> parse_rate_windows(std::optional<std::string_view> limit,
                                              std::optional<std::string_view> usage) {
  if (!limit || !usage) return std::nullopt;
  const auto l = pair_of(*limit);
  const auto u = pair_of(*usage);
  if (!l || !u) return std::nullopt;
  return RateWindows{l->first, u->first, l->second, u->second};
}

std::int64_t next_quarter_hour_ms(std::int64_t now_ms) { return next_multiple(now_ms, kQuarterHourMs); }

std::int64_t next_utc_midnight_ms(std::int64_t now_ms) { return next_multiple(now_ms, kDayMs); }

std::optional<std::int64_t> rate_limited_until(const std::optional<RateWindows>& windows, bool throttled,
                                               std::int64_t now_ms) {
  if (windows && windows->daily_limit > 0 && windows->daily_left() == 0) return next_utc_midnight_ms(now_ms);
  if (windows && windows->short_limit > 0 && windows->short_left() == 0) return next_quarter_hour_ms(now_ms);
  if (throttled) return next_quarter_hour_ms(now_ms);
  return std::nullopt;
}

std::optional<std::int64_t> retry_after_ms(std::optional<std::string_view> value) {
  if (!value) return std::nullopt;
  const auto seconds = count(*value);
  if (!seconds || *seconds > 7 * 24 * 3600) return std::nullopt;
  return *seconds * 1000;
}

}  // namespace tendon::sync
