// Status.Get, Run.List, Plan.Check, Squad.Get and what every method shares (params,
// unknown athletes, unknown methods).
#include "service_fixture.h"

namespace tendon::testing {
namespace {

constexpr int kInvalidParams = -32602;
constexpr int kNotFound = -32002;
const char* kNow = R"("now":"2026-11-06T12:00:00Z")";

TEST_F(ServiceTest, StatusGetGivesTheFirstAthletesFiguresAsOfNow) {
  import("runs.jsonl", run_line("a", "01", 10000) + run_line("b", "03", 8000));
  const auto status = call("Status.Get", std::string("{") + kNow + "}");
  EXPECT_EQ(string_of(status, "athlete"), "ana");
  EXPECT_EQ(string_of(status, "now"), "2026-11-06T12:00:00Z");
  ASSERT_TRUE(status["last_run"].IsObject());
  EXPECT_EQ(status["last_run"]["distance_m"].GetInt64(), 8000);
  EXPECT_EQ(status["longest_30d"]["distance_m"].GetInt64(), 10000);
  EXPECT_EQ(status["safe_ceiling_m"].GetInt64(), 11000);
}

TEST_F(ServiceTest, AthleteListNamesEveryAthleteAndTheDefault) {
  const auto listed = call("Athlete.List");
  EXPECT_EQ(string_of(listed, "default"), "ana");
  ASSERT_EQ(listed["athletes"].Size(), 2u);
  EXPECT_EQ(string_of(listed["athletes"][0], "name"), "ana");
  EXPECT_EQ(string_of(listed["athletes"][1], "name"), "ben");
  EXPECT_EQ(string_of(listed["athletes"][1], "timezone"), "UTC");
  EXPECT_TRUE(listed["athletes"][0]["inboxes"].IsArray());
}

TEST_F(ServiceTest, AnUnknownAthleteIsNotFoundEverywhere) {
  for (const char* method : {"Status.Get", "Run.List", "Alert.List", "Shoe.List", "Checkin.Add"}) {
    EXPECT_EQ(error_of(method, R"({"athlete":"nobody","morning":2})"), kNotFound) << method;
  }
  EXPECT_EQ(error_of("Plan.Check", R"({"athlete":"nobody","distance_m":5000})"), kNotFound);
}

TEST_F(ServiceTest, BadParamsNameTheParam) {
  EXPECT_EQ(error_of("Status.Get", R"({"now":"yesterday"})"), kInvalidParams);
  EXPECT_EQ(error_of("Status.Get", R"({"athlete":7})"), kInvalidParams);
  EXPECT_EQ(error_of("Run.List", R"({"limit":-1})"), kInvalidParams);
  EXPECT_EQ(error_of("Run.List", R"({"all":"yes"})"), kInvalidParams);
  EXPECT_EQ(error_of("Run.List", "[1]"), kInvalidParams) << "params must be an object";
  try {
    call("Status.Get", R"({"now":"2026-11-06"})");
    FAIL() << "a time without its zone was taken";
  } catch (const control::RpcError& e) {
    EXPECT_NE(std::string(e.what()).find("now must be an RFC 3339 time"), std::string::npos) << e.what();
  }
}

TEST_F(ServiceTest, AnUnknownMethodIsMethodNotFoundAndReloadIsDaemonOnly) {
  EXPECT_EQ(error_of("Nope.Nothing"), -32601);
  EXPECT_EQ(error_of("Daemon.Reload"), -32601);
}

TEST_F(ServiceTest, RunListIsNewestFirstWithALimitOrAll) {
  std::string runs;
  for (int day = 1; day <= 9; ++day) runs += run_line("r" + std::to_string(day), "0" + std::to_string(day), 5000);
  import("nine.jsonl", runs);
  const auto two = call("Run.List", R"({"limit":2})");
  ASSERT_EQ(two.Size(), 2u);
  EXPECT_EQ(string_of(two[0], "activity_id"), "r9");
  EXPECT_EQ(string_of(two[1], "activity_id"), "r8");
  EXPECT_EQ(call("Run.List", R"({"limit":2,"all":true})").Size(), 9u);
  EXPECT_EQ(call("Run.List").Size(), 9u);
  EXPECT_EQ(call("Run.List", R"({"athlete":"ben"})").Size(), 0u);
}

TEST_F(ServiceTest, PlanCheckSaysWhetherADistanceWouldBeASpike) {
  import("runs.jsonl", run_line("a", "01", 10000));
  const auto spike = call("Plan.Check", std::string(R"({"distance_m":18000,)") + kNow + "}");
  EXPECT_EQ(string_of(spike, "athlete"), "ana");
  EXPECT_EQ(spike["distance_m"].GetInt64(), 18000);
  EXPECT_TRUE(spike["spike"].GetBool());
  const auto easy = call("Plan.Check", std::string(R"({"distance_m":9000.4,)") + kNow + "}");
  EXPECT_FALSE(easy["spike"].GetBool());
  EXPECT_EQ(easy["distance_m"].GetInt64(), 9000);
  EXPECT_EQ(error_of("Plan.Check", "{}"), kInvalidParams);
  EXPECT_EQ(error_of("Plan.Check", R"({"distance_m":0})"), kInvalidParams);
  EXPECT_EQ(error_of("Plan.Check", R"({"distance_m":"18km"})"), kInvalidParams);
}

TEST_F(ServiceTest, SquadIsWorstFirstThenByName) {
  const auto quiet = call("Squad.Get", std::string("{") + kNow + "}");
  EXPECT_EQ(string_of(quiet, "now"), "2026-11-06T12:00:00Z");
  ASSERT_EQ(quiet["athletes"].Size(), 2u);
  EXPECT_EQ(string_of(quiet["athletes"][0], "athlete"), "ana");
  EXPECT_EQ(string_of(quiet["athletes"][1], "athlete"), "ben");
  EXPECT_TRUE(quiet["athletes"][0]["last_run"].IsNull());

  // ben's second run (same week) is a spike: he now has an active alert and comes first.
  import("ben.jsonl", run_line("b1", "02", 10000) + run_line("b2", "04", 14000), R"(,"athlete":"ben")");
  const auto squad = call("Squad.Get", std::string("{") + kNow + "}");
  const auto& ben = squad["athletes"][0];
  EXPECT_EQ(string_of(ben, "athlete"), "ben");
  EXPECT_EQ(string_of(ben, "timezone"), "UTC");
  EXPECT_EQ(string_of(ben["last_run"], "start"), "2026-11-04T07:00:00Z");
  EXPECT_DOUBLE_EQ(ben["last_run"]["distance_km"].GetDouble(), 14.0);
  EXPECT_DOUBLE_EQ(ben["longest_30d_km"].GetDouble(), 14.0);
  EXPECT_DOUBLE_EQ(ben["week_km"].GetDouble(), 24.0);
  EXPECT_DOUBLE_EQ(ben["previous_week_km"].GetDouble(), 0.0);
  const auto& alerts = ben["alerts"];
  EXPECT_EQ(alerts["critical"].GetInt64() + alerts["warning"].GetInt64() + alerts["info"].GetInt64(), 1);
  EXPECT_EQ(string_of(squad["athletes"][1], "athlete"), "ana");
}

}  // namespace
}  // namespace tendon::testing
