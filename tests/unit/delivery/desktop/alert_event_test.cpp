// The notifier reads exactly what service/service_events.cpp publishes.
#include "delivery/desktop/alert_event.h"

#include <gtest/gtest.h>

#include "service/service_events.h"

namespace tendon::desktop {
namespace {

Alert spike_alert() {
  Alert a;
  a.subject.activity_id = 3;
  a.at = 1'790'000'000;
  a.kind = AlertKind::spike;
  a.category = "moderate";
  a.severity = Severity::warning;
  a.figures = {{"distance_m", std::int64_t{18400}}, {"ratio", 0.31}};
  a.message = "Long run spike: 18.4 km is 31.0 % over your 30-day longest (14.0 km, Nov 2).";
  return a;
}

TEST(AlertEvent, ReadsThePublishedParams) {
  const auto params = alert_event_params("ana", 42, spike_alert());
  const auto e = parse_alert_event("Alert.Updated", params);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->change, AlertChange::updated);
  EXPECT_EQ(e->id, 42);
  EXPECT_EQ(e->athlete, "ana");
  EXPECT_EQ(e->kind, "spike");
  EXPECT_EQ(e->category, "moderate");
  EXPECT_EQ(e->severity, Severity::warning);
  EXPECT_EQ(e->at, 1'790'000'000);
  EXPECT_EQ(e->message, spike_alert().message);
}

TEST(AlertEvent, PublishedParamsCarryIdTimeAndFigures) {
  const auto params = alert_event_params("ana", 42, spike_alert());
  EXPECT_EQ(params["id"].GetInt64(), 42);
  EXPECT_STREQ(params["at"].GetString(), "2026-09-21T14:13:20Z");
  EXPECT_EQ(params["figures"]["distance_m"].GetInt64(), 18400);
  EXPECT_DOUBLE_EQ(params["figures"]["ratio"].GetDouble(), 0.31);
}

TEST(AlertEvent, OtherEventsAndIncompleteParamsAreNotAlerts) {
  const auto params = alert_event_params("ana", 42, spike_alert());
  EXPECT_FALSE(parse_alert_event("Import.Finished", params));
  EXPECT_FALSE(parse_alert_event("Alert.Snoozed", params));
  rapidjson::Document old_daemon;
  old_daemon.Parse(R"({"athlete":"ana","kind":"spike","category":"moderate","severity":"warning","message":"x"})");
  EXPECT_FALSE(parse_alert_event("Alert.Raised", old_daemon));  // no id, no at
}

}  // namespace
}  // namespace tendon::desktop
