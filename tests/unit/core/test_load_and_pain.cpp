#include <gtest/gtest.h>

#include "history_builder.h"

namespace tendon::testing {
namespace {

using Labels = std::vector<std::string>;

TEST(ClimbJump, FiresWhenTheWeekClimbsFarAboveTheMonthAndAtMostOncePerWeek) {
  History h;
  for (int d = 0; d < 28; d += 2) h.run("b" + std::to_string(d), d, 8000, {}, "running", 50);  // 175 m a week
  h.run("hill1", 28, 10000, {}, "running", 300);    // 7 days: 450 m against 137.5 m a week
  h.run("hill2", 29, 10000, {}, "running", 300);    // within 7 days of the last: not again
  h.run("hill3", 30, 10000, {}, "running", 300);
  h.run("hill4", 35.5, 10000, {}, "running", 300);  // 7.5 days later and still climbing: again
  auto e = h.engine();
  EXPECT_EQ(h.labels(*e, AlertKind::climb_jump), (Labels{"hill1 climb_jump jump", "hill4 climb_jump jump"}));
  const Alert* a = find_alert(*e, h, "hill1", AlertKind::climb_jump);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(number(*a, "week_ascent_m"), 450);
  EXPECT_DOUBLE_EQ(number(*a, "baseline_weekly_ascent_m"), 137.5);
}

TEST(ClimbJump, UnknownAscentHistoryIsNotAJump) {
  History h;
  h.run("a", 0, 8000).run("hill", 3, 8000, {}, "running", 900);
  EXPECT_TRUE(h.labels(*h.engine(), AlertKind::climb_jump).empty()) << "no runs in the 28 days before";
}

TEST(Acwr, OffByDefaultAndOnWhenConfigured) {
  History h;
  for (int d = 0; d < 28; d += 3) h.run("b" + std::to_string(d), d, 5000);
  h.run("big", 28, 25000).run("big2", 29, 25000);
  EXPECT_TRUE(h.labels(*h.engine(), AlertKind::acwr).empty());
  Thresholds t;
  t.acwr.alert = true;
  auto e = h.engine(t);
  EXPECT_EQ(h.labels(*e, AlertKind::acwr), Labels{"big acwr high"});
}

Checkin checkin(std::int64_t id, double day, std::optional<int> during, std::optional<int> after,
                std::optional<int> morning) {
  Checkin c;
  c.id = id;
  c.athlete = "t";
  c.at = kDay0 + static_cast<Instant>(day * kSecondsPerDay);
  c.pain_during = during;
  c.pain_after = after;
  c.morning = morning;
  return c;
}

std::vector<std::string> pain_labels(const Engine& e) {
  std::vector<std::string> out;
  for (const auto& [k, a] : e.alerts()) {
    if (k.kind == AlertKind::pain) out.push_back(std::to_string(k.subject.checkin_id) + " " + k.category);
  }
  return out;
}

TEST(Pain, DuringAndAfterAboveFive) {
  Engine e(Thresholds{}, std::make_shared<FixedOffsetZone>(0), {});
  e.add_checkins({checkin(1, 0, 5, 5, {}), checkin(2, 1, 6, 2, {}), checkin(3, 2, 0, 7, {})});
  EXPECT_EQ(pain_labels(e), (Labels{"2 during", "3 after"}));
}

TEST(Pain, MorningTwoAboveTheMedianOfThePreviousSeven) {
  Engine e(Thresholds{}, std::make_shared<FixedOffsetZone>(0), {});
  std::vector<Checkin> cs;
  const int mornings[] = {1, 2, 1, 2, 1, 2, 1, 3, 4};
  for (int i = 0; i < 9; ++i) cs.push_back(checkin(i + 1, i, {}, {}, mornings[i]));
  e.add_checkins(cs);
  // median of the 7 before #8 is 1: 3 is 2 above -> morning; #9 (4) vs median of 2,1,2,1,2,1,3 = 2.
  const auto labels = pain_labels(e);
  EXPECT_NE(std::find(labels.begin(), labels.end(), "8 morning"), labels.end());
  EXPECT_NE(std::find(labels.begin(), labels.end(), "9 morning"), labels.end());
  EXPECT_EQ(std::count_if(labels.begin(), labels.end(), [](const std::string& l) { return l.find("morning") != std::string::npos; }), 2);
}

TEST(Pain, TrendWhenTheWeekMeanRisesAtMostOncePerWeek) {
  Engine e(Thresholds{}, std::make_shared<FixedOffsetZone>(0), {});
  std::vector<Checkin> cs;
  for (int i = 0; i < 7; ++i) cs.push_back(checkin(i + 1, i, {}, {}, 1));
  for (int i = 7; i < 14; ++i) cs.push_back(checkin(i + 1, i, {}, {}, 2));
  e.add_checkins(cs);
  std::vector<std::string> trend;
  for (const auto& l : pain_labels(e)) {
    if (l.find("trend") != std::string::npos) trend.push_back(l);
  }
  EXPECT_EQ(trend, Labels{"8 trend"});
}

}  // namespace
}  // namespace tendon::testing
