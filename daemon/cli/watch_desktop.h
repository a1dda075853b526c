#pragma once
// tendonctl watch --desktop: a daemon running as a system service cannot reach a user's
// session bus, so this forwards the socket's alert events to the user's desktop with the
// very notifier tendond uses itself (daemon/delivery/desktop), and acknowledges over the
// socket when the runner chooses "Acknowledge".
#include "control/client.h"
#include "core/alert.h"

namespace tendon::cli {

// Runs until the daemon closes the connection (then returns kExitNotRunning, so that a unit
// with Restart=on-failure comes back with the daemon) or a signal ends the process.
int forward_alerts_to_desktop(control::Client& client, Severity min_severity);

}  // namespace tendon::cli
