// SPEC.md "Alerts": pushed only at or above the minimum severity and within 72 h.
#include <gtest/gtest.h>

#include "core/push_policy.h"

namespace tendon {
namespace {

constexpr Instant kNow = 1772348400;  // 2026-03-01T07:00:00Z
constexpr Instant kHour = 3600;

TEST(PushPolicy, SeverityAtOrAboveTheMinimum) {
  EXPECT_TRUE(should_push(Severity::warning, kNow, Severity::warning, kNow));
  EXPECT_TRUE(should_push(Severity::critical, kNow, Severity::warning, kNow));
  EXPECT_FALSE(should_push(Severity::info, kNow, Severity::warning, kNow));
  EXPECT_TRUE(should_push(Severity::info, kNow, Severity::info, kNow));
  EXPECT_FALSE(should_push(Severity::warning, kNow, Severity::critical, kNow));
}

TEST(PushPolicy, OnlyWithinTheLast72Hours) {
  EXPECT_TRUE(should_push(Severity::critical, kNow - 72 * kHour, Severity::warning, kNow));
  EXPECT_FALSE(should_push(Severity::critical, kNow - 72 * kHour - 1, Severity::warning, kNow));
  EXPECT_FALSE(should_push(Severity::critical, kNow - 365 * 24 * kHour, Severity::warning, kNow));
  EXPECT_TRUE(should_push(Severity::critical, kNow + 2 * kHour, Severity::warning, kNow)) << "a clock ahead";
}

TEST(PushPolicy, AnAlertIsJudgedByItsSubjectsTime) {
  Alert alert;
  alert.severity = Severity::warning;
  alert.at = kNow - 80 * kHour;
  EXPECT_FALSE(should_push(alert, Severity::warning, kNow));
  alert.at = kNow - 10 * kHour;
  EXPECT_TRUE(should_push(alert, Severity::warning, kNow));
}

}  // namespace
}  // namespace tendon
