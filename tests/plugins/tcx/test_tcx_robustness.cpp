// Bad input for the TCX importer: wrong formats, entity attacks, truncation at every byte,
// read-callback inputs, cancellation.
#include <gtest/gtest.h>

#include <cmath>

#include "plugins/gpx/xml_import_harness.h"
#include "plugins/tcx/tcx_fixtures.h"
#include "tcx_plugin.h"

namespace tendon::test {
namespace {

ImportRun run(const std::string& doc) { return import_bytes(tendon_tcx_plugin(), doc); }

std::string data_file(const std::string& name) { return read_file(std::string(TENDON_TEST_DATA_DIR) + "/tcx/" + name); }

const std::string kOneRun = tcx(activities(activity("Running", lap(0, "60", "200", track(tp(0) + tp(60))))));

TEST(tcxBadInput, WrongFormats) {
  EXPECT_EQ(run("").status, TENDON_ERR_FORMAT);
  const ImportRun fit = run(std::string("\x0e\x10\x43\x08\x7b\x00\x00\x00.FIT\x00\x00", 14));
  EXPECT_EQ(fit.status, TENDON_ERR_FORMAT);
  EXPECT_TRUE(fit.reported(TENDON_LEVEL_ERROR, "not a TCX document (the content is a FIT file, not XML)"))
      << fit.dump();
  const ImportRun gpx = run("<?xml version=\"1.0\"?><gpx version=\"1.1\"><trk/></gpx>");
  EXPECT_EQ(gpx.status, TENDON_ERR_FORMAT);
  EXPECT_TRUE(gpx.reported(TENDON_LEVEL_ERROR, "not a TCX document (root element is <gpx>)")) << gpx.dump();
  EXPECT_EQ(run("[1, 2, 3]").status, TENDON_ERR_FORMAT);
}

TEST(tcxBadInput, LeadingWhitespaceAndBom) {
  EXPECT_EQ(run("          " + kOneRun).status, TENDON_OK);
  EXPECT_EQ(run("\xEF\xBB\xBF" + kOneRun).status, TENDON_OK);
  EXPECT_EQ(run("\xEF\xBB\xBF\r\n  " + kOneRun).status, TENDON_OK);
}

TEST(tcxBadInput, EntityAttacksAreRefused) {
  const ImportRun laughs =
      run("<?xml version=\"1.0\"?><!DOCTYPE TrainingCenterDatabase [<!ENTITY a \"aaaaaaaaaa\">"
          "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>" +
          kOneRun.substr(kOneRun.find("<TrainingCenterDatabase")));
  EXPECT_EQ(laughs.status, TENDON_ERR_FORMAT);
  EXPECT_TRUE(
      laughs.reported(TENDON_LEVEL_ERROR, "XML entity declarations are refused (possible entity-expansion attack)"))
      << laughs.dump();
  const ImportRun xxe = run("<!DOCTYPE x SYSTEM \"file:///etc/passwd\">" + kOneRun.substr(kOneRun.find("<Training")));
  EXPECT_EQ(xxe.status, TENDON_ERR_FORMAT);
}

TEST(tcxTruncated, EveryByteOffset) {
  for (const char* file : {"default-namespace-tpx.tcx", "multisport.tcx"}) {
    const std::string full = data_file(file);
    const ImportRun whole = run(full);
    ASSERT_EQ(whole.status, TENDON_OK) << file;
    std::size_t with_activity = 0;
    for (std::size_t cut = 0; cut < full.size(); ++cut) {
      const ImportRun r = run(full.substr(0, cut));
      ASSERT_TRUE(r.status == TENDON_OK || r.status == TENDON_ERR_FORMAT || r.status == TENDON_NOT_ACTIVITY)
          << file << " cut " << cut << ": " << r.dump();
      EXPECT_FALSE(r.status != TENDON_OK && r.reports.empty()) << file << " cut " << cut;
      if (r.status != TENDON_OK) continue;
      ++with_activity;
      ASSERT_LE(r.activities.size(), whole.activities.size());
      for (std::size_t i = 0; i < r.activities.size(); ++i) {
        const auto& part = r.activities[i].samples;
        const auto& all = whole.activities[i].samples;
        ASSERT_LE(part.size(), all.size()) << file << " cut " << cut;
        for (std::size_t k = 0; k < part.size(); ++k) {
          // A cut number never survives: every value read equals the whole file's.
          EXPECT_EQ(part[k].time_ms, all[k].time_ms) << file << " cut " << cut;
          EXPECT_TRUE(std::isnan(part[k].power_w) || part[k].power_w == all[k].power_w) << file << " cut " << cut;
          EXPECT_TRUE(std::isnan(part[k].heart_rate_bpm) || part[k].heart_rate_bpm == all[k].heart_rate_bpm);
          EXPECT_TRUE(std::isnan(part[k].distance_m) || part[k].distance_m == all[k].distance_m);
        }
      }
      if (cut + 1 < full.size()) {
        EXPECT_TRUE(r.reported(TENDON_LEVEL_WARNING, "cut short or broken")) << file << " cut " << cut;
      }
    }
    EXPECT_GT(with_activity, full.size() / 4) << file;
  }
}

TEST(tcxInput, ReadCallbackAndCancel) {
  const std::string doc = data_file("multisport.tcx");
  const ImportRun direct = run(doc);
  const ImportRun chunked = import_bytes(tendon_tcx_plugin(), doc, Feed::read_unknown_size, -1, 3);
  ASSERT_EQ(chunked.status, TENDON_OK);
  ASSERT_EQ(chunked.activities.size(), direct.activities.size());
  EXPECT_EQ(chunked.activities[2].distance_m, direct.activities[2].distance_m);
  EXPECT_EQ(import_bytes(tendon_tcx_plugin(), doc, Feed::read_failing).status, TENDON_ERR_IO);
  const ImportRun stopped = import_bytes(tendon_tcx_plugin(), doc, Feed::data, 2);
  EXPECT_EQ(stopped.status, TENDON_ERR_CANCELLED);
  EXPECT_EQ(stopped.activities.size(), 2u);
}

}  // namespace
}  // namespace tendon::test
