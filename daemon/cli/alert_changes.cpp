#include "alert_changes.h"

#include "json_read.h"

namespace tendon::cli {

AlertChanges::AlertChanges(Channel& channel) : channel_(channel) {
  look();
  raised_.clear();
  withdrawn_.clear();
}

void AlertChanges::look() {
  latest_ = channel_.call("Alert.List", R"({"all":true})");
  raised_.clear();
  withdrawn_.clear();
  for (const auto& alert : json_read::array(latest_, "alerts").GetArray()) {
    const std::int64_t id = json_read::integer(alert, "id");
    const std::string state = json_read::text(alert, "state");
    const auto before = states_.find(id);
    if (before == states_.end()) {
      if (state != "withdrawn") raised_.push_back(&alert);
    } else if (before->second != "withdrawn" && state == "withdrawn") {
      withdrawn_.push_back(&alert);
    }
    states_[id] = state;
  }
}

}  // namespace tendon::cli
