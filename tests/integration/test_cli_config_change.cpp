// A config edit that changes a verdict reaches the stored alerts: the real tendonctl on a
// real database, before and after the edit.
#include <gtest/gtest.h>

#include "binaries.h"
#include "support/process.h"

namespace tendon::testing {
namespace {

const char* kLog =
    "{\"id\": \"u1\", \"start\": \"2026-05-04T07:00:00Z\", \"sport\": \"running\", \"distance_m\": 10000, \"shoe\": \"Usual\"}\n"
    "{\"id\": \"f1\", \"start\": \"2026-05-06T07:00:00Z\", \"sport\": \"running\", \"distance_m\": 4000, \"shoe\": \"Flat\"}\n";

std::string config(const TempDir& dir, const std::string& flat_drop) {
  return "database = \"" + dir / "t.db" + "\"\n[athletes.ana]\ntimezone = \"UTC\"\ninboxes = []\n"
         "[[athletes.ana.shoes]]\nname = \"Usual\"\ndrop_mm = 12\n"
         "[[athletes.ana.shoes]]\nname = \"Flat\"\n" + flat_drop;
}

TEST(CliConfigChange, ADropSetLaterJudgesTheStoredHistoryAgain) {
  TempDir dir;
  dir.write("tendon.toml", config(dir, ""));
  const std::string cfg = dir / "tendon.toml";
  dir.write("log.jsonl", kLog);
  ASSERT_EQ(run_process({tendonctl_path(), "--offline", "--config", cfg, "import", dir / "log.jsonl"}).exit_code, 0);
  EXPECT_EQ(run_process({tendonctl_path(), "--offline", "--config", cfg, "alerts", "--json"}).out.find("shoe_drop"),
            std::string::npos)
      << "no drop known for Flat: not judged";

  dir.write("tendon.toml", config(dir, "drop_mm = 4\n"));
  const auto after = run_process({tendonctl_path(), "--offline", "--config", cfg, "alerts", "--json"});
  ASSERT_EQ(after.exit_code, 0) << after.err;
  EXPECT_NE(after.out.find("\"kind\": \"shoe_drop\""), std::string::npos) << after.out;
  EXPECT_NE(after.out.find("\"category\": \"steep\""), std::string::npos) << after.out;

  dir.write("tendon.toml", config(dir, "drop_mm = 11\n"));
  const auto relaxed = run_process({tendonctl_path(), "--offline", "--config", cfg, "alerts", "--json"});
  EXPECT_EQ(relaxed.out.find("shoe_drop"), std::string::npos) << "the cause is gone: withdrawn\n" << relaxed.out;
  const auto all = run_process({tendonctl_path(), "--offline", "--config", cfg, "alerts", "--all", "--json"});
  EXPECT_NE(all.out.find("\"state\": \"withdrawn\""), std::string::npos) << all.out;
}

}  // namespace
}  // namespace tendon::testing
