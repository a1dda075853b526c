#pragma once
// Alert.Test (`tendonctl alerts test`): a clearly marked test alert through every delivery
// channel tendond pushes to, and each channel's result, so a runner can check the setup
// before a real alert depends on it. Daemon-only: the offline CLI delivers nothing.
#include "control/method_table.h"
#include "service/service_context.h"

namespace tendon {

// `system_mode` decides the desktop channel's default ([desktop] notifications).
void register_alert_test_method(control::MethodTable& table, ServiceContext& ctx, bool system_mode);

}  // namespace tendon
