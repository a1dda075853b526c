#include "strava_source.h"

#include <algorithm>
#include <charconv>
#include <map>

#include "rate_limit.h"
#include "source_round.h"
#include "strava_json.h"

namespace tendon::sync {

namespace {

constexpr const char* kDefaultBaseUrl = "https://www.strava.com";
constexpr int kDefaultPageSize = 100;  // Strava allows up to 200
constexpr std::int64_t kRefreshMarginMs = 5 * 60 * 1000;

std::optional<std::int64_t> integer(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size()) return std::nullopt;
  return value;
}

std::string without_trailing_slash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

// Why a round stops early. `status` is what poll returns.
struct Stop {
  int status = TENDON_OK;
};

// The API as one round sees it: tokens kept fresh, rate windows watched.
class StravaApi {
 public:
  explicit StravaApi(const SourceRound& round)
      : round_(round), base_(without_trailing_slash(round.setting("base_url").value_or(kDefaultBaseUrl))) {}

  // Exchanges an authorization code (tendonctl sync login) for tokens. False: reported.
  bool exchange_code(const std::string& code) {
    return request_tokens({{"grant_type", "authorization_code"}, {"code", code}}, "authorization code");
  }

  // Loads the stored tokens and refreshes them when they are about to expire.
  bool ready() {
    refresh_token_ = round_.secret("refresh_token").value_or("");
    access_token_ = round_.secret("access_token").value_or("");
    expires_at_ms_ = integer(round_.secret("expires_at")).value_or(0) * 1000;
    if (refresh_token_.empty()) {
      round_.report(TENDON_LEVEL_ERROR, "not connected to Strava: run `tendonctl sync login strava`");
      return false;
    }
    if (access_token_.empty() || expires_at_ms_ - kRefreshMarginMs <= round_.now_ms()) return refresh();
    return true;
  }

  // GET base/api/v3/<path>. nullopt: the round must stop (reported; `stop` says how).
  std::optional<HttpAnswer> get(const std::string& path, Stop& stop) {
    for (int attempt = 1;; ++attempt) {
      HttpAnswer answer = round_.get(base_ + "/api/v3" + path,
                                     {"Authorization: Bearer " + access_token_, "Accept: application/json"});
      if (answer.cancelled) {
        stop.status = TENDON_ERR_CANCELLED;
        return std::nullopt;
      }
      note_rate_windows(answer);
      if (answer.status == 401 && attempt == 1) {  // expired or revoked early: refresh once
        if (!refresh()) {
          stop.status = TENDON_ERR_IO;
          return std::nullopt;
        }
        continue;
      }
      if (answer.status == 429) {
        const std::int64_t until = rate_limited_until(windows_, true, round_.now_ms()).value_or(round_.now_ms());
        round_.defer_until(until);
        round_.report(TENDON_LEVEL_ERROR, "rate limited by Strava (HTTP 429); waiting for the window to reset");
        stop.status = TENDON_ERR_IO;
        return std::nullopt;
      }
      if (!answer.ok()) {
        round_.report(TENDON_LEVEL_ERROR, "GET " + path.substr(0, path.find('?')) + ": " + answer.summary());
        stop.status = TENDON_ERR_IO;
        return std::nullopt;
      }
      return answer;
    }
  }

  // The time the budget allows the next request, when it is spent.
  std::optional<std::int64_t> spent_until() const { return rate_limited_until(windows_, false, round_.now_ms()); }

 private:
  bool refresh() {
    return request_tokens({{"grant_type", "refresh_token"}, {"refresh_token", refresh_token_}}, "token refresh");
  }

  bool request_tokens(std::vector<std::pair<std::string, std::string>> fields, const std::string& what) {
    const auto client_id = round_.setting("client_id");
    const auto client_secret = round_.setting("client_secret");
    if (!client_id || !client_secret) {
      round_.report(TENDON_LEVEL_ERROR, "[sync.strava] needs client_id and client_secret for the " + what);
      return false;
    }
    fields.emplace_back("client_id", *client_id);
    fields.emplace_back("client_secret", *client_secret);
    const HttpAnswer answer = round_.post_form(base_ + "/oauth/token", fields);
    if (answer.cancelled) return false;
    note_rate_windows(answer);
    if (!answer.ok()) {
      round_.report(TENDON_LEVEL_ERROR, "Strava " + what + " failed: " + answer.summary());
      return false;
    }
    const auto tokens = parse_strava_tokens(answer.body);
    if (!tokens) {
      round_.report(TENDON_LEVEL_ERROR, "Strava " + what + ": the answer holds no tokens");
      return false;
    }
    if (!round_.store_secrets({{"access_token", tokens->access_token},
                               {"refresh_token", tokens->refresh_token},
                               {"expires_at", std::to_string(tokens->expires_at)}})) {
      round_.report(TENDON_LEVEL_ERROR, "cannot store the Strava tokens");
      return false;
    }
    access_token_ = tokens->access_token;
    refresh_token_ = tokens->refresh_token;
    expires_at_ms_ = tokens->expires_at * 1000;
    round_.report(TENDON_LEVEL_INFO, "Strava " + what + ": tokens stored");
    return true;
  }

