#pragma once
// The plugin descriptor every account-export importer (Strava, Garmin Connect, Apple
// Health) has: one importer of `.zip` files and unpacked folders, whose state is the
// tendon_host (the files inside an export go back through host.import_nested), and whose
// entry points keep every exception on this side of the C ABI. Each export supplies its
// probes and its import; every import builds its own objects, so calls may run at once
// (TENDON_PLUGIN_THREAD_SAFE).
#include <cstddef>
#include <cstdint>

#include "tendon/plugin.h"

namespace tendon::archive {

using ProbeBytes = int (*)(const std::uint8_t* head, std::size_t size);
using ProbeFolder = int (*)(int directory_fd);
using ImportExport = int (*)(const tendon_host& host, const tendon_input* input, const tendon_sink* sink);

template <ProbeBytes probe_bytes, ProbeFolder probe_folder, ImportExport import_export>
struct ExportEntryPoints {
  static int init(const tendon_host* host, void** state) {
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

  static int probe(void* /*state*/, const std::uint8_t* head, std::size_t head_size) {
    try {
      return probe_bytes(head, head_size);
    } catch (...) {
      return 0;
    }
  }

  static int probe_directory(void* /*state*/, int directory_fd) {
    try {
      return probe_folder(directory_fd);
    } catch (...) {
      return 0;
    }
  }

  static int import(void* state, const tendon_input* input, const tendon_sink* sink) {
    try {
      return import_export(*static_cast<const tendon_host*>(state), input, sink);
    } catch (...) {
      return TENDON_ERR_INTERNAL;
    }
  }
};

// The plugin holding `importers` (one, an export's), named `id`.
constexpr tendon_plugin export_plugin(const char* id, int (*init)(const tendon_host*, void**),
                                     const tendon_importer* const* importers) {
  return tendon_plugin{
      sizeof(tendon_plugin),
      TENDON_PLUGIN_ABI_MAJOR,
      TENDON_PLUGIN_ABI_MINOR,
      id,
      "1.0.0",
      TENDON_PLUGIN_THREAD_SAFE,
      init,
      nullptr,  // shutdown: the state is the host's
      importers,
      1,
      nullptr,  // sources: an importer only
      0,
  };
}

}  // namespace tendon::archive
