// Running without a config file: XDG and systemd directories, the user's name, the zone.
#include <gtest/gtest.h>

#include "config/config.h"
#include "config_test_util.h"

namespace tendon {
namespace {

using test::EnvGuard;
using test::TempDir;
namespace fs = std::filesystem;

class DefaultsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.set("HOME", home().string())
        .set("USER", "alice")
        .set("TZ", "Europe/Berlin")
        .set("XDG_DATA_HOME", (dir_.path() / "data").string())
        .set("XDG_CONFIG_HOME", (dir_.path() / "conf").string())
        .set("STATE_DIRECTORY", std::nullopt)
        .set("CONFIGURATION_DIRECTORY", std::nullopt);
  }
  fs::path home() const { return dir_.path() / "home"; }

  TempDir dir_;
  EnvGuard env_;
};

TEST_F(DefaultsTest, XdgDirectories) {
  const Config c = default_config();
  EXPECT_TRUE(c.file.empty());
  EXPECT_EQ(c.database, dir_.path() / "data" / "tendon" / "tendon.db");
  EXPECT_EQ(c.plugin_dir, dir_.path() / "data" / "tendon" / "plugins");
  EXPECT_TRUE(c.shoe_catalogue.empty());
  EXPECT_EQ(c.push_min_severity, Severity::warning);
  EXPECT_EQ(c.push_max_age_hours, 72);
  ASSERT_EQ(c.athletes.size(), 1u);
  const AthleteConfig& a = c.default_athlete();
  EXPECT_EQ(a.name, "alice");
  EXPECT_EQ(a.timezone, "Europe/Berlin");
  EXPECT_EQ(a.inboxes, std::vector<fs::path>{home() / "Tendon" / "inbox"});
  EXPECT_TRUE(a.shoes.empty());
  EXPECT_EQ(c.athlete("alice"), &a);
  EXPECT_EQ(default_config_path(), dir_.path() / "conf" / "tendon" / "tendon.toml");
}

TEST_F(DefaultsTest, XdgUnsetOrRelativeFallsBackToHome) {
  env_.set("XDG_DATA_HOME", std::nullopt).set("XDG_CONFIG_HOME", "relative/conf");
  const Config c = default_config();
  EXPECT_EQ(c.database, home() / ".local" / "share" / "tendon" / "tendon.db");
  EXPECT_EQ(c.plugin_dir, home() / ".local" / "share" / "tendon" / "plugins");
  // The XDG spec: a relative value is invalid and ignored.
  EXPECT_EQ(default_config_path(), home() / ".config" / "tendon" / "tendon.toml");
}

TEST_F(DefaultsTest, SystemdStateDirectory) {
  env_.set("STATE_DIRECTORY", "/var/lib/tendon:/var/lib/other");
  const Config c = default_config();
  EXPECT_EQ(c.database, fs::path("/var/lib/tendon/tendon.db"));
  EXPECT_EQ(c.plugin_dir, fs::path("/var/lib/tendon/plugins"));
  env_.set("CONFIGURATION_DIRECTORY", "/etc/tendon");
  EXPECT_EQ(default_config_path(), fs::path("/etc/tendon/tendon.toml"));
}

TEST_F(DefaultsTest, StateDirectoryAlsoForAFileWithoutDatabase) {
  env_.set("STATE_DIRECTORY", "/var/lib/tendon");
  const Config c = load_config(dir_.write("t.toml", "[push]\nmax_age_hours = 5\n"));
  EXPECT_EQ(c.database, fs::path("/var/lib/tendon/tendon.db"));
}

TEST_F(DefaultsTest, UserNameFallsBackToMe) {
  env_.set("USER", std::nullopt);
  EXPECT_EQ(default_config().default_athlete().name, "me");
  env_.set("USER", "");
  EXPECT_EQ(default_config().default_athlete().name, "me");
}

TEST_F(DefaultsTest, LoadConfigOrDefaults) {
  // No file anywhere: the defaults.
  Config c = load_config_or_defaults(std::nullopt);
  EXPECT_TRUE(c.file.empty());
  EXPECT_EQ(c.default_athlete().name, "alice");
  // A file at the default path is read.
  dir_.write("conf/tendon/tendon.toml", "[athletes.bob]\ntimezone = \"Asia/Kolkata\"\n");
  c = load_config_or_defaults(std::nullopt);
  EXPECT_EQ(c.file, dir_.path() / "conf" / "tendon" / "tendon.toml");
  EXPECT_EQ(c.default_athlete().name, "bob");
  // An explicit file must exist.
  EXPECT_THROW(load_config_or_defaults(dir_.path() / "missing.toml"), ConfigError);
  const fs::path other = dir_.write("other.toml", "[athletes.carl]\n");
  EXPECT_EQ(load_config_or_defaults(other).default_athlete().name, "carl");
}

TEST_F(DefaultsTest, SystemTimezoneFromTz) {
  EXPECT_EQ(system_timezone(), "Europe/Berlin");
  env_.set("TZ", ":America/New_York");
  EXPECT_EQ(system_timezone(), "America/New_York");
  env_.set("TZ", ":/usr/share/zoneinfo/Asia/Tokyo");
  EXPECT_EQ(system_timezone(), "Asia/Tokyo");
  EXPECT_EQ(default_config().default_athlete().timezone, "Asia/Tokyo");
}

TEST_F(DefaultsTest, SystemTimezoneFromFiles) {
  const fs::path link = dir_.path() / "localtime";
  const fs::path tzfile = dir_.write("timezone", "Australia/Sydney\n");
  const fs::path none = dir_.path() / "absent";
  // $TZ first; empty means UTC as in glibc.
  EXPECT_EQ(system_timezone_from("Asia/Kolkata", link, tzfile), "Asia/Kolkata");
  EXPECT_EQ(system_timezone_from("", link, tzfile), "UTC");
  // A POSIX rule or a bad name in $TZ: the files decide.
  EXPECT_EQ(system_timezone_from("CET-1CEST,M3.5.0,M10.5.0/3", none, tzfile), "Australia/Sydney");
  EXPECT_EQ(system_timezone_from(nullptr, none, tzfile), "Australia/Sydney");
  // The /etc/localtime link (relative as Debian makes it, or through posix/) wins.
  fs::create_symlink("../usr/share/zoneinfo/America/Los_Angeles", link);
  EXPECT_EQ(system_timezone_from(nullptr, link, tzfile), "America/Los_Angeles");
  const fs::path posix_link = dir_.path() / "localtime2";
  fs::create_symlink("/usr/share/zoneinfo/posix/Europe/Paris", posix_link);
  EXPECT_EQ(system_timezone_from(nullptr, posix_link, none), "Europe/Paris");
  // Nothing known: UTC.
  const fs::path bad = dir_.write("badzone", "Mars/Olympus\n");
  EXPECT_EQ(system_timezone_from(nullptr, none, bad), "UTC");
  EXPECT_EQ(system_timezone_from(nullptr, none, none), "UTC");
}

}  // namespace
}  // namespace tendon
