// systemd's directories and the status line: which socket path wins, what system mode
// fills in, who may use the socket in each mode, and the line `systemctl status` shows.
#include <gtest/gtest.h>
#include <grp.h>
#include <unistd.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "sys/service_dirs.h"
#include "sys/service_status.h"
#include "sys/socket_access.h"

namespace tendon {
namespace {

// Sets (or unsets) an environment variable for one test and puts the old value back.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::optional<std::string>& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) {
      ::setenv(name, value->c_str(), 1);
    } else {
      ::unsetenv(name);
    }
  }
  ~ScopedEnv() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(ControlSocketPlace, AnExplicitPathWinsOverEverything) {
  ScopedEnv runtime("RUNTIME_DIRECTORY", "/run/user/1000/tendon");
  EXPECT_EQ(control_socket_place(ServiceMode::system, "/tmp/x.sock").path, "/tmp/x.sock");
}

TEST(ControlSocketPlace, RuntimeDirectoryHoldsTheSocketInBothModes) {
  // systemd may list several folders; the first is ours.
  ScopedEnv runtime("RUNTIME_DIRECTORY", "/run/tendon:/run/other");
  EXPECT_EQ(control_socket_place(ServiceMode::system, std::nullopt).path, "/run/tendon/tendond.sock");
  EXPECT_EQ(control_socket_place(ServiceMode::user, std::nullopt).path, "/run/tendon/tendond.sock");
}

TEST(ControlSocketPlace, WithoutSystemdEachModeHasItsOwnPlace) {
  ScopedEnv runtime("RUNTIME_DIRECTORY", std::nullopt);
  ScopedEnv xdg("XDG_RUNTIME_DIR", "/run/user/1000");
  EXPECT_EQ(control_socket_place(ServiceMode::system, std::nullopt).path, "/run/tendon/tendond.sock");
  EXPECT_EQ(control_socket_place(ServiceMode::user, std::nullopt).path, "/run/user/1000/tendon/tendond.sock");
}

TEST(ControlSocketPlace, ARelativeRuntimeDirectoryIsIgnored) {
  ScopedEnv runtime("RUNTIME_DIRECTORY", "relative/tendon");
  ScopedEnv xdg("XDG_RUNTIME_DIR", "/run/user/1000");
  EXPECT_EQ(control_socket_place(ServiceMode::user, std::nullopt).path, "/run/user/1000/tendon/tendond.sock");
}

TEST(SystemDirectories, FillInOnlyWhatSystemdDidNotSet) {
  ScopedEnv state("STATE_DIRECTORY", "/srv/tendon-state");
  ScopedEnv configuration("CONFIGURATION_DIRECTORY", std::nullopt);
  use_system_directories();
  EXPECT_STREQ(std::getenv("STATE_DIRECTORY"), "/srv/tendon-state");
  EXPECT_STREQ(std::getenv("CONFIGURATION_DIRECTORY"), "/etc/tendon");
}

TEST(SocketAccess, UserModeIsPrivateToTheOwner) {
  const auto access = socket_access(ServiceMode::user, "/tmp/t.sock");
  EXPECT_EQ(access.socket.mode, 0600u);
  EXPECT_TRUE(access.socket.group.empty());
  EXPECT_EQ(access.policy.owner_uid, ::geteuid());
  EXPECT_TRUE(access.policy.control_gids.empty());
}

TEST(SocketAccess, SystemModeLetsTheTendonGroupControl) {
  const group* tendon = ::getgrnam("tendon");
  if (tendon == nullptr) {
    // Without the group system mode must refuse to start, with a line that says how to fix it.
    try {
      (void)socket_access(ServiceMode::system, "/run/tendon/tendond.sock");
      FAIL() << "system mode accepted a missing group";
    } catch (const std::runtime_error& error) {
      EXPECT_NE(std::string(error.what()).find("group 'tendon' does not exist"), std::string::npos) << error.what();
    }
    return;
  }
  const gid_t gid = tendon->gr_gid;
  const auto access = socket_access(ServiceMode::system, "/run/tendon/tendond.sock");
  EXPECT_EQ(access.socket.mode, 0660u);
  EXPECT_EQ(access.socket.group, "tendon");
  EXPECT_EQ(access.policy.control_gids, std::vector<gid_t>{gid});
  // A member (primary group tendon) controls; the owner and root administer; others are refused.
  const uid_t stranger = ::geteuid() == 4242 ? 4243 : 4242;
  EXPECT_EQ(access.policy({0, stranger, gid}), control::Tier::control);
  EXPECT_EQ(access.policy({0, ::geteuid(), gid}), control::Tier::admin);
  EXPECT_EQ(access.policy({0, 0, 0}), control::Tier::admin);
  EXPECT_EQ(access.policy({0, stranger, gid + 1000}), std::nullopt);
}

TEST(ServiceStatusLine, SaysWhatIsWatchedStoredAndLastImported) {
  {
    ScopedEnv tz("TZ", "UTC");
    ::tzset();
    // 2026-11-21 12:03:00 UTC
    const std::optional<LastImport> last = LastImport{1795262580, "run.fit"};
    EXPECT_EQ(service_status_line(2, 341, last),
              "watching 2 inboxes, 341 activities stored, last import 12:03 run.fit");
    EXPECT_EQ(service_status_line(1, 1, std::nullopt), "watching 1 inbox, 1 activity stored, nothing imported yet");
  }
  ::tzset();  // back to the machine's zone for the tests after this one
}

}  // namespace
}  // namespace tendon
