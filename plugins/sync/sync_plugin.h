#pragma once
// The built-in platform sync plugin: the Strava and intervals.icu sources (ABI 1.2),
// registered like any other plugin through its descriptor.
#include "tendon/plugin.h"

#ifdef __cplusplus
extern "C" {
#endif

const tendon_plugin* tendon_sync_plugin(void);

#ifdef __cplusplus
}
#endif
