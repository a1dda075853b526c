#pragma once
// `tendonctl alerts test`, webhook part: one direct attempt per configured endpoint with a
// clearly marked test alert (not through the outbox, never retried). Blocking; any thread.
#include <vector>

#include "config/config.h"
#include "delivery/channel_test_result.h"

namespace tendon {

// One result per endpoint, in config order: channel "webhook:NAME", ok for a 2xx answer,
// detail "HTTP 200 in 41 ms" or the reason. Never a secret.
std::vector<ChannelTestResult> send_test_webhooks(const Config& config);

}  // namespace tendon
