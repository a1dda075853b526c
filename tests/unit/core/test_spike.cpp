#include <gtest/gtest.h>

#include "history_builder.h"

namespace tendon::testing {
namespace {

using Labels = std::vector<std::string>;

TEST(Spike, BandLimitsAreExactInWholeMetres) {
  History h;
  h.run("base", 0, 10000).run("exact10", 1, 11000);
  auto e = h.engine();
  EXPECT_TRUE(h.labels(*e, AlertKind::spike).empty()) << "+10 % exactly is not a spike";

  History h2;
  h2.run("base", 0, 10000).run("just-over", 1, 11001);
  EXPECT_EQ(h2.labels(*h2.engine(), AlertKind::spike), Labels{"just-over spike small"});
}

TEST(Spike, EachBandAndItsSeverity) {
  struct Case {
    std::int64_t metres;
    const char* category;
    Severity severity;
  };
  for (const auto& c : {Case{13000, "small", Severity::warning}, Case{13001, "moderate", Severity::warning},
                        Case{20000, "moderate", Severity::warning}, Case{20001, "large", Severity::critical}}) {
    History h;
    h.run("base", 0, 10000).run("x", 2, c.metres);
    auto e = h.engine();
    const Alert* a = find_alert(*e, h, "x", AlertKind::spike);
    ASSERT_NE(a, nullptr) << c.metres;
    EXPECT_EQ(a->category, c.category) << c.metres;
    EXPECT_EQ(a->severity, c.severity) << c.metres;
    EXPECT_EQ(number(*a, "baseline_m"), 10000);
    EXPECT_EQ(number(*a, "distance_m"), static_cast<double>(c.metres));
    EXPECT_EQ(a->evidence, "runsafe-2025");
    EXPECT_FALSE(a->message.empty());
    EXPECT_FALSE(a->advice.empty());
  }
}

TEST(Spike, WindowIsThePrevious30DaysClosedAtItsStart) {
  History inside;
  inside.at("old", kDay0, 10000).at("x", kDay0 + days(30), 12000);
  EXPECT_EQ(inside.labels(*inside.engine(), AlertKind::spike), Labels{"x spike small"})
      << "a run exactly 30 days before is still in the window";

  History outside;
  outside.at("old", kDay0, 10000).at("x", kDay0 + days(30) + 1, 12000);
  EXPECT_TRUE(outside.labels(*outside.engine(), AlertKind::spike).empty())
      << "one second later it has left; with nothing in the window no spike is judged";
}

TEST(Spike, BaselineIsTheLongestRunNotTheLatest) {
  History h;
  h.run("long", 0, 20000).run("short", 5, 5000).run("x", 10, 21000);
  EXPECT_TRUE(h.labels(*h.engine(), AlertKind::spike).empty());
}

TEST(Spike, OtherSportsNeverCount) {
  History h;
  h.run("run", 0, 8000)
      .run("ride", 1, 60000, {}, "cycling")
      .run("walk", 2, 15000, {}, "walking")
      .run("trail", 3, 9600, {}, "trail_running");
  auto e = h.engine();
  EXPECT_EQ(h.labels(*e), Labels{"trail spike small"});
}

TEST(Spike, ConfiguredBandsApply) {
  Thresholds t;
  t.spike.small = 0.05;
  History h;
  h.run("base", 0, 10000).run("x", 1, 10600);
  EXPECT_EQ(h.labels(*h.engine(t), AlertKind::spike), Labels{"x spike small"});
}

}  // namespace
}  // namespace tendon::testing
