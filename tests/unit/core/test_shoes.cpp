#include <gtest/gtest.h>

#include "history_builder.h"

namespace tendon::testing {
namespace {

using Labels = std::vector<std::string>;

TEST(ShoeDrop, CategoriesAtTheirExactLimits) {
  struct Case {
    double drop;
    const char* category;
  };
  // Habitual 12 mm: delta 1.9 none, 2 slight, 4 lower, 8 steep; zero-drop with delta >= 4 steep.
  for (const auto& c : {Case{10.1, nullptr}, Case{10, "slight"}, Case{8.1, "slight"}, Case{8, "lower"},
                        Case{4.1, "lower"}, Case{4, "steep"}, Case{1, "steep"}, Case{0, "steep"}}) {
    History h;
    h.shoe("High", 12).shoe("New", c.drop);
    h.run("h", 0, 10000, "High").run("x", 1, 5000, "New");
    auto e = h.engine();
    const Alert* a = find_alert(*e, h, "x", AlertKind::shoe_drop);
    if (!c.category) {
      EXPECT_EQ(a, nullptr) << c.drop;
      continue;
    }
    ASSERT_NE(a, nullptr) << c.drop;
    EXPECT_EQ(a->category, c.category) << c.drop;
  }
}

TEST(ShoeDrop, ZeroDropShoeWithSmallDeltaIsOnlyWhatTheDeltaSays) {
  History h;
  h.shoe("Three", 3).shoe("Zero", 0);
  h.run("h", 0, 10000, "Three").run("x", 1, 5000, "Zero");
  auto e = h.engine();
  const Alert* a = find_alert(*e, h, "x", AlertKind::shoe_drop);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->category, "slight");
}

TEST(ShoeDrop, HabitualDropIsDistanceWeightedAndUnknownDropsAreNotJudged) {
  History h;
  h.shoe("High 12", 12).shoe("Mid 10", 10).shoe("Low 6", 6).shoe("Mystery", std::nullopt);
  h.run("h1", 0, 10000, "High 12").run("h2", 2, 10000, "High 12").run("m1", 4, 8000, "Mid 10");
  h.run("u", 5, 9000, "Mystery").run("l1", 6, 5000, "Low 6").run("none", 7, 4000);
  auto e = h.engine();
  EXPECT_EQ(h.labels(*e, AlertKind::shoe_drop), (Labels{"l1 shoe_drop lower", "m1 shoe_drop slight"}));
  const Alert* a = find_alert(*e, h, "l1", AlertKind::shoe_drop);
  ASSERT_NE(a, nullptr);
  EXPECT_DOUBLE_EQ(number(*a, "habitual_drop_mm"), 11.43);  // (20 km x 12 + 8 km x 10) / 28 km
}

TEST(ShoeTransition, ShareCapStartsAtFifteenPercentAndRisesTenPointsAWeek) {
  History h;
  h.shoe("Usual", 10).shoe("Flat", 4);
  for (int d = 0; d < 14; d += 2) h.run("u" + std::to_string(d), d, 10000, "Usual");
  h.run("f1", 14, 1500, "Flat");  // 1.5 of (3 x 10 + 1.5) = 4.8 %: fine
  h.run("u15", 15, 5000, "Usual");
  h.run("f2", 16, 5000, "Flat");  // 6.5 of 31.5 = 20.6 % > 15 %: over, week 1
  h.run("f3", 17, 5000, "Flat");  // still week 1: not again
  h.run("f4", 21, 6000, "Flat");  // week 2: 16 of 21 = 76 % > 25 %: over again
  auto e = h.engine();
  EXPECT_EQ(h.labels(*e, AlertKind::shoe_transition),
            (Labels{"f2 shoe_transition over_cap", "f4 shoe_transition over_cap"}));
  const Alert* a = find_alert(*e, h, "f4", AlertKind::shoe_transition);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(number(*a, "transition_week"), 2);
  EXPECT_DOUBLE_EQ(number(*a, "cap"), 0.25);
}

TEST(ShoeTransition, NotForAShoeOfSimilarDropNorAfterEightWeeks) {
  History similar;
  similar.shoe("Usual", 10).shoe("Other", 8);
  similar.run("u", 0, 10000, "Usual").run("o", 1, 10000, "Other");
  EXPECT_TRUE(similar.labels(*similar.engine(), AlertKind::shoe_transition).empty());

  History late;
  late.shoe("Usual", 10).shoe("Flat", 4);
  late.run("u", 0, 10000, "Usual").run("f0", 1, 100, "Flat");
  for (int d = 2; d < 57; d += 5) late.run("u" + std::to_string(d), d, 10000, "Usual");
  late.run("f9", 58, 20000, "Flat");  // day 57 after first use: week 9, no longer new
  EXPECT_TRUE(late.labels(*late.engine(), AlertKind::shoe_transition).empty());
}

TEST(ShoeMileage, EachLimitFiresOnceOnTheCrossingRunIncludingStartingDistance) {
  History h;
  h.shoe("Old", 10, 490);
  h.run("a", 0, 9000, "Old").run("b", 1, 1000, "Old").run("c", 2, 5000, "Old");
  auto e = h.engine();
  EXPECT_EQ(h.labels(*e, AlertKind::shoe_mileage), Labels{"b shoe_mileage worn"}) << "499 -> 500 km crosses";
  const Alert* a = find_alert(*e, h, "b", AlertKind::shoe_mileage);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->severity, Severity::info);

  History r;
  r.shoe("Tired", 10, 795);
  r.run("x", 0, 6000, "Tired");
  auto e2 = r.engine();
  EXPECT_EQ(r.labels(*e2, AlertKind::shoe_mileage), Labels{"x shoe_mileage replace"});
}

TEST(ShoeMileage, OnlyRunningCounts) {
  History h;
  h.shoe("S", 10, 499);
  h.run("walk", 0, 5000, "S", "walking").run("run", 1, 500, "S");
  EXPECT_TRUE(h.labels(*h.engine(), AlertKind::shoe_mileage).empty());
}

}  // namespace
}  // namespace tendon::testing
