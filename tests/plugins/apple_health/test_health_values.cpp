// Apple's dates and units: instants from the explicit offset, lengths, durations and
// energies in whatever unit the phone's locale wrote.
#include <gtest/gtest.h>

#include "health_values.h"

namespace tendon::apple_health {
namespace {

TEST(HealthValues, DateWithOffsetIsAnInstant) {
  // 2024-01-02 07:00:00 +0100 is 06:00:00Z; 1704175200 = 2024-01-02T06:00:00Z.
  const auto date = parse_health_date("2024-01-02 07:00:00 +0100");
  ASSERT_TRUE(date.has_value());
  EXPECT_EQ(date->unix_ms, std::int64_t{1704175200} * 1000);
  EXPECT_EQ(date->utc_offset_s, 3600);
  // -0700: 2016-11-14 07:25:41 -0700 = 14:25:41Z = 1479133541.
  EXPECT_EQ(parse_health_date("2016-11-14 07:25:41 -0700")->unix_ms, std::int64_t{1479133541} * 1000);
  EXPECT_EQ(parse_health_date("2016-11-14 07:25:41 -0700")->utc_offset_s, -7 * 3600);
}

TEST(HealthValues, MalformedDatesAreRefused) {
  for (const char* text : {"", "2024-01-02T07:00:00Z", "2024-01-02 07:00:00", "2024-02-30 07:00:00 +0100",
                           "2024-01-02 25:00:00 +0100", "2024-01-02 07:00:00 +01:00", "2024-1-02 07:00:00 +0100"}) {
    EXPECT_FALSE(parse_health_date(text).has_value()) << text;
  }
}

TEST(HealthValues, Units) {
  EXPECT_DOUBLE_EQ(*metres(8.95512, "km"), 8955.12);
  EXPECT_DOUBLE_EQ(*metres(0.5, "mi"), 804.672);
  EXPECT_DOUBLE_EQ(*metres(400, "m"), 400);
  EXPECT_DOUBLE_EQ(*metres(6575, "cm"), 65.75);
  EXPECT_FALSE(metres(1, "furlong").has_value());
  EXPECT_DOUBLE_EQ(*seconds(60.5, "min"), 3630);
  EXPECT_DOUBLE_EQ(*seconds(42, "s"), 42);
  EXPECT_FALSE(seconds(1, "fortnight").has_value());
  EXPECT_DOUBLE_EQ(*kilocalories(48.745, "kcal"), 48.745);
  EXPECT_DOUBLE_EQ(*kilocalories(100, "Cal"), 100);
  EXPECT_NEAR(*kilocalories(418.4, "kJ"), 100, 1e-9);
  EXPECT_DOUBLE_EQ(*metres_in_text("6575 cm"), 65.75);
  EXPECT_FALSE(metres_in_text("6575").has_value());
  EXPECT_FALSE(metres_in_text("61.9694 degF").has_value());
}

TEST(HealthValues, Numbers) {
  EXPECT_DOUBLE_EQ(*parse_number("0.4971749504535062"), 0.4971749504535062);
  EXPECT_FALSE(parse_number("nan").has_value());
  EXPECT_FALSE(parse_number("inf").has_value());
  EXPECT_FALSE(parse_number("12abc").has_value());
  EXPECT_FALSE(parse_number("").has_value());
}

}  // namespace
}  // namespace tendon::apple_health
