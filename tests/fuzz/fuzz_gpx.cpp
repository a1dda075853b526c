// libFuzzer target for the GPX importer, driven through its plugin descriptor like the
// host does (plugin_fuzz_harness.h); the ABI's promises are all GPX adds to the run.
#include <cstddef>
#include <cstdint>

#include "gpx_plugin.h"
#include "plugin_fuzz_harness.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tendon::fuzz::fuzz_plugin_import(tendon_gpx_plugin(), data, size);
  return 0;
}
