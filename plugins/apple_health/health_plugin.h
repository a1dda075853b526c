/* The built-in Apple Health importer, reached like any plugin through the descriptor of
 * include/tendon/plugin.h (ABI 1.1: route GPX files go back to the host with
 * import_nested; unpacked folders come through probe_folder): plugin id "apple-health",
 * one importer "apple-health" for ".zip" files, export folders and a bare export.xml. */
#ifndef TENDON_HEALTH_PLUGIN_H
#define TENDON_HEALTH_PLUGIN_H

#include "tendon/plugin.h"

#ifdef __cplusplus
extern "C" {
#endif

const tendon_plugin* tendon_apple_health_plugin(void);

#ifdef __cplusplus
}
#endif

#endif /* TENDON_HEALTH_PLUGIN_H */
