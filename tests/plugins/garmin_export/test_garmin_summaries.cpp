// The summarizedActivities reader, the book that matches FIT files to summaries and the
// gear reader, alone: FORMATS.md §2.2-2.4's units, shapes and traps.
#include <gtest/gtest.h>

#include <cmath>

#include "garmin_export/garmin_gear.h"
#include "garmin_export/summarized_activities.h"
#include "garmin_export/summary_book.h"
#include "garmin_fixtures.h"

namespace tendon::testing {
namespace {

using garmin::GarminSummary;
using garmin::read_summarized_activities;

constexpr std::int64_t kStartMs = 1714543200000;  // 2024-05-01T06:00:00Z

SummaryFixture ten_k(std::int64_t id, std::int64_t start_ms) {
  SummaryFixture s;
  s.id = id;
  s.start_gmt_ms = start_ms;
  s.local_shift_ms = 2 * 3600 * 1000;  // Europe in summer: local wall clock 08:00
  s.distance_cm = 1000000;             // 10 km
  s.duration_ms = 3000000;             // 50 min timer
  s.elapsed_ms = 3100000;
  s.moving_ms = 2900000;
  s.elevation_gain_cm = 12345;
  s.avg_hr = 151;
  return s;
}

TEST(GarminSummaries, UnitsAreCentimetresMillisecondsAndEpochMs) {
  const auto reading = read_summarized_activities(summaries_json({ten_k(12345678901, kStartMs)}));
  ASSERT_EQ(reading.error, "");
  ASSERT_EQ(reading.activities.size(), 1u);
  const GarminSummary& s = reading.activities[0];
  EXPECT_EQ(s.activity_id, 12345678901);  // written as a float, read exactly
  EXPECT_EQ(s.type, "running");
  ASSERT_TRUE(s.start_ms.has_value());
  EXPECT_EQ(*s.start_ms, kStartMs) << "startTimeGmt is the instant; startTimeLocal is not";
  ASSERT_TRUE(s.utc_offset_s.has_value());
  EXPECT_EQ(*s.utc_offset_s, 7200) << "startTimeLocal - startTimeGmt is the offset";
  EXPECT_DOUBLE_EQ(s.distance_m, 10000.0);
  EXPECT_DOUBLE_EQ(s.timer_s, 3000.0);
  EXPECT_DOUBLE_EQ(s.elapsed_s, 3100.0);
  EXPECT_DOUBLE_EQ(s.ascent_m, 123.45);
  EXPECT_DOUBLE_EQ(s.avg_hr, 151.0);
  EXPECT_EQ(s.device_id.value_or(0), 3312345678);
}

TEST(GarminSummaries, RecordsWithoutActivityIdAreSkippedAndCounted) {
  SummaryFixture incomplete = ten_k(1, kStartMs);
  incomplete.id.reset();
  const auto reading = read_summarized_activities(summaries_json({incomplete, ten_k(2, kStartMs + 86400000)}));
  ASSERT_EQ(reading.activities.size(), 1u);
  EXPECT_EQ(reading.activities[0].activity_id, 2);
  EXPECT_EQ(reading.without_id, 1u);
}

TEST(GarminSummaries, BareArrayAndBareObjectAreTolerated) {
  const std::string record = "{\"activityId\": 7, \"activityType\": \"trail_running\", \"beginTimestamp\": 1714543200000, "
                             "\"distance\": 500000.0}";
  for (const std::string& json : {"[" + record + "]", "{\"summarizedActivitiesExport\": [" + record + "]}"}) {
    const auto reading = read_summarized_activities(json);
    ASSERT_EQ(reading.activities.size(), 1u) << json;
    EXPECT_EQ(reading.activities[0].activity_id, 7);
    EXPECT_EQ(reading.activities[0].type, "trail_running");
    EXPECT_EQ(reading.activities[0].start_ms.value_or(0), kStartMs) << "beginTimestamp when startTimeGmt is absent";
    EXPECT_DOUBLE_EQ(reading.activities[0].distance_m, 5000.0);
    EXPECT_FALSE(reading.activities[0].utc_offset_s.has_value());
  }
}

TEST(GarminSummaries, ActivityTypeAsTheApiObjectAndSportTypeFallback) {
  const auto reading = read_summarized_activities(
      "[{\"summarizedActivitiesExport\": ["
      "{\"activityId\": 1, \"activityType\": {\"typeId\": 1, \"typeKey\": \"treadmill_running\"}, \"startTimeGmt\": 1.0E12},"
      "{\"activityId\": 2, \"sportType\": \"CYCLING\", \"startTimeGmt\": 1.0E12}]}]");
  ASSERT_EQ(reading.activities.size(), 2u);
  EXPECT_EQ(reading.activities[0].type, "treadmill_running");
  EXPECT_EQ(reading.activities[1].type, "cycling");
}

TEST(GarminSummaries, BrokenJsonKeepsTheCompleteRecordsAndNamesTheByte) {
  const std::string json = summaries_json({ten_k(1, kStartMs), ten_k(2, kStartMs + 86400000)});
  const auto reading = read_summarized_activities(json.substr(0, json.size() * 3 / 4));
  EXPECT_EQ(reading.activities.size(), 1u);
  EXPECT_NE(reading.error.find("JSON error at byte"), std::string::npos) << reading.error;
}

TEST(GarminSummaries, DeepNestingIsRefusedNotRecursed) {
  const std::string json = "[{\"summarizedActivitiesExport\": [{\"activityId\": 1, \"x\": " + std::string(100000, '[') + "]}]}]";
  const auto reading = read_summarized_activities(json);
  EXPECT_TRUE(reading.activities.empty());
  EXPECT_NE(reading.error.find("nested more than"), std::string::npos) << reading.error;
}

TEST(GarminSummaryBook, OverlappingPartsCountOnceAndFitStartsClaimTheClosest) {
  garmin::SummaryBook book;
  auto part1 = read_summarized_activities(summaries_json({ten_k(1, kStartMs), ten_k(2, kStartMs + 3000)})).activities;
  auto part2 = read_summarized_activities(summaries_json({ten_k(2, kStartMs + 3000), ten_k(3, kStartMs + 86400000)})).activities;
  EXPECT_EQ(book.add(std::move(part1)), 0u);
  EXPECT_EQ(book.add(std::move(part2)), 1u) << "activity 2 is in both parts";
  EXPECT_EQ(book.size(), 3u);

  const GarminSummary* closest = book.claim(kStartMs + 2000, std::nullopt);
  ASSERT_NE(closest, nullptr);
  EXPECT_EQ(closest->activity_id, 2) << "1 s from activity 2, 2 s from activity 1: the closest wins";
  const GarminSummary* next = book.claim(kStartMs + 2000, std::nullopt);
  ASSERT_NE(next, nullptr);
  EXPECT_EQ(next->activity_id, 1) << "a claimed summary is not claimed twice";
  EXPECT_EQ(book.claim(kStartMs + 86400000 + garmin::kSameStartToleranceMs + 1000, std::nullopt), nullptr);
  const GarminSummary* by_id = book.claim(0, 3);
  ASSERT_NE(by_id, nullptr);
  EXPECT_EQ(by_id->activity_id, 3) << "a per-activity download names its activityId";
  EXPECT_TRUE(book.unclaimed().empty());
}

TEST(GarminGear, LinksAreAnObjectKeyedByGearPkAndBikesAreNotShoes) {
  garmin::GearBook gear;
  std::vector<std::string> problems;
  gear.add(gear_json({{11, "Hoka Clifton 9", "Blue", "Hoka", "Clifton 9", "Shoes", "active", {100, 101}},
                      {12, "Hoka Clifton 9", "Red", "Other", "Unknown Shoes", "Shoes", "retired", {102}},
                      {13, "Canyon Endurace", "", "Canyon", "Endurace", "Bike", "active", {100, 103}}}),
           problems);
  EXPECT_TRUE(problems.empty()) << listed(problems);
  ASSERT_EQ(gear.gear().size(), 3u);
  EXPECT_EQ(gear.gear()[0].name, "Hoka Clifton 9") << "customMakeModel is the display string";
  EXPECT_EQ(gear.gear()[0].brand, "Hoka");
  EXPECT_EQ(gear.gear()[0].model, "Clifton 9");
  EXPECT_EQ(gear.gear()[0].retired, 0);
  EXPECT_EQ(gear.gear()[1].name, "Hoka Clifton 9 (Red)") << "a second pair of the same model";
  EXPECT_EQ(gear.gear()[1].brand, "") << "Garmin's 'Other' is no brand";
  EXPECT_EQ(gear.gear()[1].retired, 1);
  ASSERT_NE(gear.shoe_of(100), nullptr);
  EXPECT_EQ(gear.shoe_of(100)->name, "Hoka Clifton 9") << "the shoe, not the bike";
  EXPECT_EQ(gear.shoe_of(102)->name, "Hoka Clifton 9 (Red)");
  EXPECT_EQ(gear.shoe_of(103), nullptr) << "a ride on the bike has no shoe";
  EXPECT_EQ(gear.shoe_of(999), nullptr);
}

TEST(GarminGear, BrokenGearFileIsOneProblem) {
  garmin::GearBook gear;
  std::vector<std::string> problems;
  gear.add("[{\"gearDTOS\": [", problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("JSON error"), std::string::npos);
  EXPECT_TRUE(gear.gear().empty());
}

}  // namespace
}  // namespace tendon::testing