  void note_rate_windows(const HttpAnswer& answer) {
    const auto windows = parse_rate_windows(answer.header("x-ratelimit-limit"), answer.header("x-ratelimit-usage"));
    if (!windows) return;
    windows_ = windows;
    round_.rate_budget(windows->short_left(), windows->daily_left());
  }

  const SourceRound& round_;
  std::string base_;
  std::string access_token_, refresh_token_;
  std::int64_t expires_at_ms_ = 0;
  std::optional<RateWindows> windows_;
};

// Brand and model of the shoes a page names, fetched once per round each.
class GearBook {
 public:
  // The gear's name for the activity ("" when it cannot be had); describes it once.
  // nullopt: the round must stop.
  std::optional<std::string> name_of(const std::string& gear_id, StravaApi& api, const SourceRound& round, Stop& stop) {
    if (gear_id.empty()) return std::string();
    if (const auto it = names_.find(gear_id); it != names_.end()) return it->second;
    const auto answer = api.get("/gear/" + gear_id, stop);
    if (!answer) return std::nullopt;
    const auto gear = parse_strava_gear(answer->body);
    if (!gear) {
      round.report(TENDON_LEVEL_WARNING, "gear " + gear_id + ": no usable description; the shoe is named by its id");
      return names_[gear_id] = gear_id;
    }
    round.gear(GearFields{gear->name, gear->brand, gear->model, gear->retired});
    return names_[gear_id] = gear->name;
  }

 private:
  std::map<std::string, std::string> names_;
};

int poll_strava(const SourceRound& round) {
  StravaApi api(round);
  if (const auto code = round.setting("login.code")) {
    if (!api.exchange_code(*code)) return TENDON_ERR_IO;
  }
  if (!api.ready()) return TENDON_ERR_IO;
  const int page_size = static_cast<int>(
      std::clamp<std::int64_t>(integer(round.setting("page_size")).value_or(kDefaultPageSize), 1, 200));
  // The cursor: the start (Unix seconds) of the newest activity stored.
  const std::int64_t after = integer(round.cursor()).value_or(round.backfill_from_ms() / 1000);
  std::int64_t newest = after;
  GearBook gear;
  Stop stop;
  for (int page = 1;; ++page) {
    const auto answer = api.get("/athlete/activities?after=" + std::to_string(after) + "&page=" +
                                    std::to_string(page) + "&per_page=" + std::to_string(page_size),
                                stop);
    if (!answer) return stop.status;
    const StravaPage parsed = parse_strava_activities(answer->body);
    if (!parsed.error.empty()) {
      round.report(TENDON_LEVEL_ERROR, "activities page " + std::to_string(page) + ": " + parsed.error);
      return TENDON_ERR_FORMAT;
    }
    for (const auto& line : parsed.skipped) round.report(TENDON_LEVEL_WARNING, line);
    for (const auto& a : parsed.activities) {
      const auto shoe = gear.name_of(a.gear_id, api, round, stop);
      if (!shoe) return stop.status;
      ActivityFields fields{"strava:" + a.id, a.sport,      a.start_ms, a.utc_offset_s, a.distance_m, a.elapsed_s,
                            a.moving_s,       a.ascent_m,   a.avg_hr,   *shoe,          a.device};
      if (!round.emit(fields)) return TENDON_ERR_CANCELLED;
      newest = std::max(newest, a.start_ms / 1000);
    }
    if (!round.commit(std::to_string(newest))) return TENDON_ERR_CANCELLED;
    if (static_cast<int>(parsed.activities.size() + parsed.skipped.size()) < page_size) return TENDON_OK;
    if (const auto until = api.spent_until()) {
      // More pages wait, but the budget is spent: the next round goes on from the cursor.
      round.defer_until(*until);
      round.report(TENDON_LEVEL_INFO, "Strava rate budget spent; the rest follows once the window resets");
      return TENDON_OK;
    }
  }
}

int poll(void* /*state*/, const tendon_source_round* round) {
  try {
    return poll_strava(SourceRound(round));
  } catch (...) {
    return TENDON_ERR_INTERNAL;
  }
}

}  // namespace

const tendon_source kStravaSource = {sizeof(tendon_source), "strava", "Strava API v3", poll};

}  // namespace tendon::sync
