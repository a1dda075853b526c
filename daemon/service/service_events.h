#pragma once
// The events subscribers hear about imports and alerts (docs/protocol.md, "Events"): one
// Import.Finished / Import.Failed per file and one Alert.Raised / Alert.Updated /
// Alert.Withdrawn per alert. The same for a file from the inbox and one sent with
// Activity.Import. Alert events carry what a notifier needs without asking back: the
// stored id (what Alert.Acknowledge takes), when the subject happened, and the figures.
#include <cstdint>
#include <string>

#include <rapidjson/document.h>

#include "core/engine.h"
#include "ingest/import_service.h"
#include "service/service_context.h"

namespace tendon {

// Nothing happens when `publish` is empty. Call after the transaction that stored the
// alerts committed: the stored ids are read from `store`. On the store's thread.
void publish_import_events(const EventPublisher& publish, Store& store, const ImportReport& report);
// The alerts a change other than an import (a check-in, a shoe) raised, updated or withdrew.
void publish_alert_events(const EventPublisher& publish, Store& store, const std::string& athlete,
                          const AlertDiff& diff);

// The params of one Alert.* event (`id`: the stored alert's id, 0 when unknown). Public
// so that every channel that sends "the socket's alert event" sends the same object.
rapidjson::Document alert_event_params(const std::string& athlete, std::int64_t id, const Alert& alert);

}  // namespace tendon
