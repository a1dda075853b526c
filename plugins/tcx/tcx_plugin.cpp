// The TCX plugin descriptor. Stateless (no init/shutdown), so every call may come from any
// thread at the same time: TENDON_PLUGIN_THREAD_SAFE.
#include "tcx_plugin.h"

#include "plugin_support.h"
#include "tcx_import.h"

namespace {

int probe(void* /*state*/, const uint8_t* head, size_t head_size) {
  try {
    return tendon::tcx::probe_tcx(head, head_size);
  } catch (...) {
    return 0;
  }
}

int import(void* /*state*/, const tendon_input* input, const tendon_sink* sink) {
  return tendon::xml::guarded_import(sink, [&] { return tendon::tcx::import_tcx(input, sink); });
}

const char* const kSuffixes[] = {".tcx", nullptr};

const tendon_importer kImporter = {
    sizeof(tendon_importer), "tcx", "Garmin Training Center Database v2 activities (TCX)", kSuffixes, probe, import,
    nullptr,  // probe_folder: files only
};

const tendon_importer* const kImporters[] = {&kImporter};

const tendon_plugin kPlugin = {
    sizeof(tendon_plugin),
    TENDON_PLUGIN_ABI_MAJOR,
    TENDON_PLUGIN_ABI_MINOR,
    "tcx",
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

extern "C" const tendon_plugin* tendon_tcx_plugin(void) { return &kPlugin; }
