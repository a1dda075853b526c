#include "push_policy.h"

namespace tendon {

bool should_push(Severity severity, Instant at, Severity min_severity, Instant now) {
  if (static_cast<int>(severity) < static_cast<int>(min_severity)) return false;
  return now - at <= kPushWindowSeconds;
}

}  // namespace tendon
