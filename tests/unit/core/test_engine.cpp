#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "history_builder.h"

namespace tendon::testing {
namespace {

using Labels = std::vector<std::string>;

// A random but plausible history: runs most days, some breaks, three shoes, other sports.
History random_history(unsigned seed) {
  std::mt19937 rng(seed);
  History h;
  h.shoe("Twelve", 12).shoe("Six", 6).shoe("Zero", 0, 450).shoe("Unknown", std::nullopt);
  const char* shoes[] = {"Twelve", "Six", "Zero", "Unknown"};
  double day = 0;
  for (int i = 0; i < 160; ++i) {
    day += std::uniform_real_distribution<double>(0.3, 2.5)(rng);
    if (rng() % 25 == 0) day += std::uniform_int_distribution<int>(7, 40)(rng);
    const std::int64_t metres = std::uniform_int_distribution<std::int64_t>(2000, 25000)(rng);
    const std::string sport = rng() % 8 == 0 ? "cycling" : (rng() % 6 == 0 ? "trail_running" : "running");
    const double ascent = std::uniform_real_distribution<double>(0, 400)(rng);
    h.run("r" + std::to_string(i), day, metres, std::string(shoes[rng() % 4]), sport, ascent);
  }
  return h;
}

Thresholds everything_on() {
  Thresholds t;
  t.acwr.alert = true;
  return t;
}

TEST(Engine, ShuffledImportYieldsExactlyTheAlertsOfTimeOrder) {
  for (unsigned seed = 1; seed <= 20; ++seed) {
    const History h = random_history(seed);
    const Thresholds t = everything_on();
    auto in_order = h.engine(t);

    std::vector<Activity> shuffled = h.activities;
    std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(seed * 7919));
    Engine one_by_one(t, std::make_shared<FixedOffsetZone>(0), h.shoes);
    for (const auto& a : shuffled) one_by_one.apply({a});

    ASSERT_FALSE(in_order->alerts().empty());
    EXPECT_EQ(h.labels(one_by_one), h.labels(*in_order)) << "seed " << seed;
    for (const auto& [key, alert] : in_order->alerts()) {
      const auto it = one_by_one.alerts().find(key);
      ASSERT_NE(it, one_by_one.alerts().end());
      EXPECT_EQ(it->second.figures, alert.figures) << "seed " << seed << " " << alert.message;
    }
  }
}

TEST(Engine, IncrementalStateAlwaysEqualsAFreshJudgement) {
  const History h = random_history(42);
  Engine e(everything_on(), std::make_shared<FixedOffsetZone>(0), h.shoes);
  std::vector<Activity> shuffled = h.activities;
  std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(3));
  for (std::size_t i = 0; i < shuffled.size(); ++i) {
    e.apply({shuffled[i]});
    if (i % 20 == 0) {
      EXPECT_TRUE(e.rejudge_all().empty()) << "after " << i << " runs";
    }
  }
}

TEST(Engine, InOrderArrivalRaisesOnlyTheNewRunsAlerts) {
  History h;
  h.run("base", 0, 10000);
  auto e = h.engine();
  Activity x = h.activities[0];
  x.id = 2;
  x.source_id = "x";
  x.start += days(1);
  x.distance_m = 15000;
  const AlertDiff diff = e->apply({x});
  ASSERT_EQ(diff.raised.size(), 1u);
  EXPECT_EQ(diff.raised[0].subject.activity_id, 2);
  EXPECT_TRUE(diff.withdrawn.empty());
  EXPECT_TRUE(e->apply({}).empty());
}

TEST(Engine, ALateLongRunWithdrawsTheSpikeItExplains) {
  History h;  // all in one week, so only the spike can change
  h.run("early", 0, 13000).run("x", 3, 15000);
  auto e = h.engine();
  ASSERT_EQ(h.labels(*e), Labels{"x spike small"});

  h.run("late", 1, 14000);  // x is now +7 %, and late itself is +8 % over early
  const AlertDiff diff = e->apply({h.activities.back()});
  ASSERT_EQ(diff.withdrawn.size(), 1u);
  EXPECT_EQ(diff.withdrawn[0].kind, AlertKind::spike);
  EXPECT_EQ(diff.withdrawn[0].subject.activity_id, 2);
  EXPECT_TRUE(diff.raised.empty());
  EXPECT_TRUE(h.labels(*e).empty());
}

