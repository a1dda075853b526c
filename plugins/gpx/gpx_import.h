#pragma once
// The GPX importer behind the plugin ABI (gpx_plugin.h holds the descriptor).
//
// One activity per <trk> that has at least one timed point; several <trkseg>s of a track
// are one activity (no distance across the breaks), tracks without times, routes and
// waypoint files are TENDON_NOT_ACTIVITY. plugins/gpx/README.md lists every rule.
#include "tendon/plugin.h"

namespace tendon::gpx {

int import_gpx(const tendon_input* input, const tendon_sink* sink);

// probe(): 100 when the head shows a <gpx> root element (any prefix), 10 for XML whose
// root lies beyond the head, else 0.
int probe_gpx(const unsigned char* head, std::size_t size);

}  // namespace tendon::gpx
