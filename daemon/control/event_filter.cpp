#include "control/event_filter.h"

#include <algorithm>

namespace tendon::control {

bool event_matches(std::string_view pattern, std::string_view event) {
  if (pattern == "*" || pattern == event) return true;
  if (!pattern.empty() && (pattern.back() == '*' || pattern.back() == '.')) {
    if (pattern.back() == '*') pattern.remove_suffix(1);
    return event.substr(0, pattern.size()) == pattern;
  }
  // A namespace: "Alert" takes "Alert.Raised" but not "Alerting.X".
  return event.size() > pattern.size() && event.substr(0, pattern.size()) == pattern && event[pattern.size()] == '.';
}

void EventFilter::subscribe(std::vector<std::string> patterns) {
  if (patterns.empty()) patterns.emplace_back("*");
  std::sort(patterns.begin(), patterns.end());
  patterns.erase(std::unique(patterns.begin(), patterns.end()), patterns.end());
  patterns_ = std::move(patterns);
  subscribed_ = true;
}

bool EventFilter::wants(std::string_view event) const {
  if (!subscribed_) return false;
  return std::any_of(patterns_.begin(), patterns_.end(), [&](const std::string& p) { return event_matches(p, event); });
}

}  // namespace tendon::control
