// The GPX plugin descriptor and probe(), as the host validates and uses them.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "gpx_plugin.h"
#include "plugins/gpx/xml_import_harness.h"

namespace tendon::test {
namespace {

TEST(gpxDescriptor, IsAValidPlugin) {
  const tendon_plugin* p = tendon_gpx_plugin();
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p, tendon_gpx_plugin());  // one static descriptor
  EXPECT_EQ(p->struct_size, sizeof(tendon_plugin));
  EXPECT_EQ(p->abi_major, TENDON_PLUGIN_ABI_MAJOR);
  EXPECT_EQ(p->abi_minor, TENDON_PLUGIN_ABI_MINOR);
  EXPECT_STREQ(p->id, "gpx");
  ASSERT_NE(p->version, nullptr);
  EXPECT_GT(std::strlen(p->version), 0u);
  EXPECT_EQ(p->flags & TENDON_PLUGIN_THREAD_SAFE, TENDON_PLUGIN_THREAD_SAFE);
  EXPECT_EQ(p->init, nullptr);
  EXPECT_EQ(p->shutdown, nullptr);
  ASSERT_EQ(p->importer_count, 1u);
  const tendon_importer* imp = p->importers[0];
  ASSERT_NE(imp, nullptr);
  EXPECT_EQ(imp->struct_size, sizeof(tendon_importer));
  EXPECT_STREQ(imp->id, "gpx");
  ASSERT_NE(imp->description, nullptr);
  EXPECT_GT(std::strlen(imp->description), 0u);
  ASSERT_NE(imp->suffixes, nullptr);
  EXPECT_STREQ(imp->suffixes[0], ".gpx");
  EXPECT_EQ(imp->suffixes[1], nullptr);
  EXPECT_NE(imp->probe, nullptr);
  EXPECT_NE(imp->import, nullptr);
}

TEST(gpxProbe, CertainForAGpxRoot) {
  const tendon_plugin* p = tendon_gpx_plugin();
  EXPECT_EQ(probe_bytes(p, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"x\">"), 100);
  EXPECT_EQ(probe_bytes(p, "          <?xml version=\"1.0\"?>\n<gpx>"), 100);  // Strava's leading spaces
  EXPECT_EQ(probe_bytes(p, "\xEF\xBB\xBF<?xml version=\"1.0\"?><gpx>"), 100);
  EXPECT_EQ(probe_bytes(p, "<gpx xmlns=\"http://www.topografix.com/GPX/1/0\">"), 100);
  EXPECT_EQ(probe_bytes(p, "<?xml version=\"1.0\"?><!-- exported --><t:gpx xmlns:t=\"x\">"), 100);
}

TEST(gpxProbe, LowOrZeroForEverythingElse) {
  const tendon_plugin* p = tendon_gpx_plugin();
  EXPECT_EQ(probe_bytes(p, "<?xml version=\"1.0\"?><TrainingCenterDatabase>"), 0);
  EXPECT_EQ(probe_bytes(p, "<?xml version=\"1.0\"?><HealthData locale=\"en\">"), 0);
  EXPECT_EQ(probe_bytes(p, std::string("\x0e\x10\x43\x08\x00\x00\x00\x00.FIT", 12)), 0);
  EXPECT_EQ(probe_bytes(p, "{\"activities\": []}"), 0);
  EXPECT_EQ(probe_bytes(p, "id,start,sport\n"), 0);
  EXPECT_EQ(probe_bytes(p, ""), 0);
  // XML whose root is beyond the head: possibly ours, not certain.
  EXPECT_EQ(probe_bytes(p, "<?xml version=\"1.0\"?>\n<!-- " + std::string(5000, 'x')), 10);
}

TEST(gpxProbe, NeverReadsPastTheHead) {
  // Every prefix of a real head, in a buffer of exactly that size (ASan checks the rest).
  const std::string head = "\xEF\xBB\xBF   <?xml version=\"1.0\"?>\n<!DOCTYPE gpx>\n<!-- c -->\n<gpx version=\"1.1\">";
  for (std::size_t n = 0; n <= head.size(); ++n) {
    const std::vector<std::uint8_t> exact(head.begin(), head.begin() + static_cast<std::ptrdiff_t>(n));
    const int c = tendon_gpx_plugin()->importers[0]->probe(nullptr, exact.empty() ? nullptr : exact.data(), n);
    EXPECT_GE(c, 0);
    EXPECT_LE(c, 100);
    if (n == head.size()) {
      EXPECT_EQ(c, 100);
    }
  }
}

}  // namespace
}  // namespace tendon::test
