#pragma once
// One line per control-socket event, for tendonctl watch and alerts --follow.
#include <string>

#include <rapidjson/document.h>

namespace tendon::cli {

// `event` is the whole notification {"method", "params"}. Human text with the local
// clock time in front; an event this version does not know is shown as its name and params.
std::string event_line(const rapidjson::Value& event);

}  // namespace tendon::cli
