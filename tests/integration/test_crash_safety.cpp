// The real tendond killed with SIGKILL at random moments of a bulk inbox import, restarted
// each time: the database stays sound, no run is lost or stored twice, every alert stands
// once (as in a reference run without kills), and every file ends in processed/ whole.
// Also the store refusing writes (disk full, a read-only database): one clear line naming
// the database, nothing stored lost, and the file stays in the inbox for the next start.
//
// TENDON_CRASH_SEED=N replays a run's kill moments (the seed is printed).
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <random>
#include <thread>

#include "crash_test_support.h"
#include "running_daemon.h"

namespace tendon::testing {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr int kFiles = 150;
constexpr int kRunsPerFile = 12;  // 1800 daily runs: five years
constexpr int kKills = 20;

// Polls `condition` every millisecond up to `limit` (the kill moments need a finer clock
// than eventually()'s 50 ms).
bool soon(const std::function<bool()>& condition, milliseconds limit) {
  const auto deadline = Clock::now() + limit;
  while (!condition()) {
    if (Clock::now() >= deadline) return false;
    std::this_thread::sleep_for(milliseconds(1));
  }
  return true;
}

// One tendond setup: a folder with its config, one athlete and one inbox.
class Installation {
 public:
  explicit Installation(const fs::path& database = {})
      : inbox_(dir_.path() / "inbox"), database_(database.empty() ? dir_.path() / "tendon.db" : database) {
    dir_.write("tendon.toml", "database = \"" + database_.string() + "\"\n[athletes.ana]\ntimezone = \"UTC\"\ninboxes = [\"" +
                                  inbox_.string() + "\"]\n");
    fs::create_directories(inbox_);
  }

  // Started, and ready (its start-up scan of the inbox queued).
  void start() {
    spawn();
    ASSERT_TRUE(soon([&] { return daemon_->log().find("tendond: ready") != std::string::npos; }, milliseconds(20000)))
        << daemon_->log();
  }
  // Started, and refusing to run: its exit code; log() keeps what it said.
  int start_refused() {
    spawn();
    const int code = daemon_->wait_exit();
    last_log_ = daemon_->log();
    daemon_.reset();
    return code;
  }
  void kill_now() {
    daemon_->signal(SIGKILL);
    EXPECT_EQ(daemon_->wait_exit(), 128 + SIGKILL);
    daemon_.reset();
  }
  void stop() {
    daemon_->signal(SIGTERM);
    EXPECT_EQ(daemon_->wait_exit(), 0) << daemon_->log();
    daemon_.reset();
  }
  std::string log() const { return daemon_ ? daemon_->log() : last_log_; }

  void drop_all(const History& history) const {
    for (const auto& [name, text] : history.files) deliver(inbox_, name, text);
  }
  bool inbox_empty() const { return regular_files(inbox_).empty(); }
  bool all_processed(const History& history, milliseconds limit) const {
    return soon([&] { return inbox_empty() && regular_files(inbox_ / "processed").size() >= history.files.size(); },
                limit);
  }

  const fs::path& inbox() const { return inbox_; }
  const fs::path& database() const { return database_; }
  const TempDir& dir() const { return dir_; }

 private:
  void spawn() {
    // The last run's log goes first: its "ready" must not pass for the new daemon's.
    fs::remove(dir_.path() / "tendond.log");
    daemon_ = std::make_unique<RunningDaemon>(dir_, std::vector<std::string>{"--config", dir_ / "tendon.toml"});
  }

