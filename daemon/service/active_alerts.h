#pragma once
// "Active at now": neither acknowledged, withdrawn nor snoozed past now. The store lifts a
// snooze by its own clock; a request judged as of another instant ("now") decides here.
#include <vector>

#include "core/time.h"
#include "store/store.h"

namespace tendon::service {

bool is_active_at(const StoredAlert& alert, Instant now);
// Keeps the alerts active at `now`, in their order.
std::vector<StoredAlert> active_at(std::vector<StoredAlert> alerts, Instant now);

}  // namespace tendon::service
