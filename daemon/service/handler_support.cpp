#include "service/handler_support.h"

#include <algorithm>

#include "control/rpc_error.h"
#include "service/params.h"

namespace tendon::service {

control::SyncHandler with_object_params(std::function<control::JsonText(const rapidjson::Value& params)> handler) {
  return [handler = std::move(handler)](const rapidjson::Value& params, const control::Caller&) {
    return handler(params_object(params));
  };
}

std::string stored_athlete(ServiceContext& ctx, const rapidjson::Value& params) {
  std::string name = optional_string(params, "athlete").value_or(ctx.config.default_athlete().name);
  const auto known = ctx.store.athletes();
  if (std::find(known.begin(), known.end(), name) == known.end()) throw control::not_found("no athlete '" + name + "'");
  return name;
}

const AthleteConfig& configured_athlete(ServiceContext& ctx, const rapidjson::Value& params) {
  const std::string name = stored_athlete(ctx, params);
  const AthleteConfig* athlete = ctx.config.athlete(name);
  if (athlete == nullptr) throw control::not_found("athlete '" + name + "' is no longer in the config");
  return *athlete;
}

Instant request_now(const ServiceContext& ctx, const rapidjson::Value& params) {
  if (const auto now = optional_time(params, "now")) return *now;
  return ctx.clock();
}

}  // namespace tendon::service
