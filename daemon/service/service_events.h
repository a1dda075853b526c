#pragma once
// The events subscribers hear about imports and alerts (docs/protocol.md, "Events"): one
// Import.Finished / Import.Failed per file and one Alert.Raised / Alert.Withdrawn per alert.
// The same for a file from the inbox and one sent with Activity.Import.
#include <string>

#include "core/engine.h"
#include "ingest/import_service.h"
#include "service/service_context.h"

namespace tendon {

// Nothing happens when `publish` is empty. Safe from any thread when `publish` is.
void publish_import_events(const EventPublisher& publish, const ImportReport& report);
// The alerts a change other than an import (a check-in, a shoe) raised or withdrew.
void publish_alert_events(const EventPublisher& publish, const std::string& athlete, const AlertDiff& diff);

}  // namespace tendon
