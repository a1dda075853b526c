#pragma once
// The built-in FIT importer, reached like any plugin through include/tendon/plugin.h.
#include "tendon/plugin.h"

#ifdef __cplusplus
extern "C" {
#endif

const tendon_plugin* tendon_fit_plugin(void);  // the built-in FIT plugin's descriptor

#ifdef __cplusplus
}
#endif
