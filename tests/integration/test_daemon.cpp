// The real tendond: it says which config, database and inbox it uses, waits for signals,
// reloads on SIGHUP (keeping a good config when the new one is bad) and exits clean on SIGTERM.
#include <gtest/gtest.h>
#include <signal.h>

#include <filesystem>

#include "binaries.h"
#include "running_daemon.h"
#include "support/process.h"

namespace tendon::testing {
namespace {

TEST(Daemon, WithoutAConfigItUsesTheDefaultsAndSaysSo) {
  TempDir dir;
  RunningDaemon d(dir, {});
  ASSERT_TRUE(d.wait_for("ready")) << d.log();
  const std::string log = d.log();
  EXPECT_NE(log.find("built-in defaults"), std::string::npos) << log;
  EXPECT_NE(log.find(dir / "data/tendon/tendon.db"), std::string::npos) << log;
  EXPECT_NE(log.find("athlete tester"), std::string::npos) << log;
  EXPECT_NE(log.find(dir / "Tendon/inbox"), std::string::npos) << log;
  EXPECT_TRUE(std::filesystem::is_directory(dir / "Tendon/inbox"));
  EXPECT_TRUE(std::filesystem::exists(dir / "data/tendon/tendon.db"));
  d.signal(SIGTERM);
  EXPECT_EQ(d.wait_exit(), 0);
  EXPECT_NE(d.log().find("SIGTERM received"), std::string::npos);
}

TEST(Daemon, SighupReloadsAndABadConfigIsReportedAndIgnored) {
  TempDir dir;
  dir.write("tendon.toml", "database = \"db/t.db\"\n[athletes.ana]\ntimezone = \"Europe/Berlin\"\ninboxes = [\"in\"]\n");
  RunningDaemon d(dir, {"--config", dir / "tendon.toml"});
  ASSERT_TRUE(d.wait_for("ready")) << d.log();
  EXPECT_NE(d.log().find("athlete ana (Europe/Berlin), inbox " + dir / "in"), std::string::npos) << d.log();

  dir.write("tendon.toml", "database = \"db/t.db\"\n[athletes.ana]\ntimezone = \"Mars/Olympus\"\n");
  d.signal(SIGHUP);
  ASSERT_TRUE(d.wait_for("config not reloaded")) << d.log();
  EXPECT_NE(d.log().find("tendon.toml:3"), std::string::npos) << "the error names file and line: " << d.log();

  dir.write("tendon.toml", "database = \"db/t.db\"\n[athletes.ana]\ntimezone = \"UTC\"\ninboxes = [\"in2\"]\n");
  d.signal(SIGHUP);
  ASSERT_TRUE(d.wait_for("config reloaded")) << d.log();
  EXPECT_TRUE(std::filesystem::is_directory(dir / "in2"));
  d.signal(SIGTERM);
  EXPECT_EQ(d.wait_exit(), 0);
}

TEST(Daemon, ABadConfigAtStartIsAOneLineErrorAndExitCodeOne) {
  TempDir dir;
  dir.write("tendon.toml", "[thresholds.spike]\nsmal = 0.1\n");
  const auto r = run_process({tendond_path(), "--config", dir / "tendon.toml"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("tendon.toml:2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("smal"), std::string::npos) << r.err;
}

TEST(Daemon, ADatabaseFromANewerTendonIsRefused) {
  TempDir dir;
  dir.write("tendon.toml", "database = \"t.db\"\n");
  ASSERT_EQ(run_process({"/usr/bin/sqlite3", dir / "t.db", "PRAGMA user_version = 99;"}).exit_code, 0);
  const auto r = run_process({tendond_path(), "--config", dir / "tendon.toml"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("newer"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace tendon::testing
