// Bad input for the GPX importer: wrong formats, entity attacks, truncation at every byte,
// read-callback inputs, limits, cancellation, concurrent calls.
#include <gtest/gtest.h>

#include <cmath>
#include <thread>

#include "gpx_plugin.h"
#include "plugins/gpx/gpx_fixtures.h"
#include "plugins/gpx/xml_import_harness.h"

namespace tendon::test {
namespace {

ImportRun run(const std::string& doc, Feed feed = Feed::data) { return import_bytes(tendon_gpx_plugin(), doc, feed); }

std::string data_file(const std::string& name) { return read_file(std::string(TENDON_TEST_DATA_DIR) + "/gpx/" + name); }

bool same_sample(const tendon_sample& a, const tendon_sample& b) {
  const auto eq = [](double x, double y) { return (std::isnan(x) && std::isnan(y)) || x == y; };
  return a.time_ms == b.time_ms && eq(a.latitude_deg, b.latitude_deg) && eq(a.longitude_deg, b.longitude_deg) &&
         eq(a.altitude_m, b.altitude_m) && eq(a.heart_rate_bpm, b.heart_rate_bpm) && eq(a.cadence_spm, b.cadence_spm) &&
         eq(a.power_w, b.power_w) && eq(a.speed_m_s, b.speed_m_s);
}

TEST(gpxBadInput, EmptyAndBlank) {
  const ImportRun empty = run("");
  EXPECT_EQ(empty.status, TENDON_ERR_FORMAT);
  EXPECT_TRUE(empty.reported(TENDON_LEVEL_ERROR, "empty file")) << empty.dump();
  EXPECT_EQ(run("   \n\t  ").status, TENDON_ERR_FORMAT);
  EXPECT_EQ(run("\xEF\xBB\xBF").status, TENDON_ERR_FORMAT);
}

TEST(gpxBadInput, OtherFormatsBehindTheSuffix) {
  const ImportRun fit = run(std::string("\x0e\x10\x43\x08\x7b\x00\x00\x00.FIT\x00\x00\x40\x00", 16));
  EXPECT_EQ(fit.status, TENDON_ERR_FORMAT);
  EXPECT_TRUE(fit.reported(TENDON_LEVEL_ERROR, "not a GPX document (the content is a FIT file, not XML)"))
      << fit.dump();
  const ImportRun json = run("{\"type\": \"FeatureCollection\"}");
  EXPECT_EQ(json.status, TENDON_ERR_FORMAT);
  EXPECT_TRUE(json.reported(TENDON_LEVEL_ERROR, "not a GPX document (the content is not XML")) << json.dump();
  const ImportRun tcx =
      run("<?xml version=\"1.0\"?>\n<TrainingCenterDatabase xmlns=\"x\"><Activities/></TrainingCenterDatabase>");
  EXPECT_EQ(tcx.status, TENDON_ERR_FORMAT);
  EXPECT_TRUE(tcx.reported(TENDON_LEVEL_ERROR, "not a GPX document (root element is <TrainingCenterDatabase>)"))
      << tcx.dump();
  const ImportRun gz = run(std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00", 8));
  EXPECT_EQ(gz.status, TENDON_ERR_FORMAT);
  const ImportRun text = run("just some text");
  EXPECT_EQ(text.status, TENDON_ERR_FORMAT);
  EXPECT_EQ(run(std::string("\xFF\xFE<\0g\0p\0x\0>\0", 12)).status, TENDON_ERR_FORMAT);
}

TEST(gpxBadInput, RealFitFileFromTheCorpus) {
  TENDON_REQUIRE_SHARED();
  const ImportRun r = run(read_file(corpus_dir("fit") / "Activity.fit"));
  EXPECT_EQ(r.status, TENDON_ERR_FORMAT);
  EXPECT_TRUE(r.reported(TENDON_LEVEL_ERROR, "not a GPX document")) << r.dump();
}

TEST(gpxBadInput, BillionLaughsIsRefused) {
  std::string doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE gpx [\n <!ENTITY lol \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    doc += " <!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) doc += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
    doc += "\">\n";
  }
  doc += "]>\n" + gpx(trk("<type>&lol9;</type>" + seg(pt(0))), "");
  const ImportRun r = run(doc);
  EXPECT_EQ(r.status, TENDON_ERR_FORMAT);
  EXPECT_TRUE(r.reported(TENDON_LEVEL_ERROR, "XML entity declarations are refused (possible entity-expansion attack)"))
      << r.dump();
}

TEST(gpxBadInput, ExternalEntitiesAreRefused) {
  const ImportRun xxe = run("<?xml version=\"1.0\"?><!DOCTYPE gpx [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" +
                            gpx(trk("<type>&xxe;</type>" + seg(pt(0))), ""));
  EXPECT_EQ(xxe.status, TENDON_ERR_FORMAT);
  EXPECT_TRUE(xxe.reported(TENDON_LEVEL_ERROR, "refused")) << xxe.dump();
  const ImportRun dtd =
      run("<?xml version=\"1.0\"?><!DOCTYPE gpx SYSTEM \"http://example.com/evil.dtd\">" + gpx(trk(seg(pt(0))), ""));
  EXPECT_EQ(dtd.status, TENDON_ERR_FORMAT);
  EXPECT_TRUE(dtd.reported(TENDON_LEVEL_ERROR, "(SYSTEM or PUBLIC) are refused")) << dtd.dump();
  const ImportRun pub = run("<!DOCTYPE gpx PUBLIC \"-//A//B\" \"http://example.com/x.dtd\">" + gpx(trk(seg(pt(0)))));
  EXPECT_EQ(pub.status, TENDON_ERR_FORMAT);
}

TEST(gpxBadInput, HarmlessDoctypesAndUndefinedEntitiesAreRead) {
  const ImportRun plain = run("<?xml version=\"1.0\"?>\n<!DOCTYPE gpx>\n" + gpx(trk(seg(pt(0)), "Run &unknown;")));
  ASSERT_EQ(plain.status, TENDON_OK) << plain.dump();
  EXPECT_EQ(plain.activities[0].sport, "run_&unknown;");  // left as written, never expanded
}

TEST(gpxBadInput, DeepNestingDoesNotExhaustTheStack) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<x>";
  for (int i = 0; i < 100000; ++i) deep += "</x>";
  const ImportRun r = run(gpx(trk(seg(pt(0, 0, "<extensions>" + deep + "</extensions>") + pt(1, 2))) + deep));
  EXPECT_EQ(r.status, TENDON_OK) << r.dump();
}

TEST(gpxBadInput, HugeAndOddNumbers) {
  const std::string big(400, '9');
  const ImportRun r =
      run(gpx(trk(seg("<trkpt lat=\"" + big + "\" lon=\"1e308\"><time>2024-01-01T00:00:00Z</time><ele>" + big +
                      "</ele></trkpt><trkpt lat=\"0x10\" lon=\"-0\"><time>2024-01-01T00:00:01Z</time><ele>1E2</ele>"
                      "</trkpt>"))));
  ASSERT_EQ(r.status, TENDON_OK) << r.dump();
  const ActivityCopy& a = r.activities[0];
  EXPECT_TRUE(std::isnan(a.samples[0].latitude_deg));
  EXPECT_TRUE(std::isnan(a.samples[0].altitude_m));
  EXPECT_EQ(a.samples[1].altitude_m, 100);
  EXPECT_TRUE(std::isnan(a.samples[1].latitude_deg));  // "0x10" is not a decimal number
  EXPECT_TRUE(std::isnan(a.distance_m));               // no position at all: distance unknown
}

// The file cut at every byte: never a crash, never a cut number, and once the first
// points are complete, an activity with a warning.
TEST(gpxTruncated, EveryByteOffset) {
  const std::string full = data_file("strava-leading-spaces.gpx");
  const ImportRun whole = run(full);
  ASSERT_EQ(whole.status, TENDON_OK);
  const std::vector<tendon_sample>& all = whole.activities[0].samples;
  std::size_t previous = 0;
  std::size_t with_activity = 0;
  for (std::size_t cut = 0; cut < full.size(); ++cut) {
    const ImportRun r = run(full.substr(0, cut));
    ASSERT_TRUE(r.status == TENDON_OK || r.status == TENDON_ERR_FORMAT || r.status == TENDON_NOT_ACTIVITY)
        << "cut " << cut << ": " << r.dump();
    if (r.status != TENDON_OK) {
      EXPECT_FALSE(r.reports.empty()) << "cut " << cut;
      EXPECT_EQ(previous, 0u) << "cut " << cut << " lost an activity found at a shorter cut";
      continue;
    }
    ++with_activity;
    ASSERT_EQ(r.activities.size(), 1u);
    const auto& samples = r.activities[0].samples;
    ASSERT_LE(samples.size(), all.size());
    EXPECT_GE(samples.size(), previous) << "cut " << cut;
    previous = samples.size();
    for (std::size_t i = 0; i < samples.size(); ++i) {
      EXPECT_TRUE(same_sample(samples[i], all[i])) << "cut " << cut << ", point " << i;
    }
    if (cut + 1 < full.size()) {  // only the final newline missing is a whole document
      EXPECT_TRUE(r.reported(TENDON_LEVEL_WARNING, "the file is cut short or broken (XML error at byte "))
          << "cut " << cut << ": " << r.dump();
    }
  }
  EXPECT_GT(with_activity, full.size() / 3);
}

TEST(gpxTruncated, CutInsideANumberDropsThatPoint) {
  const std::string doc = gpx(trk(seg(pt(0, 0, "<ele>100</ele>") + pt(1, 3, "<ele>123.5</ele>"))));
  const std::string cut = doc.substr(0, doc.find("123.5") + 2);  // "...<ele>12"
  const ImportRun r = run(cut);
  ASSERT_EQ(r.status, TENDON_OK) << r.dump();
  ASSERT_EQ(r.activities[0].samples.size(), 1u);
  EXPECT_EQ(r.activities[0].samples[0].altitude_m, 100);
}

TEST(gpxTruncated, NothingUsableIsAFormatErrorWithTheXmlPosition) {
  const ImportRun r = run("<?xml version=\"1.0\"?>\n<gpx><trk><trkseg><trkpt lat=\"1\" lon");
  EXPECT_EQ(r.status, TENDON_ERR_FORMAT);
  EXPECT_TRUE(r.reported(TENDON_LEVEL_ERROR, "XML error at byte ")) << r.dump();
  const ImportRun garbage = run(gpx(trk(seg(pt(0) + pt(5, 10)))) + "<<<>>>");
  EXPECT_EQ(garbage.status, TENDON_OK) << garbage.dump();
  EXPECT_TRUE(garbage.reported(TENDON_LEVEL_WARNING, "cut short or broken")) << garbage.dump();
}

TEST(gpxInput, ReadCallbackGivesTheSameResult) {
  const std::string doc = data_file("two-tracks-segments.gpx");
  const ImportRun direct = run(doc);
  for (Feed feed : {Feed::read_known_size, Feed::read_unknown_size}) {
    for (std::size_t chunk : {std::size_t{1}, std::size_t{7}, std::size_t{4096}, std::size_t{0}}) {
      const ImportRun r = import_bytes(tendon_gpx_plugin(), doc, feed, -1, chunk);
      ASSERT_EQ(r.status, TENDON_OK) << r.dump();
      ASSERT_EQ(r.activities.size(), direct.activities.size());
      for (std::size_t i = 0; i < r.activities.size(); ++i) {
        EXPECT_EQ(r.activities[i].distance_m, direct.activities[i].distance_m);
        EXPECT_EQ(r.activities[i].samples.size(), direct.activities[i].samples.size());
      }
    }
  }
}

TEST(gpxInput, ReadFailureIsAnIoError) {
  const ImportRun r = import_bytes(tendon_gpx_plugin(), gpx(trk(seg(pt(0)))), Feed::read_failing);
  EXPECT_EQ(r.status, TENDON_ERR_IO);
  EXPECT_TRUE(r.reported(TENDON_LEVEL_ERROR, "reading the input failed")) << r.dump();
}

TEST(gpxInput, InputsOver512MiBAreRefusedBeforeReading) {
  ImportRun run_state;
  const char small[] = "<gpx/>";
  bool read_called = false;
  tendon_input input{};
  input.struct_size = sizeof input;
  input.size = (std::uint64_t{512} << 20) + 1;
  input.context = &read_called;
  input.read = [](void* ctx, std::uint8_t*, std::size_t) -> int64_t {
    *static_cast<bool*>(ctx) = true;
    return -1;
  };
  tendon_sink sink{sizeof(tendon_sink), &run_state, detail::on_emit, detail::on_report, nullptr};
  EXPECT_EQ(tendon_gpx_plugin()->importers[0]->import(nullptr, &input, &sink), TENDON_ERR_LIMIT);
  EXPECT_FALSE(read_called);
  input.data = reinterpret_cast<const std::uint8_t*>(small);  // claims 512 MiB + 1: never copied
  EXPECT_EQ(tendon_gpx_plugin()->importers[0]->import(nullptr, &input, &sink), TENDON_ERR_LIMIT);
  EXPECT_TRUE(run_state.reported(TENDON_LEVEL_ERROR, "larger than 512 MiB")) << run_state.dump();
}

TEST(gpxInput, SinkAskingToStopCancels) {
  const ImportRun r = import_bytes(tendon_gpx_plugin(), data_file("two-tracks-segments.gpx"), Feed::data, 1);
  EXPECT_EQ(r.status, TENDON_ERR_CANCELLED);
  EXPECT_EQ(r.activities.size(), 1u);
}

TEST(gpxInput, ShortSinkWithoutReportAndMissingSinkOrInput) {
  const std::string doc = gpx(trk(seg(pt(0) + pt(1, 2))));
  ImportRun state;
  tendon_input input{sizeof(tendon_input), "x",     reinterpret_cast<const std::uint8_t*>(doc.data()),
                     doc.size(),           nullptr, nullptr, -1};
  // A sink from an older host: struct_size ends before `report`.
  tendon_sink old_sink{static_cast<std::uint32_t>(offsetof(tendon_sink, report)), &state, detail::on_emit,
                       reinterpret_cast<void (*)(void*, tendon_level, const char*)>(0x1), nullptr};
  EXPECT_EQ(tendon_gpx_plugin()->importers[0]->import(nullptr, &input, &old_sink), TENDON_OK);
  EXPECT_EQ(state.activities.size(), 1u);
  EXPECT_EQ(tendon_gpx_plugin()->importers[0]->import(nullptr, &input, nullptr), TENDON_ERR_INTERNAL);
  tendon_sink sink{sizeof(tendon_sink), &state, detail::on_emit, detail::on_report, nullptr};
  EXPECT_EQ(tendon_gpx_plugin()->importers[0]->import(nullptr, nullptr, &sink), TENDON_ERR_INTERNAL);
  tendon_input neither{sizeof(tendon_input), "x", nullptr, 10, nullptr, nullptr, -1};
  EXPECT_EQ(tendon_gpx_plugin()->importers[0]->import(nullptr, &neither, &sink), TENDON_ERR_INTERNAL);
}

TEST(gpxInput, ConcurrentImportsAgree) {
  const std::string doc = data_file("two-tracks-segments.gpx");
  const ImportRun expected = run(doc);
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        const ImportRun r = import_bytes(tendon_gpx_plugin(), doc);
        if (r.status == TENDON_OK && r.activities.size() == expected.activities.size() &&
            r.activities[0].distance_m == expected.activities[0].distance_m) {
          ++ok[static_cast<std::size_t>(t)];
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int n : ok) EXPECT_EQ(n, 50);
}

}  // namespace
}  // namespace tendon::test
