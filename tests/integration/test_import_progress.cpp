// A big export through the real tendond: Activity.Import sends Import.Progress events for
// its import_id (monotonic, ending at files_total) and answers with the export's files;
// tendonctl import prints the summary; importing it again changes nothing.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <fstream>
#include <vector>

#include "binaries.h"
#include "control/client.h"
#include "running_daemon.h"
#include "support/generated_export.h"
#include "support/process.h"

namespace tendon::testing {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kRuns = 40;

class ImportProgressTest : public ::testing::Test {
 protected:
  ImportProgressTest() : socket(dir.path() / "s.sock") {
    dir.write("tendon.toml", "database = \"" + dir / "t.db" + "\"\n[athletes.ana]\ntimezone = \"UTC\"\ninboxes = []\n");
    GeneratedExportShape shape;
    shape.runs = kRuns;
    shape.sample_every_s = 60;
    std::ofstream(dir.path() / "export_1.zip", std::ios::binary) << generated_strava_export(shape);
    daemon = std::make_unique<RunningDaemon>(
        dir, std::vector<std::string>{"--config", dir / "tendon.toml", "--socket", socket.string()});
    EXPECT_TRUE(daemon->wait_for("ready")) << daemon->log();
  }

  ProcessResult tendonctl(std::vector<std::string> args) const {
    args.insert(args.begin(), {tendonctl_path(), "--socket", socket.string()});
    return run_process(args);
  }

  std::size_t stored_runs() const {
    const auto r = tendonctl({"runs", "--all", "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    rapidjson::Document d;
    d.Parse(r.out.c_str());
    return d.IsArray() ? d.Size() : 0;
  }

  TempDir dir;
  fs::path socket;
  std::unique_ptr<RunningDaemon> daemon;
};

std::uint64_t count(const rapidjson::Value& params, const char* name) {
  return params.HasMember(name) && params[name].IsUint64() ? params[name].GetUint64() : 0;
}

TEST_F(ImportProgressTest, ProgressEventsAreMonotonicAndEndAtTheTotal) {
  control::Client client = control::Client::connect(socket);
  client.call("Events.Subscribe", R"({"events":["Import.Progress"]})");
  const std::string params = R"({"path":")" + (dir.path() / "export_1.zip").string() + R"(","import_id":"big-1"})";
  const rapidjson::Document report = client.call("Activity.Import", params);
  ASSERT_TRUE(report["ok"].GetBool()) << daemon->log();
  EXPECT_EQ(report["imported"].GetInt(), static_cast<int>(kRuns));
  EXPECT_STREQ(report["import_id"].GetString(), "big-1");
  ASSERT_TRUE(report.HasMember("files"));
  EXPECT_EQ(report["files"]["read"].GetUint64(), kRuns);
  EXPECT_EQ(report["files"]["failed"].GetUint64(), 0u);

  // The last event is published before the answer, on the same connection: all are queued.
  std::vector<rapidjson::Document> events;
  while (client.has_queued_event()) events.push_back(*client.next_event());
  ASSERT_GE(events.size(), 2u) << "at least the first file's and the final one";
  std::uint64_t done = 0, activities = 0;
  for (const auto& e : events) {
    ASSERT_STREQ(e["method"].GetString(), "Import.Progress");
    const auto& p = e["params"];
    EXPECT_STREQ(p["import_id"].GetString(), "big-1");
    EXPECT_STREQ(p["file"].GetString(), (dir.path() / "export_1.zip").c_str());
    EXPECT_GE(count(p, "files_done"), done) << "files_done never goes back";
    EXPECT_GE(count(p, "activities"), activities);
    if (p.HasMember("files_total")) {
      EXPECT_LE(count(p, "files_done"), count(p, "files_total"));
    }
    done = count(p, "files_done");
    activities = count(p, "activities");
  }
  const auto& last = events.back()["params"];
  EXPECT_TRUE(last["final"].GetBool());
  EXPECT_EQ(count(last, "files_done"), kRuns);
  EXPECT_EQ(count(last, "files_total"), kRuns);
  EXPECT_EQ(count(last, "activities"), kRuns);
  EXPECT_FALSE(events.front()["params"]["final"].GetBool());
  EXPECT_EQ(count(events.front()["params"], "files_total"), kRuns) << "the total is known from the start";
}

TEST_F(ImportProgressTest, CliPrintsTheSummaryAndAReimportChangesNothing) {
  const std::string zip = (dir.path() / "export_1.zip").string();
  const auto first = tendonctl({"import", zip});
  ASSERT_EQ(first.exit_code, 0) << first.err << daemon->log();
  EXPECT_NE(first.out.find(std::to_string(kRuns) + " imported, 0 duplicates, 0 already imported"), std::string::npos)
      << first.out;
  EXPECT_NE(first.out.find(std::to_string(kRuns) + " files read: 0 skipped, 0 failed"), std::string::npos) << first.out;
  ASSERT_EQ(stored_runs(), kRuns);

  const auto again = tendonctl({"import", zip});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("0 imported, 0 duplicates, " + std::to_string(kRuns) + " already imported"), std::string::npos)
      << again.out;
  EXPECT_EQ(stored_runs(), kRuns) << "nothing changed";
}

}  // namespace
}  // namespace tendon::testing
