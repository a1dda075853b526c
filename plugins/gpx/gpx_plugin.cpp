// The GPX plugin descriptor. Stateless (no init/shutdown), so every call may come from any
// thread at the same time: TENDON_PLUGIN_THREAD_SAFE.
#include "gpx_plugin.h"

#include "gpx_import.h"
#include "plugin_support.h"

namespace {

int probe(void* /*state*/, const uint8_t* head, size_t head_size) {
  try {
    return tendon::gpx::probe_gpx(head, head_size);
  } catch (...) {
    return 0;
  }
}

int import(void* /*state*/, const tendon_input* input, const tendon_sink* sink) {
  return tendon::xml::guarded_import(sink, [&] { return tendon::gpx::import_gpx(input, sink); });
}

const char* const kSuffixes[] = {".gpx", nullptr};

const tendon_importer kImporter = {
    sizeof(tendon_importer),
    "gpx",
    "GPS Exchange Format tracks (GPX 1.0/1.1, Garmin TrackPointExtension)",
    kSuffixes,
    probe,
    import,
    nullptr,  // probe_folder: files only
};

const tendon_importer* const kImporters[] = {&kImporter};

const tendon_plugin kPlugin = {
    sizeof(tendon_plugin),
    TENDON_PLUGIN_ABI_MAJOR,
    TENDON_PLUGIN_ABI_MINOR,
    "gpx",
    "1.0.0",
    TENDON_PLUGIN_THREAD_SAFE,
    nullptr,  // init: no state
    nullptr,  // shutdown
    kImporters,
    1,
    nullptr,  // sources: an importer only
    0,
};

}  // namespace

extern "C" const tendon_plugin* tendon_gpx_plugin(void) { return &kPlugin; }
