// The config file: every option read, every bad input a ConfigError naming file and line.
#include "config/config.h"

#include <algorithm>
#include <regex>

#include <gtest/gtest.h>

#include "config_test_util.h"

namespace tendon {
namespace {

using test::EnvGuard;
using test::TempDir;
namespace fs = std::filesystem;

// 1-based line of the first line of `text` containing `marker`.
int line_of(const std::string& text, const std::string& marker) {
  const auto at = text.find(marker);
  if (at == std::string::npos) throw std::logic_error("marker not in text: " + marker);
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

class ConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.set("HOME", (dir_.path() / "home").string())
        .set("USER", "runner")
        .set("TZ", "UTC")
        .set("XDG_DATA_HOME", std::nullopt)
        .set("XDG_CONFIG_HOME", std::nullopt)
        .set("STATE_DIRECTORY", std::nullopt)
        .set("CONFIGURATION_DIRECTORY", std::nullopt);
  }

  Config load(const std::string& toml) { return load_config(dir_.write("tendon.toml", toml)); }

  // Loading `toml` fails with "FILE:LINE:COL: ...reason..." where LINE holds `marker`.
  void expect_error(const std::string& toml, const std::string& marker, const std::string& reason) {
    const fs::path file = dir_.write("tendon.toml", toml);
    try {
      load_config(file);
      ADD_FAILURE() << "loaded without error; expected: " << reason;
    } catch (const ConfigError& e) {
      const std::string message = e.what();
      const std::string prefix = file.string() + ":" + std::to_string(line_of(toml, marker)) + ":";
      EXPECT_EQ(message.rfind(prefix, 0), 0u) << "message: " << message << "\nwanted prefix: " << prefix;
      EXPECT_TRUE(std::regex_search(message, std::regex("^[^:]+:[0-9]+:[0-9]+: ")))
          << "no line and column: " << message;
      EXPECT_NE(message.find(reason), std::string::npos)
          << "message: " << message << "\nwanted: " << reason;
    }
  }

