#include "strava_json.h"

#include <cmath>

#include "json_reading.h"
#include "xsd_datetime.h"

namespace tendon::sync {

namespace {

// Strava sends utc_offset as a float number of seconds (3600.0).
std::optional<std::int32_t> offset_seconds(const rapidjson::Value& entry) {
  const auto offset = number_field(entry, "utc_offset");
  if (!offset || std::fabs(*offset) > 18 * 3600) return std::nullopt;
  return static_cast<std::int32_t>(std::lround(*offset));
}

std::optional<double> non_negative(const std::optional<double>& value) {
  if (!value || *value < 0) return std::nullopt;
  return value;
}

}  // namespace

StravaPage parse_strava_activities(const std::string& body) {
  StravaPage page;
  rapidjson::Document doc;
  if (!parse_json(body, doc, page.error)) return page;
  if (!doc.IsArray()) {
    page.error = "the activity list is not a JSON array";
    return page;
  }
  std::size_t index = 0;
  for (const auto& entry : doc.GetArray()) {
    ++index;
    const std::string label = "entry " + std::to_string(index);
    const auto id = id_field(entry, "id");
    if (!id) {
      page.skipped.push_back(label + ": no id");
      continue;
    }
    const auto start_text = string_field(entry, "start_date");
    const auto start = start_text ? xml::parse_xsd_datetime(*start_text) : std::nullopt;
    if (!start) {
      page.skipped.push_back("activity " + *id + ": no valid start_date");
      continue;
    }
    StravaActivity a;
    a.id = *id;
    a.sport = string_field(entry, "sport_type").value_or(string_field(entry, "type").value_or(""));
    a.start_ms = start->utc_ms;
    a.utc_offset_s = offset_seconds(entry);
    a.distance_m = non_negative(number_field(entry, "distance")).value_or(0);
    a.moving_s = non_negative(number_field(entry, "moving_time"));
    a.elapsed_s = non_negative(number_field(entry, "elapsed_time"));
    a.ascent_m = non_negative(number_field(entry, "total_elevation_gain"));
    a.avg_hr = number_field(entry, "average_heartrate");
    a.gear_id = string_field(entry, "gear_id").value_or("");
    a.device = string_field(entry, "device_name").value_or("");
    page.activities.push_back(std::move(a));
  }
  return page;
}

std::optional<StravaGear> parse_strava_gear(const std::string& body) {
  rapidjson::Document doc;
  std::string error;
  if (!parse_json(body, doc, error) || !doc.IsObject()) return std::nullopt;
  StravaGear gear;
  gear.id = id_field(doc, "id").value_or("");
  gear.name = string_field(doc, "name").value_or("");
  if (gear.name.empty()) return std::nullopt;
  gear.brand = string_field(doc, "brand_name").value_or("");
  gear.model = string_field(doc, "model_name").value_or("");
  if (const auto retired = bool_field(doc, "retired")) gear.retired = *retired ? 1 : 0;
  return gear;
}

std::optional<StravaTokens> parse_strava_tokens(const std::string& body) {
  rapidjson::Document doc;
  std::string error;
  if (!parse_json(body, doc, error) || !doc.IsObject()) return std::nullopt;
  StravaTokens tokens;
  tokens.access_token = string_field(doc, "access_token").value_or("");
  tokens.refresh_token = string_field(doc, "refresh_token").value_or("");
  const auto expires_at = number_field(doc, "expires_at");
  if (tokens.access_token.empty() || tokens.refresh_token.empty() || !expires_at) return std::nullopt;
  if (*expires_at < 0 || *expires_at > 1e11) return std::nullopt;  // no year-5000 expiry (and no overflow)
  tokens.expires_at = static_cast<std::int64_t>(*expires_at);
  return tokens;
}

}  // namespace tendon::sync
