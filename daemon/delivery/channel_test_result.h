#pragma once
// What `tendonctl alerts test` reports per delivery channel: a test alert was sent through
// it, and how that went ("HTTP 200 in 41 ms", "no session bus: ...").
#include <string>

namespace tendon {

struct ChannelTestResult {
  std::string channel;  // "desktop", "webhook:NAME"
  bool ok = false;
  std::string detail;   // one line for a person; never a secret
};

}  // namespace tendon
