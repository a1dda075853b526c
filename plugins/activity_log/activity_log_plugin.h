#pragma once
// The activity log (JSON Lines / CSV) as a built-in plugin: the same C ABI descriptor a
// third-party tendon-*.so returns, so that the daemon reaches every format one way.
// Plugin id "activity-log"; importers "activity-log-jsonl" (.jsonl, .ndjson) and
// "activity-log-csv" (.csv).
#include "tendon/plugin.h"

#ifdef __cplusplus
extern "C" {
#endif

const tendon_plugin* tendon_activity_log_plugin(void);

#ifdef __cplusplus
}
#endif
