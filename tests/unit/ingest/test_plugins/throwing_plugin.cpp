// A C++ plugin that breaks the ABI's rule: its import lets an exception escape. The host's
// try/catch wall must turn that into a failed import and a disabled plugin.
#include <stdexcept>

#include "tendon/plugin.h"

namespace {

int probe(void*, const std::uint8_t*, std::size_t) { return 100; }

int import(void*, const tendon_input*, const tendon_sink*) { throw std::runtime_error("parser bug"); }

const char* const kSuffixes[] = {".throws", nullptr};
const tendon_importer kImporter = {sizeof(tendon_importer), "test-throws", "throws from import", kSuffixes, probe,
                                   import,          nullptr};
const tendon_importer* const kImporters[] = {&kImporter};
const tendon_plugin kPlugin = {sizeof(tendon_plugin), TENDON_PLUGIN_ABI_MAJOR, TENDON_PLUGIN_ABI_MINOR, "test-throws",
                               "1.0", 0, nullptr, nullptr, kImporters, 1, nullptr, 0};

}  // namespace

extern "C" TENDON_PLUGIN_EXPORT const tendon_plugin* tendon_entry(void) { return &kPlugin; }
