#include "delivery/desktop/alert_event.h"

namespace tendon::desktop {
namespace {

std::optional<AlertChange> change_of(std::string_view event) {
  if (event == "Alert.Raised") return AlertChange::raised;
  if (event == "Alert.Updated") return AlertChange::updated;
  if (event == "Alert.Withdrawn") return AlertChange::withdrawn;
  return std::nullopt;
}

std::optional<std::string> string_member(const rapidjson::Value& params, const char* name) {
  const auto it = params.FindMember(name);
  if (it == params.MemberEnd() || !it->value.IsString()) return std::nullopt;
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

}  // namespace

std::optional<AlertEvent> parse_alert_event(std::string_view event, const rapidjson::Value& params) {
  const auto change = change_of(event);
  if (!change || !params.IsObject()) return std::nullopt;
  const auto id = params.FindMember("id");
  if (id == params.MemberEnd() || !id->value.IsInt64()) return std::nullopt;
  const auto severity_text = string_member(params, "severity");
  const auto at_text = string_member(params, "at");
  const auto kind = string_member(params, "kind");
  const auto message = string_member(params, "message");
  if (!severity_text || !at_text || !kind || !message) return std::nullopt;
  const auto severity = parse_severity(*severity_text);
  const auto at = parse_iso8601(*at_text);
  if (!severity || !at) return std::nullopt;

  AlertEvent e;
  e.change = *change;
  e.id = id->value.GetInt64();
  e.athlete = string_member(params, "athlete").value_or("");
  e.kind = *kind;
  e.category = string_member(params, "category").value_or("");
  e.severity = *severity;
  e.message = *message;
  e.at = at->utc;
  return e;
}

}  // namespace tendon::desktop
