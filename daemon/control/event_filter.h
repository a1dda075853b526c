#pragma once
// Which events one client asked for (Events.Subscribe). A pattern is an event name
// ("Alert.Raised"), a namespace ("Alert" matches "Alert.Raised", "Alert.Withdrawn"), a
// prefix ending in '.' or '*' ("Import.*"), or "*" for everything.
#include <string>
#include <string_view>
#include <vector>

namespace tendon::control {

class EventFilter {
 public:
  // Empty `patterns` subscribe to everything.
  void subscribe(std::vector<std::string> patterns);
  void clear() { patterns_.clear(); subscribed_ = false; }

  bool subscribed() const { return subscribed_; }
  bool wants(std::string_view event) const;
  const std::vector<std::string>& patterns() const { return patterns_; }

 private:
  std::vector<std::string> patterns_;
  bool subscribed_ = false;
};

bool event_matches(std::string_view pattern, std::string_view event);

}  // namespace tendon::control
