#pragma once
// What most handlers start and end with: the athlete and the instant the request is about,
// and a view's compact text handed over as the result without being parsed again.
#include <rapidjson/document.h>

#include <functional>
#include <string>

#include "control/method_table.h"
#include "service/service_context.h"

namespace tendon::service {

// A sync handler that needs only the params, checked to be an object first.
control::SyncHandler with_object_params(std::function<control::JsonText(const rapidjson::Value& params)> handler);

// The "athlete" param, else the config's first athlete; it must be known to the store
// (-32002 otherwise). The store also knows athletes a reload removed from the config:
// their history stays readable.
std::string stored_athlete(ServiceContext& ctx, const rapidjson::Value& params);
// The same, for what must be judged with the athlete's thresholds and zone: the athlete
// must also be in the current config (-32002 otherwise).
const AthleteConfig& configured_athlete(ServiceContext& ctx, const rapidjson::Value& params);

// The "now" param, else the context's clock.
Instant request_now(const ServiceContext& ctx, const rapidjson::Value& params);

// A compact view text (JsonStyle::compact: one line) as the result.
inline control::JsonText view_result(std::string compact_json) {
  return control::JsonText::raw(std::move(compact_json));
}

}  // namespace tendon::service
