#pragma once
// One function per tendonctl verb. Each returns the process exit code (exit_codes.h).
#include "arguments.h"

namespace tendon::cli {

int verb_import(const Arguments& args);
int verb_status(const Arguments& args);
int verb_runs(const Arguments& args);
int verb_alerts(const Arguments& args);
int verb_ack(const Arguments& args);
int verb_snooze(const Arguments& args);
int verb_plan(const Arguments& args);
int verb_checkin(const Arguments& args);

}  // namespace tendon::cli
