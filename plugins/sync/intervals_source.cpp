#include "intervals_source.h"

#include <charconv>
#include <cstdio>

#include "intervals_json.h"
#include "rate_limit.h"
#include "source_round.h"
#include "xsd_datetime.h"

namespace tendon::sync {

namespace {

constexpr const char* kDefaultBaseUrl = "https://intervals.icu";
constexpr std::int64_t kDayMs = 24 * 3600 * 1000;
constexpr std::int64_t kDefaultRetryAfterMs = 60 * 1000;

std::optional<std::int64_t> integer(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size()) return std::nullopt;
  return value;
}

// "2026-05-08" (UTC) for the list's oldest= and newest=.
std::string utc_date(std::int64_t ms) {
  const std::int64_t days = (ms >= 0 ? ms : ms - kDayMs + 1) / kDayMs;
  // civil_from_days (H. Hinnant), the inverse of xml::days_from_civil.
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  char text[80];
  std::snprintf(text, sizeof text, "%04lld-%02lld-%02lld", static_cast<long long>(y), static_cast<long long>(m),
                static_cast<long long>(d));
  return text;
}

// What the downloaded original is, by its first bytes: FIT (".FIT" at offset 8) or gzip
// get ".fit" (the host unwraps gzip itself); anything else no suffix, so the importer
// surest of the content takes it.
std::string file_name_for(const std::string& id, const std::string& bytes) {
  const bool gzip = bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
                    static_cast<unsigned char>(bytes[1]) == 0x8b;
  const bool fit = bytes.size() >= 12 && bytes.compare(8, 4, ".FIT") == 0;
  return "intervals-" + id + (gzip || fit ? ".fit" : "");
}

class IntervalsApi {
 public:
  IntervalsApi(const SourceRound& round, std::string key)
      : round_(round),
        authorization_("Authorization: Basic " + base64("API_KEY:" + key)) {
    base_ = round.setting("base_url").value_or(kDefaultBaseUrl);
    while (!base_.empty() && base_.back() == '/') base_.pop_back();
  }

  // nullopt: the round stops with `status` (reported).
  std::optional<HttpAnswer> get(const std::string& path, int& status, bool missing_is_fine = false) {
    HttpAnswer answer = round_.get(base_ + "/api/v1" + path, {authorization_});
    if (answer.cancelled) {
      status = TENDON_ERR_CANCELLED;
      return std::nullopt;
    }
    if (answer.status == 429) {
      round_.defer_until(round_.now_ms() + retry_after_ms(answer.header("retry-after")).value_or(kDefaultRetryAfterMs));
      round_.report(TENDON_LEVEL_ERROR, "rate limited by intervals.icu (HTTP 429)");
      status = TENDON_ERR_IO;
      return std::nullopt;
    }
    if (missing_is_fine && answer.status == 404) return answer;
    if (!answer.ok()) {
      round_.report(TENDON_LEVEL_ERROR, "GET " + path.substr(0, path.find('?')) + ": " + answer.summary());
      status = TENDON_ERR_IO;
      return std::nullopt;
    }
    return answer;
  }

 private:
  const SourceRound& round_;
  std::string base_;
  std::string authorization_;
};

int poll_intervals(const SourceRound& round) {
  if (const auto key = round.setting("login.api_key")) {
    if (!round.store_secrets({{"api_key", *key}})) {
      round.report(TENDON_LEVEL_ERROR, "cannot store the intervals.icu API key");
      return TENDON_ERR_IO;
    }
  }
  const auto key = round.secret("api_key") ? round.secret("api_key") : round.setting("api_key");
  if (!key) {
    round.report(TENDON_LEVEL_ERROR, "no intervals.icu API key: set api_key_file in [sync.intervals] or run "
                                     "`tendonctl sync login intervals`");
    return TENDON_ERR_IO;
  }
  IntervalsApi api(round, *key);
  const std::string athlete = round.setting("athlete_id").value_or("0");  // 0: the key's own athlete
  // The cursor: the start (Unix ms) of the newest activity stored. The list is by local
  // date, so it is asked from a day earlier and what is not newer is left out.
  const std::int64_t after_ms = integer(round.cursor()).value_or(round.backfill_from_ms() - 1);
  int status = TENDON_OK;
  const auto answer = api.get("/athlete/" + athlete + "/activities?oldest=" + utc_date(after_ms - kDayMs) +
                                  "&newest=" + utc_date(round.now_ms() + kDayMs),
                              status);
  if (!answer) return status;
  const IntervalsList list = parse_intervals_activities(answer->body);
  if (!list.error.empty()) {
    round.report(TENDON_LEVEL_ERROR, "activity list: " + list.error);
    return TENDON_ERR_FORMAT;
  }
  for (const auto& line : list.skipped) round.report(TENDON_LEVEL_WARNING, line);
  for (const auto& a : list.activities) {
    if (a.start_ms <= after_ms) continue;
    bool handed_over = false;
    if (a.has_file) {
      const auto file = api.get("/activity/" + a.id + "/file", status, true);
      if (!file) return status;
      if (file->ok() && !file->body.empty()) {
        if (!round.emit_file(file_name_for(a.id, file->body), file->body)) return TENDON_ERR_CANCELLED;
        handed_over = true;
      }
    }
    if (!a.gear_name.empty()) round.gear(GearFields{a.gear_name, "", "", -1});
    if (!handed_over) {
      const ActivityFields fields{"intervals:" + a.id, a.sport,    a.start_ms, a.utc_offset_s, a.distance_m, a.elapsed_s,
                                  a.moving_s,          a.ascent_m, a.avg_hr,   a.gear_name,    a.device};
      if (!round.emit(fields)) return TENDON_ERR_CANCELLED;
    }
    // One commit per activity: a download that fails later costs nothing already stored.
    if (!round.commit(std::to_string(a.start_ms))) return TENDON_ERR_CANCELLED;
  }
  return TENDON_OK;
}

int poll(void* /*state*/, const tendon_source_round* round) {
  try {
    return poll_intervals(SourceRound(round));
  } catch (...) {
    return TENDON_ERR_INTERNAL;
  }
}

}  // namespace

const tendon_source kIntervalsSource = {sizeof(tendon_source), "intervals", "intervals.icu API", poll};

}  // namespace tendon::sync
