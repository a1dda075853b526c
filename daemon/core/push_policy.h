#pragma once
// SPEC.md, "Alerts": an alert is pushed (desktop notification, webhook) only when its
// severity is at least the configured minimum and what it is about (the run, the check-in)
// happened within the last 72 hours (configurable: [push] max_age_hours). Older alerts (a
// bulk import of years) are stored and listed, never pushed. Every channel asks here, so
// they never disagree.
#include "alert.h"
#include "time.h"

namespace tendon {

inline constexpr Instant kDefaultPushWindowSeconds = 72 * 3600;

struct PushRule {
  Severity min_severity = Severity::warning;
  Instant max_age_s = kDefaultPushWindowSeconds;
};

// `at`: when the alert's subject happened (Alert::at). A subject dated in the future
// (a watch with a wrong clock) counts as recent.
bool should_push(Severity severity, Instant at, const PushRule& rule, Instant now);

inline bool should_push(const Alert& alert, const PushRule& rule, Instant now) {
  return should_push(alert.severity, alert.at, rule, now);
}

}  // namespace tendon
