/* The built-in GPX importer (GPX 1.0 / 1.1 tracks with Garmin and other extensions),
 * reached like any plugin through the descriptor of include/tendon/plugin.h:
 * plugin id "gpx", one importer "gpx" for ".gpx" files (the host un-gzips .gpx.gz). */
#ifndef TENDON_GPX_PLUGIN_H
#define TENDON_GPX_PLUGIN_H

#include "tendon/plugin.h"

#ifdef __cplusplus
extern "C" {
#endif

const tendon_plugin* tendon_gpx_plugin(void);

#ifdef __cplusplus
}
#endif

#endif /* TENDON_GPX_PLUGIN_H */
