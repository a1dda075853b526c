#pragma once
// Every method of the control-socket contract (docs/protocol.md, "Methods") on a method
// table: tendond's server registers them, and so does tendonctl's offline mode, in process.
#include "control/method_table.h"
#include "service/service_context.h"

namespace tendon {

// `ctx` must outlive the table's use; Daemon.Reload only when ctx.reload is set.
void register_service_methods(control::MethodTable& table, ServiceContext& ctx);

}  // namespace tendon
