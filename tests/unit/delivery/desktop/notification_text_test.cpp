#include "delivery/desktop/notification_text.h"

#include <gtest/gtest.h>

namespace tendon::desktop {
namespace {

AlertEvent event(const std::string& kind, Severity severity, const std::string& message) {
  AlertEvent e;
  e.id = 7;
  e.athlete = "ana";
  e.kind = kind;
  e.category = "moderate";
  e.severity = severity;
  e.message = message;
  return e;
}

const char* const kSpikeMessage =
    "Long run spike: 18.4 km is 31.0 % over your 30-day longest (14.0 km, Nov 2). Runners with runs 30-100 % "
    "longer had a 52 % higher injury rate (RUNSAFE 2025, HRR 1.52).";

TEST(NotificationText, SpikeReadsAtAGlance) {
  const auto text = alert_notification(event("spike", Severity::warning, kSpikeMessage), false);
  EXPECT_EQ(text.summary, "Long run spike");
  EXPECT_EQ(text.body, "18.4 km is 31.0 % over your 30-day longest (14.0 km, Nov 2)");
  EXPECT_EQ(text.icon, "dialog-warning");
  EXPECT_EQ(text.urgency, 1);
}

TEST(NotificationText, MessageWithoutTheTitleIsKeptWhole) {
  const auto text = alert_notification(
      event("acwr", Severity::critical, "Acute:chronic ratio 1.64: 41.0 km in 7 days against a 4-week average of 25.0 km a week."),
      false);
  EXPECT_EQ(text.summary, "High acute:chronic ratio");
  EXPECT_EQ(text.body, "Acute:chronic ratio 1.64: 41.0 km in 7 days against a 4-week average of 25.0 km a week");
  EXPECT_EQ(text.icon, "dialog-error");
  EXPECT_EQ(text.urgency, 2);
}

TEST(NotificationText, UrgencyFollowsSeverity) {
  EXPECT_EQ(urgency_of(Severity::info), 0);
  EXPECT_EQ(urgency_of(Severity::warning), 1);
  EXPECT_EQ(urgency_of(Severity::critical), 2);
}

TEST(NotificationText, SeveralAthletesNameWhose) {
  const auto text = alert_notification(event("spike", Severity::warning, kSpikeMessage), true);
  EXPECT_EQ(text.summary, "Long run spike (ana)");
}

TEST(NotificationText, UnknownKindStillHasATitle) {
  const auto text = alert_notification(event("sleep_debt", Severity::warning, "Short nights: 5 h on average."), false);
  EXPECT_EQ(text.summary, "Training alert");
  EXPECT_EQ(text.body, "Short nights: 5 h on average");
}

TEST(NotificationText, WithdrawalIsShortAndLowUrgency) {
  const auto text = withdrawn_notification(event("spike", Severity::critical, kSpikeMessage), false);
  EXPECT_EQ(text.summary, "Withdrawn: Long run spike");
  EXPECT_EQ(text.urgency, 0);
  EXPECT_EQ(text.body.find("18.4"), std::string::npos);
}

TEST(NotificationText, TestNotificationSaysItIsATest) {
  const auto text = test_notification();
  EXPECT_NE(text.summary.find("test"), std::string::npos);
  EXPECT_NE(text.body.find("tendonctl alerts test"), std::string::npos);
}

}  // namespace
}  // namespace tendon::desktop
