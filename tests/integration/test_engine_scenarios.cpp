// Every scenario of ../shared/scenarios through the engine with the real IANA zone.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "config/iana_zone.h"
#include "core/engine.h"
#include "scenario_check.h"

namespace tendon::testing {
namespace {

std::vector<SeenAlert> seen_alerts(const Engine& e, const Scenario& s) {
  std::map<std::int64_t, std::string> ids;
  for (const auto& a : s.activities) ids[a.id] = a.source_id;
  std::vector<SeenAlert> out;
  for (const auto& [key, alert] : e.alerts()) {
    SeenAlert a{ids[key.subject.activity_id], to_string(key.kind), key.category, {}};
    for (const auto& f : alert.figures) {
      if (const auto* i = std::get_if<std::int64_t>(&f.value)) a.figures[f.name] = static_cast<double>(*i);
      else if (const auto* d = std::get_if<double>(&f.value)) a.figures[f.name] = *d;
      else a.figures[f.name] = std::get<std::string>(f.value);
    }
    out.push_back(std::move(a));
  }
  return out;
}

std::unique_ptr<Engine> engine_for(const Scenario& s) {
  std::vector<Shoe> shoes;
  for (const auto& [name, drop] : s.shoe_drops) {
    Shoe shoe;
    shoe.name = name;
    shoe.drop_mm = drop;
    shoes.push_back(shoe);
  }
  return std::make_unique<Engine>(Thresholds{}, make_iana_zone(s.timezone), shoes);
}

class EngineScenario : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam().empty()) GTEST_SKIP() << "../shared/scenarios is not beside this checkout";
  }
};

TEST_P(EngineScenario, YieldsExactlyTheExpectedAlerts) {
  const Scenario s = load_scenario(GetParam());
  auto e = engine_for(s);
  e->apply(s.activities);
  expect_scenario_alerts(s, seen_alerts(*e, s));
}

TEST_P(EngineScenario, ShuffledArrivalYieldsTheSameAlerts) {
  const Scenario s = load_scenario(GetParam());
  auto in_order = engine_for(s);
  in_order->apply(s.activities);
  for (unsigned seed : {1u, 2u, 3u}) {
    std::vector<Activity> shuffled = s.activities;
    std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(seed));
    auto e = engine_for(s);
    for (const auto& a : shuffled) e->apply({a});
    EXPECT_EQ(e->alerts().size(), in_order->alerts().size()) << s.name << " seed " << seed;
    for (const auto& [key, alert] : in_order->alerts()) {
      const auto it = e->alerts().find(key);
      ASSERT_NE(it, e->alerts().end()) << s.name << " seed " << seed << ": " << alert.message;
      EXPECT_EQ(it->second.figures, alert.figures) << s.name;
    }
  }
}

TEST_P(EngineScenario, TransitionAlertsAreOverTheirWeeksCap) {
  const Scenario s = load_scenario(GetParam());
  auto e = engine_for(s);
  e->apply(s.activities);
  for (const auto& a : seen_alerts(*e, s)) {
    if (a.kind != "shoe_transition") continue;
    const double share = std::get<double>(a.figures.at("share"));
    const double cap = std::get<double>(a.figures.at("cap"));
    const double week = std::get<double>(a.figures.at("transition_week"));
    EXPECT_GT(share, cap) << s.name << " " << a.activity;
    EXPECT_NEAR(cap, 0.15 + 0.10 * (week - 1), 1e-9) << s.name << " " << a.activity;
    EXPECT_LE(week, 8) << s.name << " " << a.activity;
  }
}

INSTANTIATE_TEST_SUITE_P(Shared, EngineScenario, ::testing::ValuesIn(scenario_params()),
                         [](const ::testing::TestParamInfo<std::string>& param_info) { return scenario_test_name(param_info.param); });

}  // namespace
}  // namespace tendon::testing
