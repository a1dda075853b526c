// The platform sync sources' pure parts: Strava and intervals.icu answers, Strava's rate
// limits, and the host's schedule of rounds.
#include <gtest/gtest.h>

#include "intervals_json.h"
#include "rate_limit.h"
#include "strava_json.h"
#include "sync/sync_schedule.h"

namespace tendon::sync {
namespace {

constexpr std::int64_t kMinute = 60'000;

TEST(StravaJson, ReadsASummaryPageAndSkipsWhatItCannotPlace) {
  const auto page = parse_strava_activities(
      R"([{"id":1234567890,"type":"Run","sport_type":"TrailRun","start_date":"2026-05-08T06:12:00Z",)"
      R"("utc_offset":7200.0,"distance":12034.5,"moving_time":3900,"elapsed_time":4100,"total_elevation_gain":320.0,)"
      R"("average_heartrate":151.2,"gear_id":"g123"},{"id":2,"start_date":"yesterday"},{"name":"no id"}])");
  ASSERT_TRUE(page.error.empty());
  ASSERT_EQ(page.activities.size(), 1u);
  const auto& a = page.activities[0];
  EXPECT_EQ(a.id, "1234567890");
  EXPECT_EQ(a.sport, "TrailRun");
  EXPECT_EQ(a.start_ms, 1778220720000);
  EXPECT_EQ(a.utc_offset_s, 7200);
  EXPECT_DOUBLE_EQ(a.distance_m, 12034.5);
  EXPECT_EQ(a.moving_s, 3900);
  EXPECT_EQ(a.elapsed_s, 4100);
  EXPECT_EQ(a.ascent_m, 320);
  EXPECT_EQ(a.gear_id, "g123");
  EXPECT_EQ(page.skipped.size(), 2u);
}

TEST(StravaJson, MalformedOrWrongShapedAnswersAreErrorsNotCrashes) {
  EXPECT_NE(parse_strava_activities(R"([{"id":1,"start_date":)").error.find("malformed JSON"), std::string::npos);
  EXPECT_EQ(parse_strava_activities(R"({"message":"Authorization Error"})").error, "the activity list is not a JSON array");
  EXPECT_NE(parse_strava_activities(std::string(1000, '[')).error.find("nested"), std::string::npos);
  EXPECT_TRUE(parse_strava_activities("[]").activities.empty());
  // Wrong types read as absent.
  const auto page = parse_strava_activities(R"([{"id":7,"start_date":"2026-05-08T06:12:00Z","distance":"far","moving_time":-5}])");
  ASSERT_EQ(page.activities.size(), 1u);
  EXPECT_EQ(page.activities[0].distance_m, 0);
  EXPECT_FALSE(page.activities[0].moving_s);
}

TEST(StravaJson, GearAndTokens) {
  const auto gear = parse_strava_gear(R"({"id":"g1","name":"Daily","brand_name":"Hoka","model_name":"Clifton 9","retired":true})");
  ASSERT_TRUE(gear);
  EXPECT_EQ(gear->brand, "Hoka");
  EXPECT_EQ(gear->model, "Clifton 9");
  EXPECT_EQ(gear->retired, 1);
  EXPECT_FALSE(parse_strava_gear(R"({"id":"g1"})"));
  const auto tokens = parse_strava_tokens(R"({"access_token":"a","refresh_token":"r","expires_at":1780000000})");
  ASSERT_TRUE(tokens);
  EXPECT_EQ(tokens->expires_at, 1780000000);
  EXPECT_FALSE(parse_strava_tokens(R"({"access_token":"a","expires_at":1})"));
  EXPECT_FALSE(parse_strava_tokens(R"({"access_token":"a","refresh_token":"r","expires_at":1e300})"));
}

TEST(IntervalsJson, ReadsTheListOldestFirstWithOffsetGearAndFile) {
  const auto list = parse_intervals_activities(
      R"([{"id":"i2","type":"Run","start_date_local":"2026-05-08T08:00:00","start_date":"2026-05-08T06:00:00Z",)"
      R"("distance":8000.0,"gear":{"id":"g1","name":"Pegasus"},"file_type":"fit"},)"
      R"({"id":"i1","type":"Run","start_date_local":"2026-05-07T18:00:00","distance":5000}])");
  ASSERT_TRUE(list.error.empty());
  ASSERT_EQ(list.activities.size(), 2u);
  EXPECT_EQ(list.activities[0].id, "i1");
  EXPECT_FALSE(list.activities[0].has_file);
  EXPECT_EQ(list.activities[1].id, "i2");
  EXPECT_EQ(list.activities[1].utc_offset_s, 7200);
  EXPECT_EQ(list.activities[1].gear_name, "Pegasus");
  EXPECT_TRUE(list.activities[1].has_file);
}

TEST(RateLimit, ReadsBothWindowsFromTheHeaders) {
  const auto w = parse_rate_windows("600,30000", "598, 1200");
  ASSERT_TRUE(w);
  EXPECT_EQ(w->short_left(), 2);
  EXPECT_EQ(w->daily_left(), 28800);
  EXPECT_FALSE(parse_rate_windows("600", "1,2"));
  EXPECT_FALSE(parse_rate_windows("600,x", "1,2"));
  EXPECT_FALSE(parse_rate_windows(std::nullopt, "1,2"));
}

TEST(RateLimit, WaitsForTheWindowThatIsSpent) {
  const std::int64_t now = 1'778'220'720'000;  // 2026-05-08T06:12:00Z
  EXPECT_EQ(next_quarter_hour_ms(now), 1'778'220'900'000);  // 06:15
  EXPECT_EQ(next_utc_midnight_ms(now), 1'778'284'800'000);  // 2026-05-09T00:00Z
  EXPECT_FALSE(rate_limited_until(parse_rate_windows("600,30000", "10,20"), false, now));
  EXPECT_EQ(rate_limited_until(parse_rate_windows("600,30000", "600,20"), false, now), next_quarter_hour_ms(now));
  EXPECT_EQ(rate_limited_until(parse_rate_windows("600,30000", "10,30000"), false, now), next_utc_midnight_ms(now));
  EXPECT_EQ(rate_limited_until(std::nullopt, true, now), next_quarter_hour_ms(now)) << "a bare 429";
  EXPECT_EQ(retry_after_ms("120"), 120'000);
  EXPECT_FALSE(retry_after_ms("soon"));
}

TEST(SyncSchedule, IntervalAfterSuccessBackoffAfterFailureAndDeferralExactly) {
  SyncTiming timing;
  timing.retry_base = std::chrono::milliseconds(1000);
  timing.retry_cap = std::chrono::milliseconds(5000);
  const std::int64_t now = 1'000'000;
  EXPECT_EQ(next_round_ms(timing, 15, 0, std::nullopt, now), now + 15 * kMinute);
  EXPECT_EQ(next_round_ms(timing, 15, 1, std::nullopt, now), now + 1000);
  EXPECT_EQ(next_round_ms(timing, 15, 3, std::nullopt, now), now + 4000);
  EXPECT_EQ(next_round_ms(timing, 15, 30, std::nullopt, now), now + 5000) << "capped";
  EXPECT_EQ(next_round_ms(timing, 15, 1, now + 9 * kMinute, now), now + 9 * kMinute);
  timing.max_defer = std::chrono::milliseconds(300);
  EXPECT_EQ(next_round_ms(timing, 15, 1, now + 9 * kMinute, now), now + 300);
}

}  // namespace
}  // namespace tendon::sync
