// tendonctl import on watch files (FIT, GPX, TCX, gzipped or not): the real binary on a
// real database, with the corpus files and small files written here.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "binaries.h"
#include "support/process.h"

namespace tendon::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(TENDON_SHARED_DIR) / "corpus";

class CliImportFiles : public ::testing::Test {
 protected:
  CliImportFiles() {
    dir.write("tendon.toml", "database = \"" + dir / "t.db" + "\"\n[athletes.ana]\ntimezone = \"UTC\"\ninboxes = []\n");
  }

  ProcessResult tendonctl(std::vector<std::string> args) const {
    args.insert(args.begin(), {tendonctl_path(), "--offline", "--config", dir / "tendon.toml"});
    return run_process(args);
  }

  // `runs --json` parsed; every activity, running or not.
  rapidjson::Document runs() const {
    const auto r = tendonctl({"runs", "--all", "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    rapidjson::Document d;
    d.Parse(r.out.c_str());
    EXPECT_TRUE(d.IsArray()) << r.out;
    return d;
  }

  // The corpus file copied into the test folder (optionally under another name).
  std::string corpus_copy(const std::string& relative, const std::string& as = "") const {
    const fs::path to = dir.path() / (as.empty() ? fs::path(relative).filename().string() : as);
    fs::copy_file(kCorpus / relative, to, fs::copy_options::overwrite_existing);
    return to.string();
  }

  std::string gzip(const std::string& file) const {
    const auto r = run_process({"/bin/sh", "-c", "gzip -c '" + file + "' > '" + file + ".gz'"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return file + ".gz";
  }

  void SetUp() override {
    if (!fs::is_directory(kCorpus)) GTEST_SKIP() << "../shared/corpus is not beside the checkout";
  }

  TempDir dir;
};

rapidjson::Document parse_json(const std::string& text) {
  rapidjson::Document d;
  d.Parse(text.c_str());
  return d;
}

TEST_F(CliImportFiles, AFitRunArrivesWithItsSessionFigures) {
  const auto r = tendonctl({"import", "--json", corpus_copy("fit/garmin-forerunner-10.fit")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto report = parse_json(r.out);
  ASSERT_TRUE(report.IsArray());
  EXPECT_STREQ(report[0]["format"].GetString(), "fit");
  EXPECT_EQ(report[0]["imported"].GetInt(), 1);

  const auto all = runs();
  ASSERT_EQ(all.Size(), 1u);
  const auto& run = all[0];
  EXPECT_STREQ(run["start"].GetString(), "2013-06-13T03:56:35Z");
  EXPECT_STREQ(run["sport"].GetString(), "running");
  EXPECT_NEAR(run["distance_m"].GetDouble(), 10207.73, 0.5);
  EXPECT_NEAR(run["moving_s"].GetDouble(), 1499.417, 1);
  EXPECT_NEAR(run["elapsed_s"].GetDouble(), 1695.242, 1);
  EXPECT_STREQ(run["source"].GetString(), "fit");
}

TEST_F(CliImportFiles, TheSameFileRenamedOrGzippedIsRecognisedAsAlreadyImported) {
  const std::string fit = corpus_copy("fit/garmin-fenix-5-run.fit");
  ASSERT_EQ(tendonctl({"import", fit}).exit_code, 0);
  const std::string renamed = corpus_copy("fit/garmin-fenix-5-run.fit", "renamed.fit");
  const std::string zipped = gzip(fit);
  const auto again = tendonctl({"import", "--json", renamed, zipped});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  const auto report = parse_json(again.out);
  for (const auto& file : report.GetArray()) {
    EXPECT_EQ(file["imported"].GetInt(), 0);
    EXPECT_EQ(file["already_imported"].GetInt(), 1) << file["file"].GetString();
  }
  EXPECT_EQ(runs().Size(), 1u);
}

TEST_F(CliImportFiles, OneRunAsTcxAndAsFitIsStoredOnceWithTheFitFigures) {
  ASSERT_EQ(tendonctl({"import", corpus_copy("tcx/6860622783.tcx")}).exit_code, 0);
  const auto r = tendonctl({"import", "--json", corpus_copy("fit/6860622783.fit")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(parse_json(r.out)[0]["replaced"].GetInt(), 1) << r.out;
  const auto all = runs();
  ASSERT_EQ(all.Size(), 1u);
  EXPECT_STREQ(all[0]["source"].GetString(), "fit");
  EXPECT_STREQ(all[0]["sport"].GetString(), "treadmill_running");
  EXPECT_NEAR(all[0]["distance_m"].GetDouble(), 10630.37, 0.5);
}

TEST_F(CliImportFiles, EveryFormatOfTheCorpusImportsThroughOneCommand) {
  const auto r = tendonctl({"import", "--json", corpus_copy("tcx/test.tcx"),
                            corpus_copy("gpx/gpx_garmin_extensions.gpx"),
                            corpus_copy("fit/activity-small-fenix2-run.fit")});
  EXPECT_NE(r.exit_code, 1) << r.err;
  const auto report = parse_json(r.out);
  ASSERT_TRUE(report.IsArray()) << r.out;
  ASSERT_EQ(report.Size(), 3u);
  EXPECT_STREQ(report[0]["format"].GetString(), "tcx");
  EXPECT_STREQ(report[1]["format"].GetString(), "gpx");
  EXPECT_STREQ(report[2]["format"].GetString(), "fit");
  for (const auto& file : report.GetArray()) EXPECT_EQ(file["imported"].GetInt(), 1) << file["file"].GetString();
  const auto all = runs();
  bool found_tcx = false;
  for (const auto& run : all.GetArray()) {
    if (std::string(run["start"].GetString()) == "2012-12-26T21:29:53Z") {
      found_tcx = true;
      EXPECT_NEAR(run["distance_m"].GetDouble(), 4686.31, 0.5);
      EXPECT_STREQ(run["sport"].GetString(), "running");
    }
  }
  EXPECT_TRUE(found_tcx);
}

TEST_F(CliImportFiles, BrokenFilesFailWithOneLineEachAndNothingStoredIsLost) {
  ASSERT_EQ(tendonctl({"import", corpus_copy("fit/garmin-vivosmart-hr.fit")}).exit_code, 0);
  const std::string empty = corpus_copy("fit/empty-sessions.fit");
  const std::string bad_header = corpus_copy("fit/activity-settings-corruptheader.fit", "bad-header.fit");
  const std::string json_as_gpx = dir.write("not-really.gpx", "{\"hello\": 1}\n").string();
  const std::string bad_gz = corpus_copy("strava/malformed-export/activities/broken.fit.gz");
  const auto r = tendonctl({"import", empty, json_as_gpx, bad_gz});
  EXPECT_EQ(r.exit_code, 1) << "every file failed\n" << r.out << r.err;
  std::istringstream lines(r.err);
  std::string line;
  std::size_t count = 0;
  for (const std::string* file : {&empty, &json_as_gpx, &bad_gz}) {
    ASSERT_TRUE(std::getline(lines, line)) << r.err;
    EXPECT_EQ(line.rfind("tendonctl: " + *file + ": ", 0), 0u) << line;
    EXPECT_GT(line.size(), ("tendonctl: " + *file + ": ").size() + 5) << "a reason follows: " << line;
    ++count;
  }
  EXPECT_EQ(count, 3u);
  (void)bad_header;
  EXPECT_EQ(runs().Size(), 1u) << "the run stored before is still there";
}

TEST_F(CliImportFiles, FilesAreSniffedNotTrustedByName) {
  const auto r = tendonctl({"import", "--json", corpus_copy("fit/garmin-fenix-5-run.fit", "misnamed.gpx")});
  EXPECT_EQ(r.exit_code, 3) << "imported, with a word about the name\n" << r.out << r.err;
  const auto report = parse_json(r.out);
  EXPECT_STREQ(report[0]["format"].GetString(), "fit");
  EXPECT_EQ(report[0]["imported"].GetInt(), 1);
  EXPECT_NE(r.err.find("the content is fit although the name says otherwise"), std::string::npos) << r.err;
}

TEST_F(CliImportFiles, AFitSettingsFileIsSkippedWithWhatItIs) {
  const auto r = tendonctl({"import", corpus_copy("fit/Settings.fit")});
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  EXPECT_NE(r.out.find("skipped"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("settings"), std::string::npos) << r.out;
  EXPECT_EQ(runs().Size(), 0u);
}

TEST_F(CliImportFiles, AStravaGpxWithLeadingSpacesAndNoSportIsTakenAsARunByItsPace) {
  // 10 spaces before the declaration, as Strava writes; 2 km in 10 minutes, no <type>.
  std::string gpx = "          <?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<gpx version=\"1.1\" creator=\"StravaGPX\" xmlns=\"http://www.topografix.com/GPX/1/1\">"
                    "<trk><name>Morning</name><trkseg>";
  for (int i = 0; i <= 10; ++i) {
    // 0.0018 degrees of latitude is about 200 m.
    char point[200];
    std::snprintf(point, sizeof point, "<trkpt lat=\"%.4f\" lon=\"13.4000\"><time>2026-11-02T07:%02d:00Z</time></trkpt>",
                  52.5 + 0.0018 * i, i);
    gpx += point;
  }
  gpx += "</trkseg></trk></gpx>\n";
  const std::string file = dir.write("strava.gpx", gpx).string();
  const auto r = tendonctl({"import", "--json", file});
  EXPECT_EQ(r.exit_code, 3) << "imported with a note about the sport\n" << r.out << r.err;
  EXPECT_NE(r.err.find("taken as running"), std::string::npos) << r.err;
  const auto all = runs();
  ASSERT_EQ(all.Size(), 1u);
  EXPECT_STREQ(all[0]["sport"].GetString(), "running");
  EXPECT_NEAR(all[0]["distance_m"].GetDouble(), 2000, 25);
  EXPECT_STREQ(all[0]["start"].GetString(), "2026-11-02T07:00:00Z");
}

}  // namespace
}  // namespace tendon::testing
