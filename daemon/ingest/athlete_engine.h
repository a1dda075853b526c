#pragma once
// Builds an athlete's detector engine from what the store holds: runs, check-ins, shoes
// and the alerts already concluded (restored, not judged again).
#include <memory>

#include "config/config.h"
#include "core/engine.h"
#include "store/store.h"

namespace tendon {

std::unique_ptr<Engine> load_engine(Store& store, const AthleteConfig& athlete);

// Writes an engine's conclusions to the store: raised and updated alerts are upserted,
// withdrawn ones marked withdrawn, and the webhook deliveries of config.webhooks queued
// (alert_outbox.h). Call inside a Store::Transaction: alert and deliveries commit together.
void save_alert_diff(Store& store, const Config& config, const std::string& athlete, const AlertDiff& diff,
                     Instant now);

}  // namespace tendon
