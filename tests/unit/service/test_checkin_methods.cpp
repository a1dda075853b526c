// Checkin.Add: scores, the alerts a check-in raises, the activity it is about.
#include "service_fixture.h"

namespace tendon::testing {
namespace {

constexpr int kInvalidParams = -32602;
constexpr int kNotFound = -32002;

TEST_F(ServiceTest, ACheckinIsStoredAndReturnsTheAlertsItRaised) {
  const auto calm = call("Checkin.Add", R"({"morning":1,"at":"2026-11-02T07:00:00Z"})");
  EXPECT_GT(calm["id"].GetInt64(), 0);
  EXPECT_EQ(string_of(calm, "athlete"), "ana");
  ASSERT_TRUE(calm["raised"].IsArray());
  EXPECT_EQ(calm["raised"].Size(), 0u);

  // Pain during a run above the threshold (5) is an alert, returned with its stored id.
  const auto painful = call("Checkin.Add", R"({"athlete":"ben","during":8,"at":"2026-11-03T07:00:00Z"})");
  EXPECT_EQ(string_of(painful, "athlete"), "ben");
  ASSERT_EQ(painful["raised"].Size(), 1u);
  const auto& alert = painful["raised"][0];
  EXPECT_EQ(string_of(alert, "kind"), "pain");
  EXPECT_EQ(string_of(alert, "athlete"), "ben");
  const auto listed = call("Alert.List", R"({"athlete":"ben"})");
  ASSERT_EQ(listed.Size(), 1u);
  EXPECT_EQ(listed[0]["id"].GetInt64(), alert["id"].GetInt64());
}

TEST_F(ServiceTest, CheckinScoresMustBeZeroToTen) {
  EXPECT_EQ(error_of("Checkin.Add", "{}"), kInvalidParams) << "no score at all";
  EXPECT_EQ(error_of("Checkin.Add", R"({"during":11})"), kInvalidParams);
  EXPECT_EQ(error_of("Checkin.Add", R"({"after":-1})"), kInvalidParams);
  EXPECT_EQ(error_of("Checkin.Add", R"({"morning":"3"})"), kInvalidParams);
  EXPECT_EQ(error_of("Checkin.Add", R"({"morning":2.5})"), kInvalidParams);
  EXPECT_EQ(error_of("Checkin.Add", R"({"morning":3,"at":"soon"})"), kInvalidParams);
  EXPECT_EQ(call("Checkin.Add", R"({"morning":0})")["raised"].Size(), 0u) << "0 and 10 are scores";
  EXPECT_EQ(error_of("Checkin.Add", R"({"morning":10})"), 0);
}

TEST_F(ServiceTest, ACheckinAboutAnActivityNeedsThatActivity) {
  import("runs.jsonl", run_line("r1", "01", 8000));
  EXPECT_GT(call("Checkin.Add", R"({"after":2,"activity":"r1"})")["id"].GetInt64(), 0);
  EXPECT_EQ(error_of("Checkin.Add", R"({"after":2,"activity":"r404"})"), kNotFound);
}

}  // namespace
}  // namespace tendon::testing
