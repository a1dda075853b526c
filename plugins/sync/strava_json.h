#pragma once
// Strava API v3 answers (developers.strava.com/docs/reference): a page of
// /athlete/activities (SummaryActivity), /gear/{id} (DetailedGear) and /oauth/token.
// Pure functions over the body text, so the unit tests and the fuzzer reach them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tendon::sync {

struct StravaActivity {
  std::string id;                 // "1234567890"
  std::string sport;              // sport_type, else type ("Run", "TrailRun")
  std::int64_t start_ms = 0;      // start_date (UTC)
  std::optional<std::int32_t> utc_offset_s;
  double distance_m = 0;
  std::optional<double> moving_s;
  std::optional<double> elapsed_s;
  std::optional<double> ascent_m; // total_elevation_gain
  std::optional<double> avg_hr;
  std::string gear_id;            // "" none
  std::string device;             // device_name, "" none
};

struct StravaPage {
  std::vector<StravaActivity> activities;
  std::vector<std::string> skipped;  // one line per entry left out, and why
  std::string error;                 // non-empty: not a page at all
};

StravaPage parse_strava_activities(const std::string& body);

struct StravaGear {
  std::string id;
  std::string name;
  std::string brand;
  std::string model;
  int retired = -1;
};
std::optional<StravaGear> parse_strava_gear(const std::string& body);

struct StravaTokens {
  std::string access_token;
  std::string refresh_token;
  std::int64_t expires_at = 0;    // Unix seconds
};
// The answer of POST /oauth/token (either grant). nullopt when a token is missing.
std::optional<StravaTokens> parse_strava_tokens(const std::string& body);

}  // namespace tendon::sync
