#include <gtest/gtest.h>

#include "core/status.h"
#include "history_builder.h"

namespace tendon::testing {
namespace {

TEST(Status, CeilingTodayAndWhenItChanges) {
  History h;
  h.run("long", 0, 14000).run("mid", 10, 12000).run("short", 20, 6000);
  auto e = h.engine();
  const Instant now = kDay0 + days(22);
  const Status s = compute_status(e->timeline(), now);
  ASSERT_TRUE(s.longest_30d);
  EXPECT_EQ(s.longest_30d->distance_m, 14000);
  EXPECT_EQ(s.longest_30d->source_id, "long");
  EXPECT_EQ(*s.safe_ceiling_m, 15400);
  EXPECT_EQ(*s.baseline_leaves_at, kDay0 + days(30));
  EXPECT_EQ(*s.next_baseline_m, 12000);
  EXPECT_EQ(*s.next_ceiling_m, 13200);
  EXPECT_EQ(s.last_run->source_id, "short");
}

TEST(Status, WeekSoFarAgainstLastWeekAndAcwr) {
  History h;  // day 0 is a Monday
  h.run("a", 0, 10000).run("b", 3, 8000).run("c", 7, 5000).run("d", 8, 6000);
  auto e = h.engine();
  const Status s = compute_status(e->timeline(), kDay0 + days(9));
  EXPECT_EQ(s.week_m, 11000);
  EXPECT_EQ(s.previous_week_m, 18000);
  EXPECT_EQ(s.week_start, "2026-03-09");
  EXPECT_EQ(s.acwr.acute_m, 19000);  // (day 2, day 9]
  ASSERT_TRUE(s.acwr.ratio);
  EXPECT_NEAR(*s.acwr.ratio, 19000.0 / (29000.0 / 4), 1e-9);
}

TEST(Status, ShoesAndHabitualDrop) {
  History h;
  h.shoe("A", 10, 100).shoe("B", 4);
  h.run("a", 0, 9000, "A").run("b", 1, 3000, "B");
  auto e = h.engine();
  const Status s = compute_status(e->timeline(), kDay0 + days(2));
  ASSERT_EQ(s.shoes.size(), 2u);
  EXPECT_DOUBLE_EQ(s.shoes[0].distance_m, 109000);
  EXPECT_DOUBLE_EQ(*s.habitual_drop_mm, 8.5);
}

TEST(Plan, AnswersWhetherAPlannedDistanceIsASpike) {
  History h;
  h.run("long", 0, 16000).run("easy", 5, 8000);
  auto e = h.engine();
  const Instant now = kDay0 + days(6);
  const PlanCheck yes = check_plan(e->timeline(), now, 18000);
  EXPECT_TRUE(yes.spike);
  EXPECT_EQ(yes.category, "small");
  EXPECT_EQ(*yes.safe_ceiling_m, 17600);
  EXPECT_NE(yes.answer.find("Yes"), std::string::npos);
  const PlanCheck no = check_plan(e->timeline(), now, 17600);
  EXPECT_FALSE(no.spike);
  EXPECT_NE(no.answer.find("No"), std::string::npos);
}

TEST(Plan, AfterABreakThereIsNoSpikeButAFirstWeekCap) {
  History h;
  h.run("a", 0, 10000).run("b", 2, 10000);
  auto e = h.engine();
  const PlanCheck p = check_plan(e->timeline(), kDay0 + days(40), 8000);
  EXPECT_FALSE(p.spike);
  ASSERT_TRUE(p.returning);
  EXPECT_EQ(p.returning->tier, "major");
  EXPECT_DOUBLE_EQ(p.returning->first_week_cap_m, 0.4 * 20000 / 4);
  EXPECT_TRUE(p.over_return_cap);
}

}  // namespace
}  // namespace tendon::testing
