// Checkin.Add: pain during / after a run and next-morning pain or stiffness, 0-10.
#include "control/rpc_error.h"
#include "ingest/athlete_engine.h"
#include "service/handler_support.h"
#include "service/method_groups.h"
#include "service/params.h"
#include "service/service_events.h"
#include "views/json_views.h"

namespace tendon::service {
namespace {

std::optional<int> score(const rapidjson::Value& params, const char* name) {
  const auto n = optional_integer(params, name, 0, 10);
  if (!n) return std::nullopt;
  return static_cast<int>(*n);
}

// The stored rows of alerts the engine just raised (they carry the ids a client acts on).
std::vector<StoredAlert> stored_rows_of(Store& store, const std::string& athlete, const std::vector<Alert>& raised) {
  AlertQuery query;
  query.athlete = athlete;
  std::vector<StoredAlert> rows;
  for (auto& row : store.list_alerts(query)) {
    for (const auto& alert : raised) {
      if (row.alert.key() == alert.key()) {
        rows.push_back(std::move(row));
        break;
      }
    }
  }
  return rows;
}

control::JsonText add_checkin(ServiceContext& ctx, const rapidjson::Value& params) {
  Checkin checkin;
  checkin.pain_during = score(params, "during");
  checkin.pain_after = score(params, "after");
  checkin.morning = score(params, "morning");
  if (!checkin.pain_during && !checkin.pain_after && !checkin.morning) {
    throw control::invalid_params("a check-in needs at least one of during, after, morning (0-10)");
  }
  const AthleteConfig& athlete = configured_athlete(ctx, params);
  const Instant now = request_now(ctx, params);
  checkin.athlete = athlete.name;
  checkin.at = optional_time(params, "at").value_or(now);
  const auto activity = optional_string(params, "activity");

  Store::Transaction tx(ctx.store);
  if (activity) {
    for (const auto& a : ctx.store.activities(athlete.name)) {
      if (a.source_id == *activity) checkin.activity_id = a.id;
    }
    if (!checkin.activity_id) throw control::not_found("no activity '" + *activity + "' for " + athlete.name);
  }
  auto engine = load_engine(ctx.store, athlete);
  checkin.id = ctx.store.insert_checkin(checkin);
  const AlertDiff diff = engine->add_checkins({checkin});
  save_alert_diff(ctx.store, ctx.config, athlete.name, diff, now);
  tx.commit();
  publish_alert_events(ctx.publish, ctx.store, athlete.name, diff);

  const auto raised = stored_rows_of(ctx.store, athlete.name, diff.raised);
  return control::JsonText::raw(R"({"id":)" + std::to_string(checkin.id) + R"(,"athlete":)" +
                                control::json_string(athlete.name) + R"(,"raised":)" +
                                cli::alerts_json(raised, cli::JsonStyle::compact) + "}");
}

}  // namespace

void register_checkin_methods(control::MethodTable& table, ServiceContext& ctx) {
  table.add({"Checkin.Add", control::Tier::control,
             "Records a pain / stiffness check-in (0-10) and returns the alerts it raised",
             R"j({"athlete":"string, optional (default: the config's first athlete)",
                 "during":"integer 0-10, optional","after":"integer 0-10, optional","morning":"integer 0-10, optional",
                 "at":"RFC 3339 time, optional (default: now)","activity":"string, optional: an activity's source id",
                 "now":"RFC 3339 time, optional"})j"},
            with_object_params([&ctx](const rapidjson::Value& params) { return add_checkin(ctx, params); }));
}

}  // namespace tendon::service
