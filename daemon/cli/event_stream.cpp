#include "event_stream.h"

#include <iostream>

#include "event_text.h"
#include "json_params.h"
#include "json_read.h"

namespace tendon::cli {

void subscribe(control::Client& client, const std::vector<std::string>& patterns) {
  client.call("Events.Subscribe", JsonParams().set("events", patterns).text());
}

void print_events(control::Client& client, bool json, const std::function<bool(const rapidjson::Value& event)>& keep) {
  while (const auto event = client.next_event()) {
    if (keep && !keep(*event)) continue;
    std::cout << (json ? json_read::compact(*event) : event_line(*event)) << std::endl;  // flushed: a pipe reads it now
  }
  std::cerr << "tendonctl: tendond closed the connection\n";
}

}  // namespace tendon::cli
