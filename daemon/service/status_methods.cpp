// Status.Get and Plan.Check: the figures to look at before the next run, and "would 18 km
// be a spike today?".
#include <cmath>

#include "core/status.h"
#include "ingest/athlete_engine.h"
#include "service/handler_support.h"
#include "service/method_groups.h"
#include "service/params.h"
#include "views/json_views.h"

namespace tendon::service {
namespace {

control::JsonText status(ServiceContext& ctx, const rapidjson::Value& params) {
  const AthleteConfig& athlete = configured_athlete(ctx, params);
  const Instant now = request_now(ctx, params);
  const auto engine = load_engine(ctx.store, athlete);
  const Status figures = compute_status(engine->timeline(), now);
  AlertQuery query;
  query.athlete = athlete.name;
  query.include_acknowledged = false;
  return view_result(
      cli::status_json(athlete.name, athlete.timezone, figures, ctx.store.list_alerts(query), cli::JsonStyle::compact));
}

control::JsonText plan(ServiceContext& ctx, const rapidjson::Value& params) {
  // Beyond 1000 km a "run" is a typo, and whole metres stay far from overflowing.
  constexpr double kMaxPlanMetres = 1e6;
  const auto metres = optional_number(params, "distance_m", 0, kMaxPlanMetres, true);
  if (!metres) throw control::invalid_params("distance_m is required (metres, a number above 0)");
  const AthleteConfig& athlete = configured_athlete(ctx, params);
  const Instant now = request_now(ctx, params);
  const auto engine = load_engine(ctx.store, athlete);
  const PlanCheck check = check_plan(engine->timeline(), now, static_cast<std::int64_t>(std::llround(*metres)));
  return view_result(cli::plan_json(athlete.name, check, cli::JsonStyle::compact));
}

}  // namespace

void register_status_methods(control::MethodTable& table, ServiceContext& ctx) {
  table.add(
      {"Status.Get", control::Tier::read,
       "An athlete's figures (30-day longest, safe ceiling, week vs last, ACWR, shoes), as tendonctl status --json",
       R"j({"athlete":"string, optional (default: the config's first athlete)","now":"RFC 3339 time, optional"})j"},
      with_object_params([&ctx](const rapidjson::Value& params) { return status(ctx, params); }));
  table.add({"Plan.Check", control::Tier::read, "Would a run of distance_m be a spike now? As tendonctl plan --json",
             R"j({"athlete":"string, optional (default: the config's first athlete)",
                 "distance_m":"number > 0, required","now":"RFC 3339 time, optional"})j"},
            with_object_params([&ctx](const rapidjson::Value& params) { return plan(ctx, params); }));
}

}  // namespace tendon::service
