// The real tendond: it says which config, database and inbox it uses, waits for signals,
// reloads on SIGHUP (keeping a good config when the new one is bad) and exits clean on SIGTERM.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "binaries.h"
#include "support/process.h"

namespace tendon::testing {
namespace {

// tendond started in the background with stdout and stderr in a file.
class RunningDaemon {
 public:
  RunningDaemon(const TempDir& dir, std::vector<std::string> args) : log_(dir / "tendond.log") {
    pid_ = fork();
    if (pid_ == 0) {
      const int fd = ::open(log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      dup2(fd, 1);
      dup2(fd, 2);
      const std::string home = "HOME=" + dir.path().string(), data = "XDG_DATA_HOME=" + dir / "data",
                        conf = "XDG_CONFIG_HOME=" + dir / "config", user = "USER=tester";
      putenv(const_cast<char*>(home.c_str()));
      putenv(const_cast<char*>(data.c_str()));
      putenv(const_cast<char*>(conf.c_str()));
      putenv(const_cast<char*>(user.c_str()));
      std::vector<char*> argv{const_cast<char*>(tendond_path())};
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
  }
  ~RunningDaemon() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  // Waits until the log holds `text` (the daemon's own words), up to a generous limit.
  bool wait_for(const std::string& text) const {
    for (int i = 0; i < 300; ++i) {
      if (log().find(text) != std::string::npos) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }
  std::string log() const {
    std::ifstream in(log_);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  void signal(int signo) const { kill(pid_, signo); }
  int wait_exit() {
    int status = 0;
    waitpid(pid_, &status, 0);
    exited_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

 private:
  std::string log_;
  pid_t pid_ = -1;
  bool exited_ = false;
};

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
