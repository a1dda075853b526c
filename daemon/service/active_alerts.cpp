#include "service/active_alerts.h"

#include <algorithm>

namespace tendon::service {

bool is_active_at(const StoredAlert& alert, Instant now) {
  if (alert.state == AlertState::active) return true;
  return alert.state == AlertState::snoozed && alert.snoozed_until && *alert.snoozed_until <= now;
}

std::vector<StoredAlert> active_at(std::vector<StoredAlert> alerts, Instant now) {
  std::erase_if(alerts, [now](const StoredAlert& alert) { return !is_active_at(alert, now); });
  return alerts;
}

}  // namespace tendon::service
