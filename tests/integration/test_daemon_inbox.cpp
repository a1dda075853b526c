// The real tendond watching an inbox: files closed or moved in are imported, land in
// processed/ (or failed/ with a .reason), are imported once, and the daemon keeps serving.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "running_daemon.h"
#include "support/process.h"

namespace tendon::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(TENDON_SHARED_DIR) / "corpus";
const char* kCorpusFit = "fit/garmin-forerunner-10.fit";

std::string run_line(const std::string& id, const std::string& day, int metres) {
  return "{\"id\": \"" + id + "\", \"start\": \"2026-05-" + day + "T07:00:00Z\", \"sport\": \"running\", \"distance_m\": " +
         std::to_string(metres) + "}\n";
}

// `n` runs on consecutive days from 2010-01-01: a file big enough to be mid-import.
std::string many_runs(int n) {
  std::string text;
  for (int i = 0; i < n; ++i) {
    const std::chrono::year_month_day day{std::chrono::sys_days{std::chrono::year{2010} / 1 / 1} + std::chrono::days{i}};
    char start[32];
    std::snprintf(start, sizeof start, "%04d-%02u-%02uT07:00:00Z", static_cast<int>(day.year()),
                  static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
    text += "{\"id\": \"m" + std::to_string(i) + "\", \"start\": \"" + start +
            "\", \"sport\": \"running\", \"distance_m\": 5000}\n";
  }
  return text;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class DaemonInbox : public ::testing::Test {
 protected:
  DaemonInbox() : inbox(dir.path() / "inbox") {
    dir.write("tendon.toml", "database = \"" + dir / "t.db" + "\"\n[athletes.ana]\ntimezone = \"UTC\"\ninboxes = [\"" +
                                 inbox.string() + "\"]\n");
    fs::create_directories(inbox);
  }

  void start() {
    daemon = std::make_unique<RunningDaemon>(dir, std::vector<std::string>{"--config", dir / "tendon.toml"});
    ASSERT_TRUE(daemon->wait_for("ready")) << daemon->log();
  }

  // Written under a temporary name, then renamed in: the way a sync tool delivers.
  void deliver(const std::string& name, const std::string& text) const {
    const fs::path part = inbox / (name + ".part");
    std::ofstream(part, std::ios::binary) << text;
    fs::rename(part, inbox / name);
  }

  bool arrives_in(const std::string& folder, const std::string& name) const {
    return eventually([&] { return fs::exists(inbox / folder / name); });
  }

  // `runs --all --json` (no limit) of the CLI on the same database: how many activities are stored.
  std::size_t stored_runs() const {
    const auto r = run_process({tendonctl_path(), "--offline", "--config", dir / "tendon.toml", "runs", "--all", "--limit", "100000", "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    rapidjson::Document d;
    d.Parse(r.out.c_str());
    EXPECT_TRUE(d.IsArray()) << r.out;
    return d.IsArray() ? d.Size() : 0;
  }

  void stop_cleanly() {
    daemon->signal(SIGTERM);
    EXPECT_EQ(daemon->wait_exit(), 0) << daemon->log();
  }

  TempDir dir;
  fs::path inbox;
  std::unique_ptr<RunningDaemon> daemon;
};

TEST_F(DaemonInbox, AnActivityLogRenamedInIsImportedAndMovedToProcessed) {
  start();
  deliver("week.jsonl", run_line("r1", "04", 8000) + run_line("r2", "06", 10000));
  ASSERT_TRUE(arrives_in("processed", "week.jsonl")) << daemon->log();
  EXPECT_FALSE(fs::exists(inbox / "week.jsonl"));
  EXPECT_TRUE(daemon->wait_for("tendond: imported " + (inbox / "week.jsonl").string() + ": 2 imported"))
      << daemon->log();
  EXPECT_EQ(stored_runs(), 2u);
  stop_cleanly();
}

TEST_F(DaemonInbox, AFitFileCopiedInIsImported) {
  if (!fs::is_directory(kCorpus)) GTEST_SKIP() << "../shared/corpus is not beside the checkout";
  start();
  fs::copy_file(kCorpus / kCorpusFit, inbox / "run.fit");
  ASSERT_TRUE(arrives_in("processed", "run.fit")) << daemon->log();
  EXPECT_TRUE(daemon->wait_for("imported " + (inbox / "run.fit").string() + ": 1 imported")) << daemon->log();
  EXPECT_EQ(stored_runs(), 1u);

  // The same watch file again under another name: recognised by its content.
  fs::copy_file(kCorpus / kCorpusFit, inbox / "run-again.fit");
  ASSERT_TRUE(arrives_in("processed", "run-again.fit")) << daemon->log();
  EXPECT_TRUE(daemon->wait_for("run-again.fit: 0 imported, 0 duplicates, 1 already imported")) << daemon->log();
  EXPECT_EQ(stored_runs(), 1u);
  stop_cleanly();
}

TEST_F(DaemonInbox, ABrokenFileGoesToFailedWithItsReasonAndTheDaemonKeepsServing) {
  start();
  deliver("broken.jsonl", "{\"start\": \"nope\"}\n");
  ASSERT_TRUE(arrives_in("failed", "broken.jsonl.reason")) << daemon->log();
  EXPECT_TRUE(fs::exists(inbox / "failed/broken.jsonl"));
  const std::string reason = read(inbox / "failed/broken.jsonl.reason");
  const std::string first_line = reason.substr(0, reason.find('\n'));
  EXPECT_FALSE(first_line.empty()) << reason;
  EXPECT_NE(daemon->log().find("tendond: failed " + (inbox / "broken.jsonl").string() + ": " + first_line),
            std::string::npos)
      << daemon->log() << "\nreason file:\n" << reason;

  std::ofstream(inbox / "garbage.fit", std::ios::binary) << "this is not a FIT file at all";
  ASSERT_TRUE(arrives_in("failed", "garbage.fit.reason")) << daemon->log();
  EXPECT_FALSE(read(inbox / "failed/garbage.fit.reason").empty());

  // Another broken file under the same name: numbered, the first one kept.
  deliver("broken.jsonl", "not json either\n");
  ASSERT_TRUE(arrives_in("failed", "broken-1.jsonl.reason")) << daemon->log();
  EXPECT_EQ(read(inbox / "failed/broken.jsonl.reason"), reason);

  deliver("good.jsonl", run_line("g1", "05", 7000));
  ASSERT_TRUE(arrives_in("processed", "good.jsonl")) << daemon->log();
  EXPECT_EQ(stored_runs(), 1u);
  stop_cleanly();
}

TEST_F(DaemonInbox, TheSameContentTwiceIsImportedOnce) {
  start();
  const std::string log = run_line("s1", "04", 9000);
  deliver("first.jsonl", log);
  ASSERT_TRUE(arrives_in("processed", "first.jsonl")) << daemon->log();
  deliver("second.jsonl", log);
  ASSERT_TRUE(arrives_in("processed", "second.jsonl")) << daemon->log();
  EXPECT_TRUE(daemon->wait_for("second.jsonl: 0 imported, 0 duplicates, 1 already imported")) << daemon->log();
  EXPECT_EQ(stored_runs(), 1u);

  // Delivered again under a name processed/ already holds: numbered, nothing overwritten.
  deliver("first.jsonl", log);
  ASSERT_TRUE(arrives_in("processed", "first-1.jsonl")) << daemon->log();
  EXPECT_EQ(stored_runs(), 1u);
  stop_cleanly();
}

TEST_F(DaemonInbox, FilesThatArrivedWhileTheDaemonWasDownAreImportedAtStart) {
  std::ofstream(inbox / "early.jsonl", std::ios::binary) << run_line("e1", "04", 5000);
  std::ofstream(inbox / "later.jsonl", std::ios::binary) << run_line("e2", "05", 6000);
  start();
  ASSERT_TRUE(arrives_in("processed", "early.jsonl")) << daemon->log();
  ASSERT_TRUE(arrives_in("processed", "later.jsonl")) << daemon->log();
  EXPECT_EQ(stored_runs(), 2u);
  stop_cleanly();
}

TEST_F(DaemonInbox, AFileWrittenSlowlyIsImportedOnceAndWhole) {
  start();
  const std::string text = run_line("w1", "04", 5000) + run_line("w2", "05", 6000);
  const fs::path file = inbox / "slow.jsonl";
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  ASSERT_GE(fd, 0);
  const std::size_t half = text.size() / 2;  // mid-record: a half file would fail or lose a run
  ASSERT_EQ(::write(fd, text.data(), half), static_cast<ssize_t>(half));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_TRUE(fs::exists(file)) << "taken while still open for writing\n" << daemon->log();
  ASSERT_EQ(::write(fd, text.data() + half, text.size() - half), static_cast<ssize_t>(text.size() - half));
  ::close(fd);

  ASSERT_TRUE(arrives_in("processed", "slow.jsonl")) << daemon->log();
  EXPECT_TRUE(daemon->wait_for("slow.jsonl: 2 imported")) << daemon->log();
  EXPECT_EQ(count(daemon->log(), "slow.jsonl:"), 1u) << daemon->log();
  EXPECT_EQ(stored_runs(), 2u);
  stop_cleanly();
}

TEST_F(DaemonInbox, HiddenAndPartialFilesAreLeftAlone) {
  std::ofstream(inbox / ".hidden.jsonl", std::ios::binary) << run_line("h1", "04", 5000);
  std::ofstream(inbox / "download.jsonl.crdownload", std::ios::binary) << run_line("h2", "05", 5000);
  start();
  std::ofstream(inbox / "upload.jsonl.part", std::ios::binary) << run_line("h3", "06", 5000);
  deliver("real.jsonl", run_line("h4", "07", 5000));
  ASSERT_TRUE(arrives_in("processed", "real.jsonl")) << daemon->log();
  EXPECT_TRUE(fs::exists(inbox / ".hidden.jsonl"));
  EXPECT_TRUE(fs::exists(inbox / "download.jsonl.crdownload"));
  EXPECT_TRUE(fs::exists(inbox / "upload.jsonl.part"));
  EXPECT_EQ(stored_runs(), 1u);
  stop_cleanly();
}

TEST_F(DaemonInbox, AnInboxAddedByAReloadIsScannedAndWatched) {
  start();
  const fs::path second = dir.path() / "garmin/GARMIN/Activity";
  fs::create_directories(second);
  std::ofstream(second / "waiting.jsonl", std::ios::binary) << run_line("m1", "04", 5000);
  dir.write("tendon.toml", "database = \"" + dir / "t.db" + "\"\n[athletes.ana]\ntimezone = \"UTC\"\ninboxes = [\"" +
                               inbox.string() + "\", \"" + second.string() + "\"]\n");
  daemon->signal(SIGHUP);
  ASSERT_TRUE(daemon->wait_for("config reloaded")) << daemon->log();
  ASSERT_TRUE(eventually([&] { return fs::exists(second / "processed/waiting.jsonl"); })) << daemon->log();
  std::ofstream(second / "new.jsonl", std::ios::binary) << run_line("m2", "05", 5000);
  ASSERT_TRUE(eventually([&] { return fs::exists(second / "processed/new.jsonl"); })) << daemon->log();
  EXPECT_EQ(stored_runs(), 2u);
  stop_cleanly();
}

TEST_F(DaemonInbox, SigtermStopsPromptly) {
  start();
  deliver("one.jsonl", run_line("t1", "04", 5000));
  const auto before = std::chrono::steady_clock::now();
  daemon->signal(SIGTERM);
  EXPECT_EQ(daemon->wait_exit(), 0) << daemon->log();
  EXPECT_LT(std::chrono::steady_clock::now() - before, std::chrono::seconds(3));
  // Either imported and moved, or left in the inbox for next time: never lost.
  EXPECT_TRUE(fs::exists(inbox / "one.jsonl") != fs::exists(inbox / "processed/one.jsonl")) << daemon->log();
}

TEST_F(DaemonInbox, SigtermMidImportStoresAllOrNothingAndTheFileWaitsForTheNextStart) {
  constexpr std::size_t kRuns = 3000;
  start();
  deliver("big.jsonl", many_runs(static_cast<int>(kRuns)));
  const auto before = std::chrono::steady_clock::now();
  daemon->signal(SIGTERM);
  EXPECT_EQ(daemon->wait_exit(), 0) << daemon->log();
  EXPECT_LT(std::chrono::steady_clock::now() - before, std::chrono::seconds(5));
  const bool waiting = fs::exists(inbox / "big.jsonl");
  EXPECT_NE(waiting, fs::exists(inbox / "processed/big.jsonl")) << daemon->log();
  EXPECT_EQ(stored_runs(), waiting ? 0u : kRuns) << "one transaction: all or nothing";

  start();  // a file left behind is taken at the next start
  ASSERT_TRUE(arrives_in("processed", "big.jsonl")) << daemon->log();
  EXPECT_EQ(stored_runs(), kRuns);
  stop_cleanly();
}

}  // namespace
}  // namespace tendon::testing
