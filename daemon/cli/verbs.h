#pragma once
// One function per tendonctl verb. Each returns the process exit code (exit_codes.h).
#include "invocation.h"

namespace tendon::cli {

int verb_import(Invocation& run);
int verb_status(Invocation& run);
int verb_runs(Invocation& run);
int verb_alerts(Invocation& run);
int verb_ack(Invocation& run);
int verb_snooze(Invocation& run);
int verb_plan(Invocation& run);
int verb_checkin(Invocation& run);
int verb_shoes(Invocation& run);
int verb_shoe(Invocation& run);
int verb_squad(Invocation& run);
int verb_watch(Invocation& run);
int verb_reload(Invocation& run);
int verb_sync(Invocation& run);

}  // namespace tendon::cli
