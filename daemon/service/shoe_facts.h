#pragma once
// A stored shoe with what a client wants beside it: where its drop came from, the limit
// that applies to it, how far it has been run and when.
#include <string>
#include <vector>

#include "service/service_context.h"
#include "views/shoe_json.h"

namespace tendon::service {

// Every shoe of the athlete, by name.
std::vector<cli::ShoeFacts> shoe_facts(ServiceContext& ctx, const std::string& athlete);
// One shoe the store holds.
cli::ShoeFacts shoe_facts(ServiceContext& ctx, const std::string& athlete, const Shoe& shoe);

}  // namespace tendon::service
