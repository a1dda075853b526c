#pragma once
// `tendonctl alerts test` for the desktop: one clearly marked test notification, sent on a
// connection of its own and waited for (at most `timeout`). Blocks: run it off the daemon's
// loop (ServiceContext::run_off_loop) or in the CLI.
#include <chrono>

#include "delivery/channel_test_result.h"

namespace tendon::desktop {

// channel "desktop"; detail "ok, notification 12", or the reason ("no session bus: ...",
// "no notification service on the session bus (...)").
ChannelTestResult send_test(std::chrono::milliseconds timeout = std::chrono::seconds(5));

}  // namespace tendon::desktop
