// libFuzzer target for the platform sync parsers (plugins/sync): a Strava activity page,
// gear and token answer, an intervals.icu activity list and the rate-limit headers, all
// from the same bytes. Whatever a service (or someone in between) sends must never crash,
// and what is kept must hold its promises: an id on every activity, figures never
// negative, an offset within +-18 h, intervals' list sorted by start.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "intervals_json.h"
#include "rate_limit.h"
#include "strava_json.h"

namespace {

void require(bool ok) {
  if (!ok) std::abort();
}

template <typename A>
void check_activity(const A& a) {
  require(!a.id.empty());
  require(a.distance_m >= 0);
  require(!a.moving_s || *a.moving_s >= 0);
  require(!a.elapsed_s || *a.elapsed_s >= 0);
  require(!a.ascent_m || *a.ascent_m >= 0);
  require(!a.utc_offset_s || (*a.utc_offset_s >= -18 * 3600 && *a.utc_offset_s <= 18 * 3600));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string body(reinterpret_cast<const char*>(data), size);
  const auto page = tendon::sync::parse_strava_activities(body);
  require(page.error.empty() || page.activities.empty());
  for (const auto& a : page.activities) check_activity(a);
  const auto list = tendon::sync::parse_intervals_activities(body);
  for (std::size_t i = 0; i < list.activities.size(); ++i) {
    check_activity(list.activities[i]);
    if (i > 0) require(list.activities[i - 1].start_ms <= list.activities[i].start_ms);
  }
  if (const auto gear = tendon::sync::parse_strava_gear(body)) require(!gear->name.empty());
  if (const auto tokens = tendon::sync::parse_strava_tokens(body)) {
    require(!tokens->access_token.empty() && !tokens->refresh_token.empty() && tokens->expires_at >= 0);
  }
  // The headers: the first line as X-RateLimit-Limit, the rest as X-RateLimit-Usage.
  const auto newline = body.find('\n');
  const auto windows = tendon::sync::parse_rate_windows(body.substr(0, newline),
                                                        newline == std::string::npos ? "" : body.substr(newline + 1));
  if (windows) {
    require(windows->short_left() >= 0 && windows->daily_left() >= 0);
    const auto until = tendon::sync::rate_limited_until(windows, true, 1'700'000'000'000);
    require(until && *until > 1'700'000'000'000);
  }
  return 0;
}
