#pragma once
// The methods tendond offers on its control socket beyond the server's built-ins: for now
// the read tier (Alert.List, Run.List), answered from the store on the loop's thread.
#include "config/config.h"
#include "control/server.h"
#include "store/store.h"

namespace tendon {

// `store` and `config` must outlive the server; `config` is read at each call, so a reload
// (which assigns the daemon's Config in place) is seen by the next request.
void register_control_methods(control::Server& server, Store& store, const Config& config);

}  // namespace tendon
