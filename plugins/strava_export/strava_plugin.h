/* The built-in Strava bulk-export importer, reached like any plugin through the
 * descriptor of include/tendon/plugin.h (ABI 1.1: it hands the activity files back to
 * the host with import_nested, describes shoes with tendon_sink.gear and reads unpacked
 * folders through probe_folder): plugin id "strava-export", one importer "strava-export"
 * for ".zip" files and export folders. */
#ifndef TENDON_STRAVA_PLUGIN_H
#define TENDON_STRAVA_PLUGIN_H

#include "tendon/plugin.h"

#ifdef __cplusplus
extern "C" {
#endif

const tendon_plugin* tendon_strava_export_plugin(void);

#ifdef __cplusplus
}
#endif

#endif /* TENDON_STRAVA_PLUGIN_H */
