#pragma once
// The daemon's side of platform sync (docs/sync.md): Sync.Now and Sync.Login on the
// socket (daemon-only: the offline CLI has no worker), and how a sync commit is stored on
// the loop's thread, through the import service as an inbox file is.
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "control/method_table.h"
#include "ingest/import_service.h"
#include "service/service_context.h"
#include "sync/sync_worker.h"

namespace tendon {

void register_sync_methods(control::MethodTable& table, ServiceContext& ctx, SyncWorker& worker);

// Stores each piece for `athlete`, logs it as the inbox does and hands each report to
// `on_report` (socket events, the status line). Stops at the first piece the store
// refuses (earlier pieces stay; the next round brings the rest again).
StoredBatch store_synced_pieces(ServiceContext& ctx, const std::string& athlete, std::vector<NamedParse> pieces,
                                std::ostream& log, const std::function<void(const ImportReport&)>& on_report);

}  // namespace tendon
