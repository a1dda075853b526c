#pragma once
// The events tendond pushes to subscribed socket clients about the inbox: one per file
// (Import.Finished / Import.Failed) and one per alert it raised or withdrew.
#include "control/server.h"
#include "ingest/import_service.h"

namespace tendon {

// Publishes what `report` says (see docs/protocol.md, "Events"). Safe from any thread.
void publish_import_events(control::Server& server, const ImportReport& report);

}  // namespace tendon
