// The same scenarios through the product: an activity log and a config file, then the real
// `tendonctl import` and `tendonctl alerts --json` on a real SQLite file.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <algorithm>

#include "binaries.h"
#include "scenario_check.h"
#include "support/process.h"

namespace tendon::testing {
namespace {

std::vector<SeenAlert> parse_alerts_json(const std::string& text) {
  rapidjson::Document d;
  d.Parse(text.c_str());
  EXPECT_FALSE(d.HasParseError()) << text.substr(0, 200);
  std::vector<SeenAlert> out;
  if (!d.IsArray()) return out;
  for (const auto& a : d.GetArray()) {
    SeenAlert s{a["activity_id"].GetString(), a["kind"].GetString(), a["category"].GetString(), {}};
    for (const char* field : {"severity", "message", "evidence", "advice"}) {
      EXPECT_TRUE(a.HasMember(field) && a[field].IsString() && a[field].GetStringLength() > 0) << field;
    }
    for (auto it = a["figures"].MemberBegin(); it != a["figures"].MemberEnd(); ++it) {
      if (it->value.IsNumber()) s.figures[it->name.GetString()] = it->value.GetDouble();
      else if (it->value.IsString()) s.figures[it->name.GetString()] = std::string(it->value.GetString());
    }
    out.push_back(std::move(s));
  }
  return out;
}

class CliScenario : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam().empty()) GTEST_SKIP() << "../shared/scenarios is not beside this checkout";
  }
};

TEST_P(CliScenario, ImportThenAlertsJsonGivesTheExpectedSet) {
  const Scenario s = load_scenario(GetParam());
  TempDir dir;
  dir.write("history.jsonl", scenario_as_log(s));
  dir.write("tendon.toml", scenario_config(s, dir / "tendon.db"));
  const std::string config = dir / "tendon.toml";

  const auto imported = run_process({tendonctl_path(), "--offline", "--config", config, "import", dir / "history.jsonl"});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  const auto listed = run_process({tendonctl_path(), "--offline", "--config", config, "alerts", "--json"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  expect_scenario_alerts(s, parse_alerts_json(listed.out));

  // Importing the same file again changes nothing and raises nothing.
  const auto again = run_process({tendonctl_path(), "--offline", "--config", config, "import", "--json", dir / "history.jsonl"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("\"imported\": 0"), std::string::npos) << again.out;
  EXPECT_NE(again.out.find("\"alerts_raised\": 0"), std::string::npos) << again.out;
  EXPECT_EQ(run_process({tendonctl_path(), "--offline", "--config", config, "alerts", "--json"}).out, listed.out);
}

TEST_P(CliScenario, ReversedFileOrderGivesTheSameAlerts) {
  const Scenario s = load_scenario(GetParam());
  Scenario reversed = s;
  std::reverse(reversed.activities.begin(), reversed.activities.end());
  // Split into two files imported one after the other: the second half arrives late.
  const std::size_t half = reversed.activities.size() / 2;
  Scenario first = reversed, second = reversed;
  first.activities.resize(half);
  second.activities.erase(second.activities.begin(), second.activities.begin() + static_cast<std::ptrdiff_t>(half));
  TempDir dir;
  dir.write("a.jsonl", scenario_as_log(first));
  dir.write("b.jsonl", scenario_as_log(second));
  dir.write("tendon.toml", scenario_config(s, dir / "tendon.db"));
  const std::string config = dir / "tendon.toml";
  ASSERT_EQ(run_process({tendonctl_path(), "--offline", "--config", config, "import", dir / "a.jsonl"}).exit_code, 0);
  ASSERT_EQ(run_process({tendonctl_path(), "--offline", "--config", config, "import", dir / "b.jsonl"}).exit_code, 0);
  const auto listed = run_process({tendonctl_path(), "--offline", "--config", config, "alerts", "--json"});
  expect_scenario_alerts(s, parse_alerts_json(listed.out));
}

INSTANTIATE_TEST_SUITE_P(Shared, CliScenario, ::testing::ValuesIn(scenario_params()),
                         [](const ::testing::TestParamInfo<std::string>& param_info) { return scenario_test_name(param_info.param); });

}  // namespace
}  // namespace tendon::testing
