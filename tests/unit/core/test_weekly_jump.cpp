#include <gtest/gtest.h>

#include "history_builder.h"

namespace tendon::testing {
namespace {

using Labels = std::vector<std::string>;

// A zone that moves from +1 h to +2 h at a given instant, like Europe/Berlin in March.
class SwitchingZone final : public ZoneRules {
 public:
  explicit SwitchingZone(Instant at) : at_(at) {}
  std::int32_t utc_offset_at(Instant t) const override { return t < at_ ? 3600 : 7200; }
  std::string name() const override { return "test/switching"; }

 private:
  Instant at_;
};

TEST(WeeklyJump, ExactlyTenPercentIsNotAJumpAndTheFirstRunOverFires) {
  History h;  // day 0 is a Monday
  h.run("p1", 0, 10000).run("p2", 2, 10000);                        // last week 20 km
  h.run("c1", 7, 10000).run("c2", 9, 9000).run("c3", 11, 3000);    // 22 km = +10 %: no
  h.run("c4", 13, 4000);                                            // 26 km = +30 %: moderate
  h.run("c5", 13.5, 9000);                                          // already fired this week
  auto e = h.engine();
  EXPECT_EQ(h.labels(*e, AlertKind::weekly_jump), Labels{"c4 weekly_jump moderate"});
  const Alert* a = find_alert(*e, h, "c4", AlertKind::weekly_jump);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(number(*a, "week_m"), 26000);
  EXPECT_EQ(number(*a, "previous_week_m"), 20000);
  EXPECT_DOUBLE_EQ(number(*a, "ratio"), 0.3);
  EXPECT_EQ(a->severity, Severity::info);
}

TEST(WeeklyJump, SteepAboveThirtyPercentAndNeedsTwoKilometres) {
  History h;
  h.run("p", 0, 1000).run("c", 7, 1900);  // +90 % but only 0.9 km more
  EXPECT_TRUE(h.labels(*h.engine(), AlertKind::weekly_jump).empty());
  History h2;
  h2.run("p", 0, 10000).run("c", 7, 13001);
  auto e = h2.engine();
  EXPECT_EQ(h2.labels(*e, AlertKind::weekly_jump), Labels{"c weekly_jump steep"});
  EXPECT_EQ(find_alert(*e, h2, "c", AlertKind::weekly_jump)->severity, Severity::warning);
}

TEST(WeeklyJump, AnEmptyPreviousWeekIsNotAJump) {
  History h;
  h.run("a", 0, 10000).run("b", 14, 30000);
  EXPECT_TRUE(h.labels(*h.engine(), AlertKind::weekly_jump).empty());
}

TEST(WeeklyJump, WeeksFollowTheLocalCalendarAcrossDst) {
  // Sunday 2026-03-29 01:00 UTC Berlin moves to +2 h: 21:30 UTC that Sunday is 23:30 local
  // (same week); 22:30 UTC is 00:30 Monday (next week).
  const Instant switch_at = parse_iso8601("2026-03-29T01:00:00Z")->utc;
  auto zone = std::make_shared<SwitchingZone>(switch_at);
  History h;
  h.at("w1a", parse_iso8601("2026-03-16T17:00:00Z")->utc, 10000);
  h.at("w1b", parse_iso8601("2026-03-22T21:30:00Z")->utc, 10000);  // Sunday 22:30 local
  h.at("w2a", parse_iso8601("2026-03-23T05:00:00Z")->utc, 10000);
  h.at("w2b", parse_iso8601("2026-03-29T21:30:00Z")->utc, 12500);  // Sunday 23:30 local
  h.at("w3a", parse_iso8601("2026-03-29T22:30:00Z")->utc, 11000);  // Monday 00:30 local
  auto e = h.engine({}, zone);
  EXPECT_EQ(h.labels(*e, AlertKind::weekly_jump), Labels{"w2b weekly_jump moderate"});
  const auto& runs = e->timeline().runs();
  ASSERT_EQ(runs.size(), 5u);
  EXPECT_EQ(runs[1].week, runs[0].week);
  EXPECT_EQ(runs[3].week, runs[2].week) << "Sunday 23:30 local is still the same week";
  EXPECT_EQ(runs[4].week, runs[3].week + 1) << "Monday 00:30 local starts the next week";
  EXPECT_EQ(runs[4].week, local_week(runs[3].start, FixedOffsetZone(0)) + 1 - 0)
      << "in UTC both are Sunday: the local calendar is what separates them";
}

}  // namespace
}  // namespace tendon::testing
