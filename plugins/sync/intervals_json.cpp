#include "intervals_json.h"

#include <algorithm>
#include <cstdlib>

#include "json_reading.h"
#include "xsd_datetime.h"

namespace tendon::sync {

namespace {

std::optional<double> non_negative(const std::optional<double>& value) {
  if (!value || *value < 0) return std::nullopt;
  return value;
}

std::optional<xml::DateTime> time_field(const rapidjson::Value& entry, const char* name) {
  const auto text = string_field(entry, name);
  return text ? xml::parse_xsd_datetime(*text) : std::nullopt;
}

}  // namespace

IntervalsList parse_intervals_activities(const std::string& body) {
  IntervalsList list;
  rapidjson::Document doc;
  if (!parse_json(body, doc, list.error)) return list;
  if (!doc.IsArray()) {
    list.error = "the activity list is not a JSON array";
    return list;
  }
  std::size_t index = 0;
  for (const auto& entry : doc.GetArray()) {
    ++index;
    const auto id = id_field(entry, "id");
    if (!id) {
      list.skipped.push_back("entry " + std::to_string(index) + ": no id");
      continue;
    }
    const auto utc = time_field(entry, "start_date");
    const auto local = time_field(entry, "start_date_local");
    if (!utc && !local) {
      list.skipped.push_back("activity " + *id + ": no valid start_date or start_date_local");
      continue;
    }
    IntervalsActivity a;
    a.id = *id;
    a.sport = string_field(entry, "type").value_or("");
    a.start_ms = utc ? utc->utc_ms : local->utc_ms;
    if (utc && local && local->zone == xml::ZoneKind::none) {
      const std::int64_t offset_s = (local->utc_ms - utc->utc_ms) / 1000;
      if (std::llabs(offset_s) <= 18 * 3600) a.utc_offset_s = static_cast<std::int32_t>(offset_s);
    }
    a.distance_m = non_negative(number_field(entry, "distance")).value_or(0);
    a.moving_s = non_negative(number_field(entry, "moving_time"));
    a.elapsed_s = non_negative(number_field(entry, "elapsed_time"));
    a.ascent_m = non_negative(number_field(entry, "total_elevation_gain"));
    a.avg_hr = number_field(entry, "average_heartrate");
    if (entry.IsObject()) {
      const auto gear = entry.FindMember("gear");
      if (gear != entry.MemberEnd()) a.gear_name = string_field(gear->value, "name").value_or("");
    }
    a.device = string_field(entry, "device_name").value_or("");
    a.has_file = string_field(entry, "file_type").has_value();
    list.activities.push_back(std::move(a));
  }
  std::stable_sort(list.activities.begin(), list.activities.end(),
                   [](const IntervalsActivity& x, const IntervalsActivity& y) { return x.start_ms < y.start_ms; });
  return list;
}

}  // namespace tendon::sync
