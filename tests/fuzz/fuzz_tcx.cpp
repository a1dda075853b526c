// libFuzzer target for the TCX importer, driven through its plugin descriptor like the
// host does (plugin_fuzz_harness.h); the ABI's promises are all TCX adds to the run.
#include <cstddef>
#include <cstdint>

#include "plugin_fuzz_harness.h"
#include "tcx_plugin.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tendon::fuzz::fuzz_plugin_import(tendon_tcx_plugin(), data, size);
  return 0;
}
