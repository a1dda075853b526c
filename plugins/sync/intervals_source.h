#pragma once
// The intervals.icu source (docs/sync.md): an API key (HTTP basic auth, user "API_KEY"),
// the athlete's activities listed by date, each one's original file downloaded when the
// service has it (so the FIT importer reads it), its summary otherwise.
#include "tendon/plugin.h"

namespace tendon::sync {

extern const tendon_source kIntervalsSource;

}  // namespace tendon::sync
