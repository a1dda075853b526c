// The Garmin export plugin descriptor. Its state is the tendon_host (for import_nested);
// every import builds its own objects, so calls may run at once: TENDON_PLUGIN_THREAD_SAFE.
#include "garmin_plugin.h"

#include <cstddef>

#include "garmin_export_import.h"

namespace {

int init(const tendon_host* host, void** state) {
  if (host == nullptr || host->struct_size < offsetof(tendon_host, import_nested) + sizeof(host->import_nested) ||
      host->import_nested == nullptr) {
    if (host != nullptr && host->log != nullptr) {
      host->log(host->context, TENDON_LEVEL_ERROR, "the host cannot import nested files (needs ABI 1.1)");
    }
    return TENDON_ERR_INTERNAL;
  }
  *state = const_cast<tendon_host*>(host);
  return TENDON_OK;
}

int probe(void* /*state*/, const uint8_t* head, size_t head_size) {
  try {
    return tendon::garmin::probe_export_zip(head, head_size);
  } catch (...) {
    return 0;
  }
}

int probe_folder(void* /*state*/, int directory_fd) {
  try {
    return tendon::garmin::probe_export_folder(directory_fd);
  } catch (...) {
    return 0;
  }
}

int import(void* state, const tendon_input* input, const tendon_sink* sink) {
  try {
    return tendon::garmin::import_export(*static_cast<const tendon_host*>(state), input, sink);
  } catch (...) {
    return TENDON_ERR_INTERNAL;
  }
}

const char* const kSuffixes[] = {".zip", nullptr};

const tendon_importer kImporter = {
    sizeof(tendon_importer),
    "garmin-export",
    "Garmin Connect data export (the zip, or its unpacked folder)",
    kSuffixes,
    probe,
    import,
    probe_folder,
};

const tendon_importer* const kImporters[] = {&kImporter};

const tendon_plugin kPlugin = {
    sizeof(tendon_plugin),
    TENDON_PLUGIN_ABI_MAJOR,
    TENDON_PLUGIN_ABI_MINOR,
    "garmin-export",
    "1.0.0",
    TENDON_PLUGIN_THREAD_SAFE,
    init,
    nullptr,  // shutdown: the state is the host's
    kImporters,
    1,
    nullptr,  // sources: an importer only
    0,
};

}  // namespace

extern "C" const tendon_plugin* tendon_garmin_export_plugin(void) { return &kPlugin; }