  TempDir dir_;
  EnvGuard env_;
};

void expect_default_thresholds(const Thresholds& t) {
  const Thresholds d;
  EXPECT_EQ(t.spike.window_days, d.spike.window_days);
  EXPECT_DOUBLE_EQ(t.spike.small, d.spike.small);
  EXPECT_DOUBLE_EQ(t.spike.moderate, d.spike.moderate);
  EXPECT_DOUBLE_EQ(t.spike.large, d.spike.large);
  EXPECT_DOUBLE_EQ(t.weekly.jump, d.weekly.jump);
  EXPECT_DOUBLE_EQ(t.weekly.min_increase_m, d.weekly.min_increase_m);
  EXPECT_DOUBLE_EQ(t.weekly.steep, d.weekly.steep);
  EXPECT_EQ(t.acwr.alert, d.acwr.alert);
  EXPECT_DOUBLE_EQ(t.acwr.high, d.acwr.high);
  EXPECT_EQ(t.shoe_drop.habitual_window_days, d.shoe_drop.habitual_window_days);
  EXPECT_DOUBLE_EQ(t.shoe_drop.slight_mm, d.shoe_drop.slight_mm);
  EXPECT_DOUBLE_EQ(t.shoe_drop.lower_mm, d.shoe_drop.lower_mm);
  EXPECT_DOUBLE_EQ(t.shoe_drop.steep_mm, d.shoe_drop.steep_mm);
  EXPECT_DOUBLE_EQ(t.shoe_drop.zero_drop_mm, d.shoe_drop.zero_drop_mm);
  EXPECT_DOUBLE_EQ(t.shoe_drop.transition_min_delta_mm, d.shoe_drop.transition_min_delta_mm);
  EXPECT_EQ(t.shoe_drop.transition_weeks, d.shoe_drop.transition_weeks);
  EXPECT_DOUBLE_EQ(t.shoe_drop.transition_first_week_share, d.shoe_drop.transition_first_week_share);
  EXPECT_DOUBLE_EQ(t.shoe_drop.transition_weekly_step, d.shoe_drop.transition_weekly_step);
  EXPECT_DOUBLE_EQ(t.mileage.worn_km, d.mileage.worn_km);
  EXPECT_DOUBLE_EQ(t.mileage.replace_km, d.mileage.replace_km);
  EXPECT_EQ(t.ret.break_days, d.ret.break_days);
  EXPECT_EQ(t.ret.significant_days, d.ret.significant_days);
  EXPECT_EQ(t.ret.major_days, d.ret.major_days);
  EXPECT_EQ(t.ret.prebreak_days, d.ret.prebreak_days);
  EXPECT_EQ(t.ret.overload_window_days, d.ret.overload_window_days);
  EXPECT_DOUBLE_EQ(t.ret.overload_short, d.ret.overload_short);
  EXPECT_DOUBLE_EQ(t.ret.overload_significant, d.ret.overload_significant);
  EXPECT_DOUBLE_EQ(t.ret.overload_major, d.ret.overload_major);
  EXPECT_DOUBLE_EQ(t.climb.ratio, d.climb.ratio);
  EXPECT_DOUBLE_EQ(t.climb.min_increase_m, d.climb.min_increase_m);
  EXPECT_EQ(t.pain.during_max, d.pain.during_max);
  EXPECT_EQ(t.pain.after_max, d.pain.after_max);
  EXPECT_EQ(t.pain.morning_rise, d.pain.morning_rise);
  EXPECT_EQ(t.pain.morning_median_of, d.pain.morning_median_of);
  EXPECT_EQ(t.running_sports, d.running_sports);
  EXPECT_EQ(t.disabled, d.disabled);
}

// ---- the example file -----------------------------------------------------------------

TEST_F(ConfigTest, ExampleConfigLoadsAndStatesTheDefaults) {
  const fs::path example = fs::path(TENDON_SOURCE_DIR) / "config" / "tendon.toml";
  ASSERT_TRUE(fs::exists(example)) << example;
  const Config c = load_config(example);
  EXPECT_EQ(c.push_min_severity, Severity::warning);
  EXPECT_EQ(c.push_max_age_hours, 72);
  ASSERT_EQ(c.athletes.size(), 1u);
  const AthleteConfig& me = c.default_athlete();
  EXPECT_EQ(me.name, "me");
  EXPECT_EQ(me.timezone, "Europe/Berlin");
  ASSERT_EQ(me.inboxes.size(), 1u);
  EXPECT_EQ(me.inboxes[0], dir_.path() / "home" / "Tendon" / "inbox");
  // The example writes every threshold out with its default: it must agree with the code.
  expect_default_thresholds(me.thresholds);
  ASSERT_EQ(me.shoes.size(), 2u);
  EXPECT_EQ(me.shoes[0].name, "Pegasus 41");
  ASSERT_TRUE(me.shoes[0].drop_mm.has_value());  // from the bundled catalogue
  EXPECT_DOUBLE_EQ(*me.shoes[0].drop_mm, 10);
  EXPECT_DOUBLE_EQ(me.shoes[0].start_distance_m, 120000);
  EXPECT_FALSE(me.shoes[0].retired);
  EXPECT_EQ(me.shoes[1].name, "Race flats");
  EXPECT_DOUBLE_EQ(*me.shoes[1].drop_mm, 6);
  EXPECT_DOUBLE_EQ(*me.shoes[1].replace_km, 400);
  EXPECT_DOUBLE_EQ(*me.shoes[1].worn_km, 300);
}

// ---- what a file sets -----------------------------------------------------------------

TEST_F(ConfigTest, EmptyFileGivesTheDefaultAthlete) {
  const Config c = load("");
  ASSERT_EQ(c.athletes.size(), 1u);
  EXPECT_EQ(c.default_athlete().name, "runner");
  EXPECT_EQ(c.default_athlete().timezone, "UTC");
  EXPECT_EQ(c.default_athlete().inboxes,
            std::vector<fs::path>{dir_.path() / "home" / "Tendon" / "inbox"});
  EXPECT_EQ(c.database, dir_.path() / "home" / ".local/share/tendon/tendon.db");
  EXPECT_EQ(c.plugin_dir, dir_.path() / "home" / ".local/share/tendon/plugins");
  EXPECT_TRUE(c.shoe_catalogue.empty());
  EXPECT_EQ(c.file, dir_.path() / "tendon.toml");
  expect_default_thresholds(c.default_athlete().thresholds);
}

TEST_F(ConfigTest, GlobalThresholdsApplyToTheDefaultAthlete) {
  const Config c = load(R"(
[thresholds.spike]
small = 0.2
[thresholds]
disabled = ["climb_jump", "return"]
running_sports = ["Run", "Trail Run", "running"]
)");
  const Thresholds& t = c.default_athlete().thresholds;
  EXPECT_DOUBLE_EQ(t.spike.small, 0.2);
  EXPECT_DOUBLE_EQ(t.spike.moderate, 0.30);
  EXPECT_EQ(t.disabled, (std::vector<AlertKind>{AlertKind::climb_jump, AlertKind::return_break}));
  // Names are normalised the way activities' sports are; duplicates fold.
  EXPECT_EQ(t.running_sports, (std::vector<std::string>{"running", "trail_running"}));
}

TEST_F(ConfigTest, EveryThresholdIsReadFromItsKey) {
  const Config c = load(R"(
[thresholds]
spike = { window_days = 21, small = 0.15, moderate = 0.4, large = 1.5 }
weekly_jump = { jump = 0.2, min_increase_m = 3000, steep = 0.5 }
acwr = { alert = true, high = 1.3 }
shoe_drop = { habitual_window_days = 14, slight_mm = 1, lower_mm = 3, steep_mm = 6, zero_drop_mm = 0.5, transition_min_delta_mm = 3, transition_weeks = 6, transition_first_week_share = 0.2, transition_weekly_step = 0.05 }
shoe_mileage = { worn_km = 400, replace_km = 700 }
return = { break_days = 5, significant_days = 10, major_days = 21, prebreak_days = 21, overload_window_days = 5, overload_short = 0.8, overload_significant = 0.6, overload_major = 0.3 }
climb_jump = { ratio = 2, min_increase_m = 300 }
pain = { during_max = 4, after_max = 3, morning_rise = 1, morning_median_of = 5 }
)");
  const Thresholds& t = c.default_athlete().thresholds;
  EXPECT_EQ(t.spike.window_days, 21);
  EXPECT_DOUBLE_EQ(t.spike.small, 0.15);
  EXPECT_DOUBLE_EQ(t.spike.moderate, 0.4);
  EXPECT_DOUBLE_EQ(t.spike.large, 1.5);
  EXPECT_DOUBLE_EQ(t.weekly.jump, 0.2);
  EXPECT_DOUBLE_EQ(t.weekly.min_increase_m, 3000);
  EXPECT_DOUBLE_EQ(t.weekly.steep, 0.5);
  EXPECT_TRUE(t.acwr.alert);
  EXPECT_DOUBLE_EQ(t.acwr.high, 1.3);
  EXPECT_EQ(t.shoe_drop.habitual_window_days, 14);
  EXPECT_DOUBLE_EQ(t.shoe_drop.slight_mm, 1);
  EXPECT_DOUBLE_EQ(t.shoe_drop.lower_mm, 3);
  EXPECT_DOUBLE_EQ(t.shoe_drop.steep_mm, 6);
  EXPECT_DOUBLE_EQ(t.shoe_drop.zero_drop_mm, 0.5);
  EXPECT_DOUBLE_EQ(t.shoe_drop.transition_min_delta_mm, 3);
  EXPECT_EQ(t.shoe_drop.transition_weeks, 6);
  EXPECT_DOUBLE_EQ(t.shoe_drop.transition_first_week_share, 0.2);
  EXPECT_DOUBLE_EQ(t.shoe_drop.transition_weekly_step, 0.05);
  EXPECT_DOUBLE_EQ(t.mileage.worn_km, 400);
  EXPECT_DOUBLE_EQ(t.mileage.replace_km, 700);
  EXPECT_EQ(t.ret.break_days, 5);
  EXPECT_EQ(t.ret.significant_days, 10);
  EXPECT_EQ(t.ret.major_days, 21);
  EXPECT_EQ(t.ret.prebreak_days, 21);
  EXPECT_EQ(t.ret.overload_window_days, 5);
  EXPECT_DOUBLE_EQ(t.ret.overload_short, 0.8);
  EXPECT_DOUBLE_EQ(t.ret.overload_significant, 0.6);
  EXPECT_DOUBLE_EQ(t.ret.overload_major, 0.3);
  EXPECT_DOUBLE_EQ(t.climb.ratio, 2);
  EXPECT_DOUBLE_EQ(t.climb.min_increase_m, 300);
  EXPECT_EQ(t.pain.during_max, 4);
  EXPECT_EQ(t.pain.after_max, 3);
  EXPECT_EQ(t.pain.morning_rise, 1);
  EXPECT_EQ(t.pain.morning_median_of, 5);
}

TEST_F(ConfigTest, PerAthleteOverrideOfOneThresholdKeepsTheOthers) {
  const Config c = load(R"(
[thresholds.spike]
moderate = 0.40
[thresholds.shoe_mileage]
replace_km = 900

[athletes.anna]
timezone = "Europe/Berlin"
inboxes = ["anna-inbox"]
[athletes.anna.thresholds.spike]
small = 0.15

[athletes.bob]
timezone = "America/Los_Angeles"
inboxes = ["bob-inbox"]
[athletes.bob.thresholds]
disabled = ["pain"]
)");
  ASSERT_EQ(c.athletes.size(), 2u);
  const AthleteConfig* anna = c.athlete("anna");
  const AthleteConfig* bob = c.athlete("bob");
  ASSERT_NE(anna, nullptr);
  ASSERT_NE(bob, nullptr);
  EXPECT_EQ(c.athlete("carol"), nullptr);
  EXPECT_DOUBLE_EQ(anna->thresholds.spike.small, 0.15);     // her override
  EXPECT_DOUBLE_EQ(anna->thresholds.spike.moderate, 0.40);  // global
  EXPECT_DOUBLE_EQ(anna->thresholds.spike.large, 1.00);     // default
  EXPECT_DOUBLE_EQ(anna->thresholds.mileage.replace_km, 900);
  EXPECT_TRUE(anna->thresholds.disabled.empty());
  EXPECT_DOUBLE_EQ(bob->thresholds.spike.small, 0.10);
  EXPECT_DOUBLE_EQ(bob->thresholds.spike.moderate, 0.40);
  EXPECT_EQ(bob->thresholds.disabled, std::vector<AlertKind>{AlertKind::pain});
  EXPECT_EQ(anna->timezone, "Europe/Berlin");
  EXPECT_EQ(bob->timezone, "America/Los_Angeles");
  EXPECT_EQ(anna->inboxes, std::vector<fs::path>{dir_.path() / "anna-inbox"});
}

TEST_F(ConfigTest, FirstAthleteInTheFileIsTheDefault) {
  // toml++ keeps keys sorted; the loader restores the file's order.
  const Config c = load(R"(
[athletes.zoe]
inboxes = []
[athletes.adam]
inboxes = []
)");
  ASSERT_EQ(c.athletes.size(), 2u);
  EXPECT_EQ(c.default_athlete().name, "zoe");
  EXPECT_EQ(c.athletes[1].name, "adam");
}

TEST_F(ConfigTest, AthleteDefaultsTimezoneAndInbox) {
  env_.set("TZ", "Asia/Kolkata");
  const Config one = load("[athletes.solo]\n");
  EXPECT_EQ(one.default_athlete().timezone, "Asia/Kolkata");
  EXPECT_EQ(one.default_athlete().inboxes,
            std::vector<fs::path>{dir_.path() / "home" / "Tendon" / "inbox"});
  // With several athletes nobody gets the shared default folder.
  const Config two = load("[athletes.a]\n[athletes.b]\n");
  EXPECT_TRUE(two.athletes[0].inboxes.empty());
  EXPECT_TRUE(two.athletes[1].inboxes.empty());
}

TEST_F(ConfigTest, PathsResolve) {
  dir_.write("extra.csv", "brand,model,drop_mm,source_url\n");
  const Config c = load(R"(
database = "data/tendon.db"
plugin_dir = "~/plugins/"
shoe_catalogue = "./shoes/../extra.csv"
[athletes.me]
inboxes = ["~", "~/Watch/", "/srv/inbox", "in box"]
)");
  const fs::path home = dir_.path() / "home";
  EXPECT_EQ(c.database, dir_.path() / "data" / "tendon.db");
  EXPECT_EQ(c.plugin_dir, home / "plugins");
  EXPECT_EQ(c.shoe_catalogue, dir_.path() / "extra.csv");
  EXPECT_EQ(c.default_athlete().inboxes,
            (std::vector<fs::path>{home, home / "Watch", "/srv/inbox", dir_.path() / "in box"}));
}

TEST_F(ConfigTest, PushSettings) {
  const Config c = load("[push]\nmin_severity = \"critical\"\nmax_age_hours = 24\n");
  EXPECT_EQ(c.push_min_severity, Severity::critical);
  EXPECT_EQ(c.push_max_age_hours, 24);
}

TEST_F(ConfigTest, ShoesReadAndDropsFromTheCatalogue) {
  const Config c = load(R"(
[athletes.me]
[[athletes.me.shoes]]
name = "Daily"
brand = "Hoka One One"
model = "Clifton 9"
start_distance_km = 42.5
[[athletes.me.shoes]]
name = "ASICS Gel-Kayano 31"
retired = true
[[athletes.me.shoes]]
name = "Mystery"
[[athletes.me.shoes]]
name = "Own drop"
brand = "Nike"
model = "Pegasus 41"
drop_mm = 0
worn_km = 100
replace_km = 200
)");
  const auto& shoes = c.default_athlete().shoes;
  ASSERT_EQ(shoes.size(), 4u);
  EXPECT_DOUBLE_EQ(shoes[0].drop_mm.value_or(-1), 5);  // brand alias + model
  EXPECT_DOUBLE_EQ(shoes[0].start_distance_m, 42500);
  EXPECT_DOUBLE_EQ(shoes[1].drop_mm.value_or(-1), 10);  // by name
  EXPECT_EQ(shoes[1].brand, "ASICS");
  EXPECT_EQ(shoes[1].model, "Gel-Kayano 31");
  EXPECT_TRUE(shoes[1].retired);
  EXPECT_FALSE(shoes[2].drop_mm.has_value());  // unknown: not judged
  EXPECT_DOUBLE_EQ(shoes[3].drop_mm.value_or(-1), 0);  // configured drop wins
  EXPECT_DOUBLE_EQ(*shoes[3].worn_km, 100);
  EXPECT_DOUBLE_EQ(*shoes[3].replace_km, 200);
}

TEST_F(ConfigTest, ExtraCatalogueOverridesTheBundledOne) {
  dir_.write("my-shoes.csv",
             "brand,model,drop_mm,source_url\n"
             "Nike,Pegasus 41,9.5,measured at home\n"
             "Acme,Roadrunner 1,3,https://example.org/acme\n");
  const Config c = load(R"(
shoe_catalogue = "my-shoes.csv"
[athletes.me]
[[athletes.me.shoes]]
name = "Nike Pegasus 41"
[[athletes.me.shoes]]
name = "Acme Roadrunner 1"
)");
  EXPECT_DOUBLE_EQ(c.default_athlete().shoes[0].drop_mm.value_or(-1), 9.5);
  EXPECT_DOUBLE_EQ(c.default_athlete().shoes[1].drop_mm.value_or(-1), 3);
  const ShoeCatalogue catalogue = effective_shoe_catalogue(c);
  EXPECT_DOUBLE_EQ(catalogue.find("Acme", "Roadrunner 1")->drop_mm, 3);
}

// ---- errors name file, line and reason ------------------------------------------------

TEST_F(ConfigTest, MissingFile) {
  const fs::path file = dir_.path() / "nope.toml";
  try {
    load_config(file);
    FAIL() << "no error";
  } catch (const ConfigError& e) {
    EXPECT_EQ(std::string(e.what()), file.string() + ": cannot open: No such file or directory");
  }
}

TEST_F(ConfigTest, TomlSyntaxError) {
  expect_error("[push]\nmin_severity = \"warning\"\nmax_age_hours = = 3\n", "max_age_hours", "");
  expect_error("[push]\nmin_severity = \"warning\n", "min_severity", "");
  expect_error("[push]\n[ push ]\n", "[ push ]", "cannot redefine existing table 'push'");
}

TEST_F(ConfigTest, UnknownKeys) {
  expect_error("database = \"x.db\"\ndatabse = \"y.db\"\n", "databse", "unknown key 'databse'");
  expect_error("[push]\nmin_severity = \"info\"\nmax_age = 3\n", "max_age",
               "unknown key 'max_age' in [push]");
  expect_error("[thresholds.spike]\nsmall = 0.1\nsmal = 0.2\n", "smal ",
               "unknown key 'smal' in [thresholds.spike] (known keys: window_days, small, "
               "moderate, large)");
  expect_error("[thresholds.spikes]\nsmall = 0.1\n", "spikes", "unknown key 'spikes' in [thresholds]");
  expect_error("[athletes.me]\ntimezone = \"UTC\"\ninbox = [\"x\"]\n", "inbox =",
               "unknown key 'inbox' in [athletes.me]");
  expect_error("[athletes.me.thresholds.pain]\nduring = 3\n", "during",
               "unknown key 'during' in [athletes.me.thresholds.pain]");
  expect_error("[athletes.me]\n[[athletes.me.shoes]]\nname = \"a\"\ndrop = 4\n", "drop",
               "unknown key 'drop' in [athletes.me.shoes[1]]");
}

TEST_F(ConfigTest, WrongTypes) {
  expect_error("[push]\nmax_age_hours = \"72\"\n", "max_age_hours",
               "push.max_age_hours must be an integer, not a string");
  expect_error("[push]\nmax_age_hours = 7.5\n", "max_age_hours", "must be an integer");
  expect_error("[thresholds.spike]\nsmall = \"10%\"\n", "small",
               "thresholds.spike.small must be a number, not a string");
  expect_error("[thresholds.acwr]\nalert = 1\n", "alert", "must be true or false");
  expect_error("thresholds = 3\n", "thresholds", "thresholds must be a table, not an integer");
  expect_error("database = 3\n", "database", "database must be a string");
  expect_error("[athletes.me]\ninboxes = \"~/in\"\n", "inboxes",
               "athletes.me.inboxes must be an array, not a string");
  expect_error("[athletes.me]\ninboxes = [\"a\", 2]\n", "inboxes",
               "athletes.me.inboxes[2] must be a string");
  expect_error("[athletes]\nme = 3\n", "me = 3", "athletes.me must be a table");
  expect_error("[athletes.me]\nshoes = [1]\n", "shoes", "athletes.me.shoes[1] must be a table");
  expect_error("[thresholds]\nrunning_sports = [\"run\", 3]\n", "running_sports",
               "thresholds.running_sports[2] must be a string");
}

TEST_F(ConfigTest, BadValues) {
  expect_error("[athletes.me]\n[[athletes.me.shoes]]\nname = \"a\"\nstart_distance_km = -5\n",
               "start_distance_km", "athletes.me.shoes[1].start_distance_km is -5, outside 0..100000");
  expect_error("[thresholds.shoe_mileage]\nworn_km = -1\n", "worn_km", "outside");
  expect_error("[athletes.me]\ntimezone = \"Europe/Berln\"\n", "timezone",
               "unknown time zone 'Europe/Berln'");
  expect_error("[push]\nmin_severity = \"urgent\"\n", "min_severity",
               "unknown severity 'urgent' (one of info, warning, critical)");
  expect_error("[athletes.me]\n[[athletes.me.shoes]]\nname = \"a\"\ndrop_mm = 25\n", "drop_mm",
               "drop_mm is 25, outside 0..20");
  expect_error("[athletes.me]\n[[athletes.me.shoes]]\nname = \"a\"\ndrop_mm = -1\n", "drop_mm",
               "outside 0..20");
  expect_error("[thresholds.spike]\nsmall = nan\n", "small", "must be a finite number");
  expect_error("[thresholds.pain]\nduring_max = 11\n", "during_max", "outside 0..10");
  expect_error("[thresholds.spike]\nwindow_days = 0\n", "window_days", "outside 1..3650");
  expect_error("[push]\nmax_age_hours = 0\n", "max_age_hours", "outside 1..");
  expect_error("[thresholds]\ndisabled = [\"spike\", \"spkie\"]\n", "disabled",
               "unknown detector 'spkie'");
  expect_error("[thresholds]\nrunning_sports = []\n", "running_sports", "at least one sport");
  expect_error("database = \"\"\n", "database", "database is empty");
  expect_error("database = \"~bob/x.db\"\n", "database", "not ~user");
  expect_error("[athletes]\n", "[athletes]", "names no athlete");
  expect_error("[athletes.me]\n[[athletes.me.shoes]]\nbrand = \"Nike\"\n", "[[athletes",
               "a shoe needs a name");
  expect_error("[athletes.me]\n[[athletes.me.shoes]]\nname = \"  \"\n", "name =", "name is empty");
}

TEST_F(ConfigTest, ThresholdsOutOfOrder) {
  expect_error("[thresholds.spike]\nsmall = 0.5\nmoderate = 0.3\n", "small",
               "thresholds.spike.small (0.5) must not be above thresholds.spike.moderate (0.3)");
  expect_error("[thresholds.spike]\nlarge = 0.2\n", "large",
               "thresholds.spike.moderate (0.3) must not be above thresholds.spike.large (0.2)");
  expect_error("[thresholds.weekly_jump]\nsteep = 0.05\n", "steep", "jump (0.1) must not be above");
  expect_error("[thresholds.shoe_drop]\nlower_mm = 10\n", "lower_mm", "steep_mm (8)");
  expect_error("[thresholds.shoe_mileage]\nreplace_km = 400\n", "replace_km",
               "worn_km (500) must not be above thresholds.shoe_mileage.replace_km (400)");
  expect_error("[thresholds.return]\nmajor_days = 10\n", "major_days", "significant_days (14)");
  // In an athlete's table, the check covers the merged values and points at the override.
  expect_error(R"([thresholds.spike]
moderate = 0.2
[athletes.me]
[athletes.me.thresholds.spike]
small = 0.25
)",
               "small = 0.25",
               "athletes.me.thresholds.spike.small (0.25) must not be above "
               "athletes.me.thresholds.spike.moderate (0.2)");
  // A shoe's own limits against the athlete's.
  expect_error("[athletes.me]\n[[athletes.me.shoes]]\nname = \"a\"\nworn_km = 900\n", "worn_km",
               "worn_km (900) must not be above replace_km (800)");
}

