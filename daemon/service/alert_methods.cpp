// Alert.List, Alert.Acknowledge, Alert.Snooze: the alerts and what the runner did about them.
#include <limits>

#include "control/rpc_error.h"
#include "service/active_alerts.h"
#include "service/handler_support.h"
#include "service/method_groups.h"
#include "service/params.h"
#include "views/json_views.h"

namespace tendon::service {
namespace {

using control::invalid_params;
using control::JsonText;

JsonText list_alerts(ServiceContext& ctx, const rapidjson::Value& params) {
  AlertQuery query;
  // Unlike the other methods, no athlete means every athlete's alerts.
  if (has_param(params, "athlete")) query.athlete = stored_athlete(ctx, params);
  query.include_withdrawn = optional_bool(params, "all");
  query.min_severity = optional_severity(params, "min_severity");
  const bool active_only = optional_bool(params, "active_only");
  const Instant now = request_now(ctx, params);
  auto alerts = ctx.store.list_alerts(query);
  if (active_only) alerts = active_at(std::move(alerts), now);
  return view_result(cli::alerts_json(alerts, cli::JsonStyle::compact));
}

// Sets the state; a missing (or withdrawn) alert is -32002.
void set_state(ServiceContext& ctx, std::int64_t id, AlertState state, std::optional<Instant> until, Instant now) {
  if (!ctx.store.set_alert_state(id, state, until, now)) throw control::not_found("no alert " + std::to_string(id));
}

JsonText acknowledge(ServiceContext& ctx, const rapidjson::Value& params) {
  const std::int64_t id = required_id(params, "id");
  set_state(ctx, id, AlertState::acknowledged, std::nullopt, request_now(ctx, params));
  return JsonText::raw(R"({"id":)" + std::to_string(id) + R"(,"state":"acknowledged"})");
}

JsonText snooze(ServiceContext& ctx, const rapidjson::Value& params) {
  const std::int64_t id = required_id(params, "id");
  const Instant now = request_now(ctx, params);
  const auto until_param = optional_time(params, "until");
  // A century is far beyond any sensible snooze and keeps now + seconds from overflowing.
  constexpr std::int64_t kMaxSnoozeSeconds = 100 * 366 * kSecondsPerDay;
  const auto seconds = optional_integer(params, "seconds", 1, kMaxSnoozeSeconds);
  if (until_param && seconds) throw invalid_params("give until or seconds, not both");
  if (!until_param && !seconds)
    throw invalid_params("until (an RFC 3339 time) or seconds (an integer > 0) is required");
  const Instant until = until_param ? *until_param : now + *seconds;
  if (until <= now) throw invalid_params("until must be after now (" + format_iso8601_utc(now) + ")");
  set_state(ctx, id, AlertState::snoozed, until, now);
  return JsonText::raw(R"({"id":)" + std::to_string(id) + R"(,"state":"snoozed","until":)" +
                       control::json_string(format_iso8601_utc(until)) + "}");
}

}  // namespace

void register_alert_methods(control::MethodTable& table, ServiceContext& ctx) {
  table.add({"Alert.List", control::Tier::read,
             "The alerts, in the shape of tendonctl alerts --json: every athlete's unless athlete is given",
             R"j({"athlete":"string, optional (default: every athlete)","all":"boolean, optional: withdrawn ones too",
                 "min_severity":"info|warning|critical, optional",
                 "active_only":"boolean, optional: leave out acknowledged ones and ones snoozed past now",
                 "now":"RFC 3339 time, optional"})j"},
            with_object_params([&ctx](const rapidjson::Value& params) { return list_alerts(ctx, params); }));
  table.add({"Alert.Acknowledge", control::Tier::control, "Marks an alert acknowledged",
             R"j({"id":"integer, required","now":"RFC 3339 time, optional"})j"},
            with_object_params([&ctx](const rapidjson::Value& params) { return acknowledge(ctx, params); }));
  table.add({"Alert.Snooze", control::Tier::control, "Snoozes an alert until a time, or for a number of seconds",
             R"j({"id":"integer, required","until":"RFC 3339 time (or seconds)","seconds":"integer > 0 (or until)",
                 "now":"RFC 3339 time, optional"})j"},
            with_object_params([&ctx](const rapidjson::Value& params) { return snooze(ctx, params); }));
}

}  // namespace tendon::service
