// Shoe.List, Shoe.Set, Shoe.Retire: an athlete's shoes, and the ones the config does not
// own changed by a client.
#include <algorithm>

#include "control/rpc_error.h"
#include "ingest/judgement_basis.h"
#include "service/handler_support.h"
#include "service/method_groups.h"
#include "service/params.h"
#include "service/service_events.h"
#include "service/shoe_facts.h"

namespace tendon::service {
namespace {

using control::invalid_params;

// The same bounds the config file has for a shoe.
constexpr double kMaxDropMm = 20;
constexpr double kMaxDistanceKm = 100000;

control::JsonText list_shoes(ServiceContext& ctx, const rapidjson::Value& params) {
  const std::string athlete = stored_athlete(ctx, params);
  return view_result(cli::shoe_list_json(athlete, shoe_facts(ctx, athlete), cli::JsonStyle::compact));
}

// The config writes its shoes over the store's at every start and reload: a change made
// here to one of them would silently come undone, so it is refused instead.
void refuse_configured(const ServiceContext& ctx, const AthleteConfig& athlete, const std::string& name) {
  const bool configured =
      std::any_of(athlete.shoes.begin(), athlete.shoes.end(), [&](const Shoe& s) { return s.name == name; });
  if (configured) {
    throw invalid_params("shoe '" + name + "' of " + athlete.name + " is set in the config file " +
                         ctx.config.file.string() + "; change it there");
  }
}

// Stores the shoe, judges the history again when what the detectors see changed (a drop,
// a limit), and answers with the shoe.
control::JsonText save(ServiceContext& ctx, const AthleteConfig& athlete, const Shoe& shoe, Instant now) {
  Store::Transaction tx(ctx.store);
  ctx.store.upsert_shoe(athlete.name, shoe);
  const AlertDiff diff = rejudge_if_basis_changed(ctx.store, ctx.config, athlete, now);
  tx.commit();
  publish_alert_events(ctx.publish, ctx.store, athlete.name, diff);
  return view_result(cli::shoe_json(shoe_facts(ctx, athlete.name, shoe), cli::JsonStyle::compact));
}

control::JsonText set_shoe(ServiceContext& ctx, const rapidjson::Value& params) {
  const std::string name = required_string(params, "name");
  const auto drop = optional_number(params, "drop_mm", 0, kMaxDropMm);
  const auto brand = optional_string(params, "brand");
  const auto model = optional_string(params, "model");
  const auto limit = optional_number(params, "limit_km", 0, kMaxDistanceKm, true);
  const AthleteConfig& athlete = configured_athlete(ctx, params);
  refuse_configured(ctx, athlete, name);

  Shoe shoe = ctx.store.shoe(athlete.name, name).value_or(Shoe{});
  shoe.name = name;
  if (brand) shoe.brand = *brand;
  if (model) shoe.model = *model;
  if (drop) shoe.drop_mm = *drop;
  ctx.catalogue.fill_drop(shoe);  // only when the drop is still unknown
  if (limit) {
    const double worn = shoe.worn_km.value_or(athlete.thresholds.mileage.worn_km);
    if (*limit < worn) {
      throw invalid_params("limit_km (" + number_text(*limit) + ") must not be below the worn limit (" +
                           number_text(worn) + " km)");
    }
    shoe.replace_km = *limit;
  }
  return save(ctx, athlete, shoe, request_now(ctx, params));
}

control::JsonText retire_shoe(ServiceContext& ctx, const rapidjson::Value& params) {
  const std::string name = required_string(params, "name");
  const bool retired = optional_bool(params, "retired", true);
  const AthleteConfig& athlete = configured_athlete(ctx, params);
  auto shoe = ctx.store.shoe(athlete.name, name);
  if (!shoe) throw control::not_found("no shoe '" + name + "' for " + athlete.name);
  refuse_configured(ctx, athlete, name);
  shoe->retired = retired;
  return save(ctx, athlete, *shoe, request_now(ctx, params));
}

}  // namespace

void register_shoe_methods(control::MethodTable& table, ServiceContext& ctx) {
  table.add({"Shoe.List", control::Tier::read, "An athlete's shoes: drop and where it came from, limit, distance run",
             R"j({"athlete":"string, optional (default: the config's first athlete)"})j"},
            with_object_params([&ctx](const rapidjson::Value& params) { return list_shoes(ctx, params); }));
  table.add(
      {"Shoe.Set", control::Tier::control, "Creates or changes a shoe the config does not define; returns the shoe",
       R"j({"athlete":"string, optional (default: the config's first athlete)","name":"string, required",
                 "drop_mm":"number 0-20, optional","brand":"string, optional","model":"string, optional",
                 "limit_km":"number > 0, optional: the replace limit"})j"},
      with_object_params([&ctx](const rapidjson::Value& params) { return set_shoe(ctx, params); }));
  table.add(
      {"Shoe.Retire", control::Tier::control, "Retires a shoe (or un-retires it with retired false); returns the shoe",
       R"j({"athlete":"string, optional (default: the config's first athlete)","name":"string, required",
                 "retired":"boolean, optional (default true)"})j"},
      with_object_params([&ctx](const rapidjson::Value& params) { return retire_shoe(ctx, params); }));
}

}  // namespace tendon::service