TEST_F(ConfigTest, DuplicateShoeNameAndInbox) {
  expect_error(R"([athletes.me]
[[athletes.me.shoes]]
name = "Pegasus"
[[athletes.me.shoes]]
name = "pegasus"
)",
               "name = \"pegasus\"", "duplicate shoe name 'pegasus' (also on line 3)");
  expect_error(R"([athletes.a]
inboxes = ["~/in"]
[athletes.b]
inboxes = ["~/x", "~/in/"]
)",
               "~/x", "already an inbox of athlete 'a'");
}

TEST_F(ConfigTest, BadExtraCatalogue) {
  dir_.write("bad.csv", "brand,model,drop_mm,source_url\nNike,Pegasus 41,ten,x\n");
  try {
    load("shoe_catalogue = \"bad.csv\"\n");
    FAIL() << "no error";
  } catch (const ConfigError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find((dir_.path() / "bad.csv").string() + ":2: drop_mm 'ten' is not a number"),
              std::string::npos)
        << message;
    EXPECT_EQ(message.rfind((dir_.path() / "tendon.toml").string() + ":1:", 0), 0u) << message;
  }
  expect_error("shoe_catalogue = \"missing.csv\"\n", "shoe_catalogue", "cannot open");
}

}  // namespace
}  // namespace tendon
