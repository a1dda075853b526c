#include <gtest/gtest.h>

#include "history_builder.h"

namespace tendon::testing {
namespace {

using Labels = std::vector<std::string>;

TEST(Return, TiersByGapInWholeDays) {
  struct Case {
    double gap;
    const char* tier;
  };
  for (const auto& c : {Case{6.99, nullptr}, Case{7, "short"}, Case{13.9, "short"}, Case{14, "significant"},
                        Case{27.9, "significant"}, Case{28, "major"}, Case{200, "major"}}) {
    History h;
    h.run("before", 0, 5000).run("back", c.gap, 1000);
    auto e = h.engine();
    const Alert* a = find_alert(*e, h, "back", AlertKind::return_break);
    if (!c.tier) {
      EXPECT_EQ(a, nullptr) << c.gap;
      continue;
    }
    ASSERT_NE(a, nullptr) << c.gap;
    EXPECT_EQ(a->category, c.tier) << c.gap;
    EXPECT_EQ(number(*a, "gap_days"), static_cast<double>(static_cast<int>(c.gap)));
  }
}

TEST(Return, OverloadFiresOnceOnTheRunThatCrossesTheCap) {
  // Pre-break: 32 km in the 28 days up to the last run -> 8 km a week; short break cap 75 % = 6 km.
  History h;
  h.run("a", 0, 10000).run("b", 3, 10000).run("c", 7, 12000);
  h.run("back", 15, 6000);   // 6 km: not over 6 km
  h.run("d", 17, 3000);      // 9 km: over
  h.run("e", 18, 3000);      // already raised
  h.run("late", 22.5, 3000); // outside the 7 days from the return
  auto e = h.engine();
  EXPECT_EQ(h.labels(*e, AlertKind::return_overload), Labels{"d return_overload short"});
  const Alert* a = find_alert(*e, h, "d", AlertKind::return_overload);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(number(*a, "week_m"), 9000);
  EXPECT_DOUBLE_EQ(number(*a, "cap_m"), 6000.0);
}

TEST(Return, FirstRunBackCanItselfOverload) {
  History h;
  h.run("a", 0, 10000).run("back", 40, 5000);  // major: cap 40 % of 2.5 km a week = 1 km
  EXPECT_EQ(h.labels(*h.engine()), (Labels{"back return major", "back return_overload major"}));
}

TEST(Return, TheFirstRunEverIsNotAReturn) {
  History h;
  h.run("first", 0, 5000);
  EXPECT_TRUE(h.labels(*h.engine()).empty());
}

}  // namespace
}  // namespace tendon::testing
