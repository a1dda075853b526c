#pragma once
// Printing a daemon's events as they come (watch, alerts --follow).
#include <functional>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "control/client.h"

namespace tendon::cli {

// Subscribes to `patterns` (empty: every event; docs/protocol.md, "Events").
void subscribe(control::Client& client, const std::vector<std::string>& patterns);

// Prints each event `keep` accepts as one line, flushed at once: event_line(), or with
// `json` the notification as one compact JSON line. Returns when the daemon closes the
// connection, after saying so on stderr; ends only by a signal otherwise.
void print_events(control::Client& client, bool json,
                  const std::function<bool(const rapidjson::Value& event)>& keep = nullptr);

}  // namespace tendon::cli
