/* The built-in TCX importer (Garmin Training Center Database v2 activities),
 * reached like any plugin through the descriptor of include/tendon/plugin.h:
 * plugin id "tcx", one importer "tcx" for ".tcx" files (the host un-gzips .tcx.gz). */
#ifndef TENDON_TCX_PLUGIN_H
#define TENDON_TCX_PLUGIN_H

#include "tendon/plugin.h"

#ifdef __cplusplus
extern "C" {
#endif

const tendon_plugin* tendon_tcx_plugin(void);

#ifdef __cplusplus
}
#endif

#endif /* TENDON_TCX_PLUGIN_H */
