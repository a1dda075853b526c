#include "push_policy.h"

namespace tendon {

bool should_push(Severity severity, Instant at, const PushRule& rule, Instant now) {
  if (static_cast<int>(severity) < static_cast<int>(rule.min_severity)) return false;
  return now - at <= rule.max_age_s;
}

}  // namespace tendon
