// SPEC.md "Alerts": pushed only at or above the minimum severity and within 72 h.
#include <gtest/gtest.h>

#include "core/push_policy.h"

namespace tendon {
namespace {

constexpr Instant kNow = 1772348400;  // 2026-03-01T07:00:00Z
constexpr Instant kHour = 3600;

TEST(PushPolicy, SeverityAtOrAboveTheMinimum) {
  EXPECT_TRUE(should_push(Severity::warning, kNow, PushRule{Severity::warning}, kNow));
  EXPECT_TRUE(should_push(Severity::critical, kNow, PushRule{Severity::warning}, kNow));
  EXPECT_FALSE(should_push(Severity::info, kNow, PushRule{Severity::warning}, kNow));
  EXPECT_TRUE(should_push(Severity::info, kNow, PushRule{Severity::info}, kNow));
  EXPECT_FALSE(should_push(Severity::warning, kNow, PushRule{Severity::critical}, kNow));
}

TEST(PushPolicy, OnlyWithinTheLast72Hours) {
  EXPECT_TRUE(should_push(Severity::critical, kNow - 72 * kHour, PushRule{Severity::warning}, kNow));
  EXPECT_FALSE(should_push(Severity::critical, kNow - 72 * kHour - 1, PushRule{Severity::warning}, kNow));
  EXPECT_FALSE(should_push(Severity::critical, kNow - 365 * 24 * kHour, PushRule{Severity::warning}, kNow));
  EXPECT_TRUE(should_push(Severity::critical, kNow + 2 * kHour, PushRule{Severity::warning}, kNow)) << "a clock ahead";
}

TEST(PushPolicy, TheWindowIsConfigurable) {
  const PushRule day{Severity::warning, 24 * kHour};
  EXPECT_TRUE(should_push(Severity::warning, kNow - 24 * kHour, day, kNow));
  EXPECT_FALSE(should_push(Severity::warning, kNow - 25 * kHour, day, kNow));
}

TEST(PushPolicy, AnAlertIsJudgedByItsSubjectsTime) {
  Alert alert;
  alert.severity = Severity::warning;
  alert.at = kNow - 80 * kHour;
  EXPECT_FALSE(should_push(alert, PushRule{}, kNow));
  alert.at = kNow - 10 * kHour;
  EXPECT_TRUE(should_push(alert, PushRule{}, kNow));
}

}  // namespace
}  // namespace tendon