TEST(Engine, ALateRunMovesASpikeToAnotherBand) {
  History h;
  h.run("early", 0, 10000).run("x", 3, 25000);
  auto e = h.engine();
  ASSERT_EQ(h.labels(*e), Labels{"x spike large"});
  h.run("late", 1, 12600);  // 25 km is now +98 %: moderate; late itself is +26 %: small
  const AlertDiff diff = e->apply({h.activities.back()});
  EXPECT_EQ(h.labels(*e), (Labels{"late spike small", "x spike moderate"}));
  ASSERT_EQ(diff.withdrawn.size(), 1u);  // (x, spike, large) is another identity than moderate
  EXPECT_EQ(diff.withdrawn[0].category, "large");
  EXPECT_EQ(diff.raised.size(), 2u);
}

TEST(Engine, ChangedFiguresAreAnUpdateNotANewAlert) {
  History h;
  h.run("early", 0, 10000).run("x", 3, 12500);
  auto e = h.engine();
  h.run("late", 1, 10500);  // x stays small, but its baseline and ratio change
  const AlertDiff diff = e->apply({h.activities.back()});
  ASSERT_EQ(diff.updated.size(), 1u);
  EXPECT_EQ(number(diff.updated[0], "baseline_m"), 10500);
  EXPECT_TRUE(diff.raised.empty());
  EXPECT_TRUE(diff.withdrawn.empty());
}

TEST(Engine, DeletingARunWithdrawsItsAlertsAndRestoresOthers) {
  History h;
  h.run("early", 0, 10000).run("mid", 5, 14500).run("x", 10, 15000);
  auto e = h.engine();
  ASSERT_EQ(h.labels(*e, AlertKind::spike), Labels{"mid spike moderate"});
  const AlertDiff diff = e->apply({}, {2});
  ASSERT_EQ(diff.withdrawn.size(), 1u);
  EXPECT_EQ(diff.withdrawn[0].subject.activity_id, 2);
  EXPECT_EQ(h.labels(*e, AlertKind::spike), Labels{"x spike moderate"});
}

TEST(Engine, RestoreTakesStoredAlertsWithoutJudgingAgain) {
  const History h = random_history(5);
  auto original = h.engine();
  std::vector<Alert> stored;
  for (const auto& [k, a] : original->alerts()) stored.push_back(a);
  Engine restored(Thresholds{}, std::make_shared<FixedOffsetZone>(0), h.shoes);
  restored.restore(h.activities, {}, stored);
  EXPECT_EQ(h.labels(restored), h.labels(*original));
  EXPECT_TRUE(restored.rejudge_all().empty());
}

TEST(Engine, ShoeDropSetLaterJudgesTheHistoryAgain) {
  History h;
  h.shoe("Usual", 12).shoe("New", std::nullopt);
  h.run("u", 0, 10000, "Usual").run("n", 1, 8000, "New");
  auto e = h.engine();
  EXPECT_TRUE(h.labels(*e, AlertKind::shoe_drop).empty());
  auto shoes = h.shoes;
  shoes[1].drop_mm = 4;
  const AlertDiff diff = e->set_shoes(shoes);
  EXPECT_EQ(h.labels(*e, AlertKind::shoe_drop), Labels{"n shoe_drop steep"});
  EXPECT_EQ(diff.raised.size(), h.labels(*e).size()) << "nothing was raised before the drop was known";
}

TEST(Engine, DisabledDetectorsRaiseNothing) {
  Thresholds t;
  t.disabled = {AlertKind::spike, AlertKind::return_break};
  History h;
  h.run("a", 0, 10000).run("b", 1, 30000).run("c", 40, 5000);
  auto e = h.engine(t);
  EXPECT_TRUE(h.labels(*e, AlertKind::spike).empty());
  EXPECT_TRUE(h.labels(*e, AlertKind::return_break).empty());
}

}  // namespace
}  // namespace tendon::testing
