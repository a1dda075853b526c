// The importers compiled into Tendon (FIT, GPX, TCX, activity log, Strava, Garmin and Apple Health exports) and the
// platform sync sources (Strava API, intervals.icu), registered through the same descriptor path as a
// third-party tendon-*.so: the ABI is exercised by every import, not only by plugins.
#include <stdexcept>

#include "activity_log/activity_log_plugin.h"
#include "apple_health/health_plugin.h"
#include "fit/fit_plugin.h"
#include "garmin_export/garmin_plugin.h"
#include "gpx/gpx_plugin.h"
#include "plugin_host.h"
#include "strava_export/strava_plugin.h"
#include "sync/sync_plugin.h"
#include "tcx/tcx_plugin.h"

namespace tendon {

void register_builtin_plugins(PluginHost& host) {
  for (const tendon_plugin* plugin :
       {tendon_fit_plugin(), tendon_gpx_plugin(), tendon_tcx_plugin(), tendon_activity_log_plugin(),
        tendon_strava_export_plugin(), tendon_garmin_export_plugin(), tendon_apple_health_plugin(),
        tendon_sync_plugin()}) {
    // A built-in that fails validation is a bug in this build, not a user's problem.
    if (auto problem = host.add(plugin, "built-in")) throw std::logic_error(problem->line());
  }
}

}  // namespace tendon