  TempDir dir_;
  fs::path inbox_;
  fs::path database_;
  std::unique_ptr<RunningDaemon> daemon_;
  std::string last_log_;
};

std::uint32_t kill_seed() {
  if (const char* text = std::getenv("TENDON_CRASH_SEED")) return static_cast<std::uint32_t>(std::strtoul(text, nullptr, 10));
  return std::random_device{}();
}

TEST(CrashSafety, TwentyKillsDuringABulkImportLoseAndDuplicateNothing) {
  const History history = make_history(kFiles, kRunsPerFile);

  // The reference: the same files imported without a kill, timed to place the kills.
  Installation reference;
  reference.drop_all(history);
  const auto reference_start = Clock::now();
  reference.start();
  ASSERT_TRUE(reference.all_processed(history, milliseconds(120000))) << reference.log();
  const auto import_ms =
      std::chrono::duration_cast<milliseconds>(Clock::now() - reference_start).count();
  reference.stop();

  const std::uint32_t seed = kill_seed();
  std::printf("crash safety: kill seed %u (TENDON_CRASH_SEED=%u replays it); reference import %lld ms\n", seed, seed,
              static_cast<long long>(import_ms));
  std::mt19937 moments(seed);
  // Each kill lands within a window of ~1/15 of the whole import after the start: twenty of
  // them interrupt most of it and leave the rest to the last start.
  std::uniform_int_distribution<long long> delay_ms(0, std::max<long long>(import_ms / 15, 5));

  Installation crashed;
  crashed.drop_all(history);
  int kills_mid_import = 0;
  for (int kill = 0; kill < kKills; ++kill) {
    crashed.start();
    // The kill moment itself, not a wait for something: any point of the import will do.
    std::this_thread::sleep_for(milliseconds(delay_ms(moments)));
    if (!crashed.inbox_empty()) ++kills_mid_import;
    crashed.kill_now();
  }
  crashed.start();
  ASSERT_TRUE(crashed.all_processed(history, milliseconds(120000))) << crashed.log();
  crashed.stop();
  std::printf("crash safety: %d of %d kills landed while files were still waiting in the inbox\n", kills_mid_import,
              kKills);
  // Otherwise the test proved little: the import was over before most kills.
  EXPECT_GE(kills_mid_import, kKills / 2);

  DatabaseReader db(crashed.database());
  EXPECT_EQ(db.integrity(), "ok");
  std::vector<std::string> expected_ids = history.source_ids;
  std::sort(expected_ids.begin(), expected_ids.end());
  EXPECT_EQ(db.source_ids(), expected_ids) << "runs lost or stored twice";
  EXPECT_EQ(db.activity_count(), expected_ids.size());

  const DatabaseReader reference_db(reference.database());
  ASSERT_EQ(reference_db.source_ids(), expected_ids);
  const std::vector<AlertIdentity> alerts = db.standing_alerts();
  EXPECT_FALSE(alerts.empty()) << "the history should raise alerts";
  EXPECT_EQ(std::adjacent_find(alerts.begin(), alerts.end()), alerts.end()) << "an alert stored twice";
  EXPECT_EQ(alerts, reference_db.standing_alerts());

  // Every file in processed/ once, whole; nothing left in the inbox or in failed/.
  std::vector<std::string> names;
  for (const auto& [name, text] : history.files) names.push_back(name);
  EXPECT_EQ(regular_files(crashed.inbox() / "processed"), names);
  for (const auto& [name, text] : history.files) {
    EXPECT_EQ(file_text(crashed.inbox() / "processed" / name), text) << name;
  }
  EXPECT_TRUE(crashed.inbox_empty());
  EXPECT_TRUE(regular_files(crashed.inbox() / "failed").empty());
}

// The database's folder on a small tmpfs of its own; the inbox stays on the ordinary disk.
class StoreRefusal : public ::testing::Test {
 protected:
  StoreRefusal()
      : mount_(scratch_.path() / "dbfs", 4u << 20), installation_(scratch_.path() / "dbfs" / "tendon.db") {}

  // A first file imported, so that there is something stored to lose.
  void import_first() {
    installation_.start();
    deliver(installation_.inbox(), "first.jsonl", first_.files.begin()->second);
    ASSERT_TRUE(soon([&] { return fs::exists(installation_.inbox() / "processed/first.jsonl"); }, milliseconds(10000)))
        << installation_.log();
  }

  // A file whose import the store will refuse: it needs more pages than were ever written.
  void deliver_second() const { deliver(installation_.inbox(), "second.jsonl", second_.files.begin()->second); }

