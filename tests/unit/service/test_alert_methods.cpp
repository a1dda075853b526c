// Alert.List (filters), Alert.Acknowledge and Alert.Snooze (by seconds and by until).
#include "service_fixture.h"

namespace tendon::testing {
namespace {

constexpr int kInvalidParams = -32602;
constexpr int kNotFound = -32002;

class AlertMethods : public ServiceTest {
 protected:
  // One spike alert for ana; returns its id.
  std::int64_t raise_spike() {
    import("spike.jsonl", run_line("a", "02", 10000) + run_line("b", "04", 14000));
    const auto alerts = call("Alert.List", R"({"athlete":"ana"})");
    EXPECT_EQ(alerts.Size(), 1u);
    if (alerts.Size() != 1) return 0;
    EXPECT_EQ(string_of(alerts[0], "kind"), "spike");
    return alerts[0]["id"].GetInt64();
  }
  std::size_t active_at(const std::string& now) {
    return call("Alert.List", R"({"active_only":true,"now":")" + now + "\"}").Size();
  }
};

TEST_F(AlertMethods, ListFiltersByAthleteAndSeverity) {
  const auto id = raise_spike();
  const auto everyone = call("Alert.List");
  ASSERT_EQ(everyone.Size(), 1u);
  EXPECT_EQ(everyone[0]["id"].GetInt64(), id);
  EXPECT_EQ(string_of(everyone[0], "athlete"), "ana");
  EXPECT_EQ(call("Alert.List", R"({"athlete":"ben"})").Size(), 0u);

  const std::string severity = string_of(everyone[0], "severity");
  EXPECT_EQ(call("Alert.List", R"({"min_severity":"info"})").Size(), 1u);
  EXPECT_EQ(call("Alert.List", R"({"min_severity":")" + severity + "\"}").Size(), 1u);
  if (severity != "critical") {
    EXPECT_EQ(call("Alert.List", R"({"min_severity":"critical"})").Size(), 0u);
  }
  EXPECT_EQ(error_of("Alert.List", R"({"min_severity":"loud"})"), kInvalidParams);
  EXPECT_EQ(error_of("Alert.List", R"({"athlete":"nobody"})"), kNotFound);
}

TEST_F(AlertMethods, AcknowledgedAlertsLeaveActiveOnly) {
  const auto id = raise_spike();
  EXPECT_EQ(active_at("2026-11-06T12:00:00Z"), 1u);
  const auto acked = call("Alert.Acknowledge", R"({"id":)" + std::to_string(id) + "}");
  EXPECT_EQ(acked["id"].GetInt64(), id);
  EXPECT_EQ(string_of(acked, "state"), "acknowledged");
  EXPECT_EQ(active_at("2026-11-06T12:00:00Z"), 0u);
  const auto listed = call("Alert.List");
  ASSERT_EQ(listed.Size(), 1u) << "acknowledged alerts are still listed without active_only";
  EXPECT_EQ(string_of(listed[0], "state"), "acknowledged");

  EXPECT_EQ(error_of("Alert.Acknowledge", R"({"id":999})"), kNotFound);
  EXPECT_EQ(error_of("Alert.Acknowledge", R"({"id":"one"})"), kInvalidParams);
  EXPECT_EQ(error_of("Alert.Acknowledge", "{}"), kInvalidParams);
}

TEST_F(AlertMethods, SnoozeBySecondsEndsThatLongAfterNow) {
  const auto id = raise_spike();
  const auto snoozed =
      call("Alert.Snooze", R"({"id":)" + std::to_string(id) + R"(,"seconds":7200,"now":"2030-01-01T10:00:00Z"})");
  EXPECT_EQ(snoozed["id"].GetInt64(), id);
  EXPECT_EQ(string_of(snoozed, "state"), "snoozed");
  EXPECT_EQ(string_of(snoozed, "until"), "2030-01-01T12:00:00Z");
  EXPECT_EQ(active_at("2030-01-01T11:59:59Z"), 0u);
  EXPECT_EQ(active_at("2030-01-01T12:00:00Z"), 1u) << "a snooze ends at its until";
}

TEST_F(AlertMethods, SnoozeUntilATime) {
  const auto id = raise_spike();
  const auto snoozed =
      call("Alert.Snooze",
           R"({"id":)" + std::to_string(id) + R"(,"until":"2030-02-01T00:00:00+01:00","now":"2030-01-01T00:00:00Z"})");
  EXPECT_EQ(string_of(snoozed, "until"), "2030-01-31T23:00:00Z");
  EXPECT_EQ(active_at("2030-01-15T00:00:00Z"), 0u);
  EXPECT_EQ(active_at("2030-02-01T00:00:00Z"), 1u);
}

TEST_F(AlertMethods, SnoozeRefusesWhatCannotBeMeant) {
  const auto id = std::to_string(raise_spike());
  EXPECT_EQ(error_of("Alert.Snooze", R"({"id":)" + id + "}"), kInvalidParams) << "neither until nor seconds";
  EXPECT_EQ(error_of("Alert.Snooze", R"({"id":)" + id + R"(,"seconds":60,"until":"2030-01-01T00:00:00Z"})"),
            kInvalidParams)
      << "both";
  EXPECT_EQ(error_of("Alert.Snooze", R"({"id":)" + id + R"(,"seconds":0})"), kInvalidParams);
  EXPECT_EQ(error_of("Alert.Snooze", R"({"id":)" + id + R"(,"seconds":1.5})"), kInvalidParams);
  EXPECT_EQ(
      error_of("Alert.Snooze", R"({"id":)" + id + R"(,"until":"2020-01-01T00:00:00Z","now":"2030-01-01T00:00:00Z"})"),
      kInvalidParams)
      << "until in the past";
  EXPECT_EQ(error_of("Alert.Snooze", R"({"id":424242,"seconds":60})"), kNotFound);
}

}  // namespace
}  // namespace tendon::testing
