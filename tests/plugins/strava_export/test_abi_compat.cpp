// ABI 1.1 is additive: a plugin built against 1.0 (abi_minor 0, the shorter importer
// struct, no probe_folder, a sink it reads without gear) still loads and imports.
#include <gtest/gtest.h>

#include <cstddef>

#include "export_fixtures.h"

namespace tendon::testing {
namespace {

// tendon_importer as plugin.h 1.0 declared it.
struct Importer10 {
  std::uint32_t struct_size;
  const char* id;
  const char* description;
  const char* const* suffixes;
  int (*probe)(void*, const std::uint8_t*, std::size_t);
  int (*import)(void*, const tendon_input*, const tendon_sink*);
};
static_assert(sizeof(Importer10) == offsetof(tendon_importer, probe_folder));

std::uint32_t host_size_seen = 0;

int init10(const tendon_host* host, void** state) {
  host_size_seen = host->struct_size;
  *state = nullptr;
  return TENDON_OK;
}
int probe10(void*, const std::uint8_t*, std::size_t size) { return size > 0 ? 60 : 0; }
int import10(void*, const tendon_input* input, const tendon_sink* sink) {
  // Reads only the 1.0 fields of what the host hands over.
  if (input->size != 5) return TENDON_ERR_FORMAT;
  tendon_activity a{};
  a.struct_size = offsetof(tendon_activity, samples);  // an older, shorter activity is fine too
  a.sport = "running";
  a.start_ms = 1767340800000;
  a.distance_m = 8000;
  a.elapsed_s = a.timer_s = a.ascent_m = a.avg_heart_rate_bpm = TENDON_UNKNOWN;
  a.source_id = "one";
  return sink->emit(sink->context, &a) == 0 ? TENDON_OK : TENDON_ERR_CANCELLED;
}

const char* const kSuffixes[] = {".old10", nullptr};
const Importer10 kImporter = {sizeof(Importer10), "old10", "a 1.0 plugin", kSuffixes, probe10, import10};
const tendon_importer* const kImporters[] = {reinterpret_cast<const tendon_importer*>(&kImporter)};
const tendon_plugin kPlugin = {sizeof(tendon_plugin), 1, 0, "old10", "1", 0, init10, nullptr, kImporters, 1, nullptr, 0};

TEST(AbiCompat, APluginBuiltFor10StillLoadsAndImports) {
  PluginHost host([](std::string_view, tendon_level, std::string_view) {});
  register_builtin_plugins(host);
  const auto problem = host.add(&kPlugin, "test");
  ASSERT_FALSE(problem.has_value()) << problem->line();
  EXPECT_GE(host_size_seen, offsetof(tendon_host, import_nested)) << "the host hands over its own, longer struct";
  const PluginImport imported = host.import("run.old10", "hello");
  ASSERT_TRUE(imported.ok()) << imported.error;
  ASSERT_EQ(imported.activities.size(), 1u);
  EXPECT_DOUBLE_EQ(imported.activities[0].distance_m, 8000);
  // A folder is never handed to a 1.0 importer (it has no probe_folder).
  EXPECT_EQ(host.import_folder("x", -1).status, TENDON_ERR_FORMAT);
}

}  // namespace
}  // namespace tendon::testing