  // The one log line about second.jsonl: it names the database, the reason, and says the
  // file stays; and the file does.
  void expect_refused(const std::string& reason) {
    const std::string file = (installation_.inbox() / "second.jsonl").string();
    const std::string line = "tendond: failed " + file + ": " + installation_.database().string() + ": ";
    ASSERT_TRUE(soon([&] { return installation_.log().find(line) != std::string::npos; }, milliseconds(10000)))
        << installation_.log();
    const std::string log = installation_.log();
    const std::string said = log.substr(log.find(line), log.find('\n', log.find(line)) - log.find(line));
    EXPECT_NE(said.find(reason), std::string::npos) << said;
    EXPECT_NE(said.find("(nothing stored; the file stays in the inbox)"), std::string::npos) << said;
    EXPECT_TRUE(fs::exists(installation_.inbox() / "second.jsonl"));
    EXPECT_FALSE(fs::exists(installation_.inbox() / "failed/second.jsonl"));
  }

  // After the cause is gone, a restart imports the file left in the inbox; nothing lost.
  void expect_taken_after_restart() {
    installation_.start();
    ASSERT_TRUE(soon([&] { return fs::exists(installation_.inbox() / "processed/second.jsonl"); }, milliseconds(20000)))
        << installation_.log();
    installation_.stop();
    DatabaseReader db(installation_.database());
    EXPECT_EQ(db.integrity(), "ok");
    std::vector<std::string> ids = first_.source_ids;
    ids.insert(ids.end(), second_.source_ids.begin(), second_.source_ids.end());
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(db.source_ids(), ids);
  }

  TempDir scratch_;
  TmpfsMount mount_;
  Installation installation_;
  History first_ = make_history(1, 3, "first");
  History second_ = make_history(1, 1500, "second");
};

// Fills the file system holding `folder` to the last byte.
void fill(const fs::path& folder) {
  const int fd = ::open((folder / "filler").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  ASSERT_GE(fd, 0);
  std::vector<char> block(1 << 16, 'x');
  for (std::size_t size = block.size(); size > 0; size /= 2) {
    while (::write(fd, block.data(), size) == static_cast<ssize_t>(size)) {
    }
  }
  ::close(fd);
}

TEST_F(StoreRefusal, ADiskFullStoresNothingOfTheFileAndKeepsItInTheInbox) {
  if (!mount_.mounted()) GTEST_SKIP() << "cannot mount a tmpfs here (needs root)";
  import_first();
  fill(scratch_.path() / "dbfs");
  deliver_second();
  expect_refused("database or disk is full");
  EXPECT_EQ(DatabaseReader(installation_.database()).source_ids().size(), first_.source_ids.size());
  installation_.stop();
  fs::remove(scratch_.path() / "dbfs" / "filler");
  expect_taken_after_restart();
}

// Root ignores file modes, so as root the database's file system is remounted read-only
// (the kernel refuses every write); otherwise the file and its folder lose their write bits.
// tendond then refuses to start, saying why; the file waits in the inbox.
TEST_F(StoreRefusal, AReadOnlyDatabaseStopsTheStartWithItsReasonAndLosesNothing) {
  const bool root = ::geteuid() == 0;
  if (root && !mount_.mounted()) GTEST_SKIP() << "as root, a read-only database needs a tmpfs mount";
  const fs::path folder = installation_.database().parent_path();
  import_first();
  installation_.stop();
  if (root) {
    ASSERT_TRUE(mount_.set_read_only(true));
  } else {
    fs::permissions(installation_.database(), fs::perms::owner_read);
    fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec);
  }
  deliver_second();
  EXPECT_EQ(installation_.start_refused(), 1);
  const std::string reason = root ? "Read-only file system" : "Permission denied";
  EXPECT_NE(installation_.log().find("tendond: " + installation_.database().string() + ": cannot be written: " + reason),
            std::string::npos)
      << installation_.log();
  EXPECT_TRUE(fs::exists(installation_.inbox() / "second.jsonl"));
  EXPECT_EQ(DatabaseReader(installation_.database(), true).source_ids().size(), first_.source_ids.size());
  if (root) {
    ASSERT_TRUE(mount_.set_read_only(false));
  } else {
    fs::permissions(folder, fs::perms::owner_all);
    fs::permissions(installation_.database(), fs::perms::owner_read | fs::perms::owner_write);
  }
  expect_taken_after_restart();
}

}  // namespace
}  // namespace tendon::testing
