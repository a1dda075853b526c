/* The built-in Garmin Connect export importer, reached like any plugin through the
 * descriptor of include/tendon/plugin.h (ABI 1.1: the uploaded FIT files go back to the
 * host with import_nested, shoes are described with tendon_sink.gear, unpacked folders
 * come through probe_folder): plugin id "garmin-export", one importer "garmin-export" for
 * ".zip" files and export folders. */
#ifndef TENDON_GARMIN_PLUGIN_H
#define TENDON_GARMIN_PLUGIN_H

#include "tendon/plugin.h"

#ifdef __cplusplus
extern "C" {
#endif

const tendon_plugin* tendon_garmin_export_plugin(void);

#ifdef __cplusplus
}
#endif

#endif /* TENDON_GARMIN_PLUGIN_H */
