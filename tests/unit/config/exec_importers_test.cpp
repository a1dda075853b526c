// [[exec_importers]]: programs that turn a file into activity-log JSON lines.
#include <gtest/gtest.h>

#include "config/config.h"
#include "config_test_util.h"

namespace tendon::test {
namespace {

class ExecImporterConfigTest : public ::testing::Test {
 protected:
  Config load(const std::string& toml) { return load_config(dir_.write("tendon.toml", toml)); }
  std::string error_of(const std::string& toml) {
    try {
      load(toml);
    } catch (const ConfigError& e) {
      return e.what();
    }
    return "";
  }
  TempDir dir_;
};

TEST_F(ExecImporterConfigTest, AnExecImporterIsReadWithItsProgramArgumentsSuffixesAndTimeout) {
  const Config c = load(
      "[[exec_importers]]\nid = \"polar\"\ncommand = [\"bin/polar2tendon\", \"--metric\"]\n"
      "suffixes = [\".POLAR.json\"]\ntimeout_s = 12\n"
      "[[exec_importers]]\nid = \"coros\"\ncommand = [\"/opt/coros\"]\nsuffixes = [\".coros\"]\n");
  ASSERT_EQ(c.exec_importers.size(), 2u);
  const ExecImporterConfig& polar = c.exec_importers[0];
  EXPECT_EQ(polar.id, "polar");
  ASSERT_EQ(polar.command.size(), 2u);
  EXPECT_EQ(polar.command[0], (dir_.path() / "bin/polar2tendon").string()) << "relative to the config file";
  EXPECT_EQ(polar.command[1], "--metric") << "arguments are not paths";
  EXPECT_EQ(polar.suffixes, std::vector<std::string>{".polar.json"});
  EXPECT_EQ(polar.timeout_s, 12);
  EXPECT_EQ(c.exec_importers[1].timeout_s, 30) << "the default";
}

TEST_F(ExecImporterConfigTest, MistakesAreRefusedWithTheirPlace) {
  EXPECT_NE(error_of("[[exec_importers]]\ncommand = [\"/x\"]\nsuffixes = [\".x\"]\n").find("needs an id"),
            std::string::npos);
  EXPECT_NE(error_of("[[exec_importers]]\nid = \"x\"\nsuffixes = [\".x\"]\n").find("command must list"),
            std::string::npos);
  EXPECT_NE(error_of("[[exec_importers]]\nid = \"x\"\ncommand = [\"/x\"]\nsuffixes = [\"x\"]\n")
                .find("must be a file suffix"),
            std::string::npos);
  EXPECT_NE(error_of("[[exec_importers]]\nid = \"x\"\ncommand = [\"/x\"]\n").find("at least one file suffix"),
            std::string::npos);
  EXPECT_NE(error_of("[[exec_importers]]\nid = \"x\"\ncommand = [\"/x\"]\nsuffixes = [\".x\"]\ntimeout_s = 0\n"),
            "");
  EXPECT_NE(error_of("[[exec_importers]]\nid = \"x\"\ncommand = [\"/x\"]\nsuffixes = [\".x\"]\nshell = true\n")
                .find("shell"),
            std::string::npos)
      << "unknown keys are reported";
}

}  // namespace
}  // namespace tendon::test
