// The TCX plugin descriptor and probe(), as the host validates and uses them.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "plugins/gpx/xml_import_harness.h"
#include "tcx_plugin.h"

namespace tendon::test {
namespace {

TEST(tcxDescriptor, IsAValidPlugin) {
  const tendon_plugin* p = tendon_tcx_plugin();
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->struct_size, sizeof(tendon_plugin));
  EXPECT_EQ(p->abi_major, TENDON_PLUGIN_ABI_MAJOR);
  EXPECT_EQ(p->abi_minor, TENDON_PLUGIN_ABI_MINOR);
  EXPECT_STREQ(p->id, "tcx");
  ASSERT_NE(p->version, nullptr);
  EXPECT_EQ(p->flags & TENDON_PLUGIN_THREAD_SAFE, TENDON_PLUGIN_THREAD_SAFE);
  ASSERT_EQ(p->importer_count, 1u);
  const tendon_importer* imp = p->importers[0];
  EXPECT_EQ(imp->struct_size, sizeof(tendon_importer));
  EXPECT_STREQ(imp->id, "tcx");
  EXPECT_GT(std::strlen(imp->description), 0u);
  EXPECT_STREQ(imp->suffixes[0], ".tcx");
  EXPECT_EQ(imp->suffixes[1], nullptr);
  EXPECT_NE(imp->probe, nullptr);
  EXPECT_NE(imp->import, nullptr);
}

TEST(tcxProbe, CertainForATrainingCenterDatabaseRoot) {
  const tendon_plugin* p = tendon_tcx_plugin();
  EXPECT_EQ(probe_bytes(p, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TrainingCenterDatabase\n  xsi:schemaLocation"),
            100);
  EXPECT_EQ(probe_bytes(p, "          <?xml version=\"1.0\"?><TrainingCenterDatabase xmlns=\"x\">"), 100);
  EXPECT_EQ(probe_bytes(p, "\xEF\xBB\xBF<TrainingCenterDatabase>"), 100);
  EXPECT_EQ(probe_bytes(p, "<tcd:TrainingCenterDatabase xmlns:tcd=\"x\">"), 100);
}

TEST(tcxProbe, LowOrZeroForEverythingElse) {
  const tendon_plugin* p = tendon_tcx_plugin();
  EXPECT_EQ(probe_bytes(p, "<?xml version=\"1.0\"?><gpx version=\"1.1\">"), 0);
  EXPECT_EQ(probe_bytes(p, std::string("\x0e\x10\x43\x08\x00\x00\x00\x00.FIT", 12)), 0);
  EXPECT_EQ(probe_bytes(p, "{}"), 0);
  EXPECT_EQ(probe_bytes(p, ""), 0);
  EXPECT_EQ(probe_bytes(p, "<?xml version=\"1.0\"?><!-- " + std::string(5000, '-')), 10);
  // Every prefix of a head, in an exactly sized buffer (ASan checks nothing past it is read).
  const std::string head = "  <?xml version=\"1.0\"?>\n<TrainingCenterDatabase xmlns=\"x\">";
  for (std::size_t n = 0; n <= head.size(); ++n) {
    const std::vector<std::uint8_t> exact(head.begin(), head.begin() + static_cast<std::ptrdiff_t>(n));
    const int c = p->importers[0]->probe(nullptr, exact.empty() ? nullptr : exact.data(), n);
    EXPECT_TRUE(c >= 0 && c <= 100);
  }
}

}  // namespace
}  // namespace tendon::test
