// The example third-party plugin (plugins/examples, plain C99), loaded from a folder like
// any tendon-*.so and importing .runlog files.
#include <gtest/gtest.h>

#include "core/time.h"
#include "ingest/plugin_host.h"
#include "loader_fixture.h"

namespace tendon::test {
namespace {

class RunlogExampleTest : public PluginFolderTest {
 protected:
  void SetUp() override {
    PluginFolderTest::SetUp();
    install(TENDON_EXAMPLE_RUNLOG_PLUGIN, "tendon-example-runlog.so");
    const auto problems = host_.load_folder(folder());
    ASSERT_TRUE(problems.empty()) << problems.front().line();
  }
  PluginImport import(const std::string& text, const std::string& name = "week.runlog") {
    return host_.import(name, text);
  }
  PluginHost host_{log_.sink()};
};

Instant utc(const char* text) { return parse_iso8601(text).value().utc; }

TEST_F(RunlogExampleTest, IsListedWithItsSuffix) {
  const auto importers = host_.importers();
  ASSERT_EQ(importers.size(), 1u);
  EXPECT_EQ(importers[0].id, "example-runlog");
  EXPECT_EQ(importers[0].suffixes, (std::vector<std::string>{".runlog"}));
  EXPECT_EQ(importers[0].origin, (folder() / "tendon-example-runlog.so").string());
}

TEST_F(RunlogExampleTest, ImportsRunsAndReportsBadLines) {
  const PluginImport r = import(
      "# my week\n"
      "2026-11-02T07:00:00Z run 10.5km 58m\n"
      "\n"
      "2026-11-03T18:30:00+01:00 trail_run 8mi 1h05m30s\n"
      "2026-11-04T07:00:00Z run ten km\n"
      "   2026-11-05T06:00:00-08:00 Walk 800m\n");
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.importer_id, "example-runlog");
  ASSERT_EQ(r.activities.size(), 3u);

  const Activity& a = r.activities[0];
  EXPECT_EQ(a.start, utc("2026-11-02T07:00:00Z"));
  EXPECT_EQ(a.utc_offset_s, 0);
  EXPECT_EQ(a.sport, "running");
  EXPECT_DOUBLE_EQ(a.distance_m, 10'500);
  EXPECT_EQ(a.elapsed_s, 58 * 60);
  EXPECT_FALSE(a.moving_s);
  EXPECT_EQ(a.source_id, "2026-11-02T07:00:00Z");
  EXPECT_EQ(a.source_kind, SourceKind::summary);

  const Activity& b = r.activities[1];
  EXPECT_EQ(b.start, utc("2026-11-03T17:30:00Z"));
  EXPECT_EQ(b.utc_offset_s, 3600);
  EXPECT_EQ(b.sport, "trail_running");
  EXPECT_DOUBLE_EQ(b.distance_m, 8 * 1609.344);
  EXPECT_EQ(b.elapsed_s, 3600 + 5 * 60 + 30);

  const Activity& c = r.activities[2];
  EXPECT_EQ(c.start, utc("2026-11-05T14:00:00Z"));
  EXPECT_EQ(c.utc_offset_s, -8 * 3600);
  EXPECT_EQ(c.sport, "walking");
  EXPECT_DOUBLE_EQ(c.distance_m, 800);
  EXPECT_FALSE(c.elapsed_s);

  EXPECT_EQ(r.warnings, (std::vector<std::string>{
                            "line 5: the distance must be a number followed by km, mi or m (10.5km) (skipped)"}));
}

TEST_F(RunlogExampleTest, ExplainsEachKindOfBadLine) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"2026-11-02T07:00:00 run 10km", "the start has no time zone: end it with Z or an offset such as +01:00"},
      {"2026-02-30T07:00:00Z run 10km", "the start is not a valid date and time"},
      {"2026-11-02 run 10km", "the start must look like 2026-11-02T07:00:00Z"},
      {"2026-11-02T07:00:00Z", "the sport is missing (after the start)"},
      {"2026-11-02T07:00:00Z run", "the distance is missing (after the sport)"},
      {"2026-11-02T07:00:00Z run 10 km", "the distance's unit must be km, mi or m (10.5km)"},
      {"2026-11-02T07:00:00Z run 10km 58", "the duration must look like 58m, 1h05m or 45m30s"},
      {"2026-11-02T07:00:00Z run 10ft", "the distance's unit must be km, mi or m (10.5km)"},
      {"2026-11-02T07:00:00Z run 10km 5s3m", "the duration's parts must be h, m and s, in that order (1h05m30s)"},
      {"2026-11-02T07:00:00Z run 10km 50m extra", "unexpected text after the duration"},
      {"2026-11-02T07:00:00Z r\xc3\xbcn 10km", "the sport must be one word of letters, '_' or '-' (run, trail_run)"},
      {"2026-11-02T07:00:00Z run 99999999km", "the distance must be a number followed by km, mi or m (10.5km)"},
  };
  for (const auto& [line, reason] : cases) {
    const PluginImport r = import("2026-11-01T07:00:00Z run 5km\n" + line + "\n");
    EXPECT_EQ(r.activities.size(), 1u) << line;
    EXPECT_EQ(r.warnings, (std::vector<std::string>{"line 2: " + reason + " (skipped)"})) << line;
  }
}

