// Each round builds its own objects and keeps nothing between calls, so rounds of the two
// sources may run at once: TENDON_PLUGIN_THREAD_SAFE.
#include "sync_plugin.h"

#include "intervals_source.h"
#include "strava_source.h"
#include "tendon/version.h"

namespace {

const tendon_source* const kSources[] = {&tendon::sync::kStravaSource, &tendon::sync::kIntervalsSource};

const tendon_plugin kPlugin = {
    sizeof(tendon_plugin),
    TENDON_PLUGIN_ABI_MAJOR,
    TENDON_PLUGIN_ABI_MINOR,
    "platform-sync",
    TENDON_VERSION,
    TENDON_PLUGIN_THREAD_SAFE,
    nullptr,  // init: no state
    nullptr,  // shutdown
    nullptr,  // importers: sources only
    0,
    kSources,
    2,
};

}  // namespace

extern "C" const tendon_plugin* tendon_sync_plugin(void) { return &kPlugin; }
