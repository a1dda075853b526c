// The systemd units as CMake configures them: `systemd-analyze verify` finds nothing to say
// about them, the system service stays hardened (`systemd-analyze security` exposure at most
// kMaxExposure), and systemd-sysusers accepts our sysusers.d file. The units checked are the
// test copies whose ExecStart is the tendond just built (verify wants it to exist).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "support/process.h"

namespace tendon::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kUnits = TENDON_TEST_UNITS_DIR;
const char* const kAnalyze = "/usr/bin/systemd-analyze";
// Overall exposure of the system service, in systemd-analyze's 0-10 scale (lower is better;
// 1.2 when written). Raising it needs a reason in systemd/system/tendond.service.in.
constexpr double kMaxExposure = 1.5;

// Every systemd tool here runs under `timeout`: a hung one fails the test, not the run.
ProcessResult run_bounded(std::vector<std::string> argv, const std::vector<std::string>& env = {}) {
  argv.insert(argv.begin(), {"/usr/bin/timeout", "60"});
  return run_process(argv, env);
}

class SystemdUnits : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kAnalyze)) GTEST_SKIP() << kAnalyze << " is missing (Debian package systemd)";
  }
};

TEST_F(SystemdUnits, SystemUnitsVerifyClean) {
  const auto result = run_bounded({kAnalyze, "verify", "--man=no", (kUnits / "system/tendond.socket").string(),
                                   (kUnits / "system/tendond.service").string()});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_EQ(result.out + result.err, "");
}

TEST_F(SystemdUnits, UserUnitsVerifyClean) {
  TempDir runtime;  // a user manager's %t, without needing a session
  const auto result = run_bounded({kAnalyze, "--user", "verify", "--man=no", (kUnits / "user/tendond.socket").string(),
                                   (kUnits / "user/tendond.service").string(),
                                   (kUnits / "user/tendon-desktop.service").string()},
                                  {"XDG_RUNTIME_DIR=" + runtime.path().string()});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_EQ(result.out + result.err, "");
}

TEST_F(SystemdUnits, VerifyWouldCatchABrokenUnit) {
  // The check above can fail: a unit with an unknown key and a missing binary is reported.
  TempDir dir;
  std::ifstream in(kUnits / "system/tendond.service");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  text = std::regex_replace(text, std::regex("ExecStart=[^ \n]*"), "ExecStart=/nonexistent/tendond");
  text += "[Service]\nNoSuchSetting=1\n";
  const auto broken = dir.write("broken.service", text);
  const auto result = run_bounded({kAnalyze, "verify", "--man=no", broken.string()});
  EXPECT_NE(result.out + result.err, "");
  EXPECT_NE((result.out + result.err).find("NoSuchSetting"), std::string::npos) << result.err;
}

TEST_F(SystemdUnits, SystemServiceExposureStaysLow) {
  const auto unit = (kUnits / "system/tendond.service").string();
  const auto result = run_bounded({kAnalyze, "security", "--offline=true", "--no-pager", unit});
  std::smatch match;
  ASSERT_TRUE(std::regex_search(result.out, match, std::regex("Overall exposure level for tendond\\.service: ([0-9.]+)")))
      << result.out << result.err;
  const double exposure = std::stod(match[1]);
  EXPECT_LE(exposure, kMaxExposure) << result.out;
  // systemd's own gate agrees (its threshold is in tenths).
  const auto gated = run_bounded({kAnalyze, "security", "--offline=true", "--no-pager",
                                  "--threshold=" + std::to_string(static_cast<int>(kMaxExposure * 10)), unit});
  EXPECT_EQ(gated.exit_code, 0) << gated.out << gated.err;
}

TEST_F(SystemdUnits, SysusersCreatesTheTendonUserAndGroup) {
  // Into a scratch root, never the machine's /etc.
  TempDir root;
  fs::create_directories(root.path() / "etc");
  const auto result = run_bounded({"/usr/bin/systemd-sysusers", "--root=" + root.path().string(), TENDON_SYSUSERS_FILE});
  ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
  std::ifstream passwd(root.path() / "etc/passwd"), group(root.path() / "etc/group");
  std::string users((std::istreambuf_iterator<char>(passwd)), std::istreambuf_iterator<char>());
  std::string groups((std::istreambuf_iterator<char>(group)), std::istreambuf_iterator<char>());
  EXPECT_NE(users.find("tendon:x:"), std::string::npos) << users;
  EXPECT_NE(users.find(":/var/lib/tendon:"), std::string::npos) << users;
  EXPECT_NE(groups.find("tendon:x:"), std::string::npos) << groups;
}

}  // namespace
}  // namespace tendon::testing