TEST_F(RunlogExampleTest, AnActivityOutOfTheHostsBoundsIsDroppedByTheHost) {
  const PluginImport r = import("1985-06-01T07:00:00Z run 10km\n2026-11-02T07:00:00Z run 1200km\n2026-11-03T07:00:00Z run 5km\n");
  EXPECT_EQ(r.activities.size(), 1u);
  EXPECT_EQ(r.warnings, (std::vector<std::string>{"activity 1 dropped: start 1985-06-01T07:00:00Z is before 1990",
                                                  "activity 2 dropped: distance_m 1200000 is over 1000000"}));
}

TEST_F(RunlogExampleTest, SkipsOverlongLinesWithoutLosingTheNextOne) {
  const PluginImport r = import("2026-11-02T07:00:00Z run 10km " + std::string(5000, 'x') +
                                "\n2026-11-03T07:00:00Z run 5km\n");
  ASSERT_EQ(r.activities.size(), 1u);
  EXPECT_EQ(r.activities[0].distance_m, 5000);
  EXPECT_EQ(r.warnings, (std::vector<std::string>{"line 1: longer than 256 bytes (skipped)"}));
}

TEST_F(RunlogExampleTest, ReadsCrLfAndAMissingFinalNewline) {
  const PluginImport r = import("2026-11-02T07:00:00Z run 10km 58m\r\n2026-11-03T07:00:00Z run 5km");
  ASSERT_EQ(r.activities.size(), 2u) << joined(r.warnings);
  EXPECT_EQ(r.activities[0].elapsed_s, 58 * 60);
}

TEST_F(RunlogExampleTest, ReadsALargeFileAcrossChunks) {
  std::string text;
  for (int day = 0; day < 5000; ++day) {
    text += format_iso8601_utc(utc("2020-01-01T07:00:00Z") + day * 86'400) + " run 10km 50m\n";
  }
  const PluginImport r = import(text);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.activities.size(), 5000u);
  EXPECT_TRUE(r.warnings.empty());
}

TEST_F(RunlogExampleTest, AllBadLinesFailTheFile) {
  const PluginImport r = import("hello\nworld\n");
  EXPECT_EQ(r.status, TENDON_ERR_FORMAT);
  // "hello" does not start like a runlog: the probe says 0 and no importer takes it.
  EXPECT_EQ(r.error, "no importer recognises the content (the importer for its suffix, 'example-runlog', does not take it)");
  const PluginImport bad = import("# header\n2026-11-02T07:00:00Z run far\n2026-11-02T07:00:00Z\n");
  EXPECT_EQ(bad.status, TENDON_ERR_FORMAT);
  EXPECT_EQ(bad.error, "no readable run: all 2 lines were bad");
  EXPECT_EQ(bad.warnings.size(), 2u);
}

TEST_F(RunlogExampleTest, AFileWithoutRunsHoldsNoActivity) {
  const PluginImport r = import("# nothing this week\n\n");
  EXPECT_EQ(r.status, TENDON_NOT_ACTIVITY);
  EXPECT_EQ(r.error, "the file holds no run");
}

TEST_F(RunlogExampleTest, IsFoundByContentUnderAnotherName) {
  const PluginImport r = import("2026-11-02T07:00:00Z run 10km\n", "export.txt");
  EXPECT_EQ(r.importer_id, "example-runlog");
  EXPECT_EQ(r.activities.size(), 1u);
}

}  // namespace
}  // namespace tendon::test
