#include <gtest/gtest.h>

#include "core/activity.h"
#include "core/sport.h"
#include "core/time.h"
#include "core/thresholds.h"
#include "core/zone.h"

namespace tendon {
namespace {

TEST(Time, ParsesZoneForms) {
  EXPECT_EQ(parse_iso8601("2026-03-01T07:00:00Z")->utc, 1772348400);
  EXPECT_EQ(parse_iso8601("2026-03-01T08:00:00+01:00")->utc, 1772348400);
  EXPECT_EQ(parse_iso8601("2026-03-01T12:30:00+0530")->utc, 1772348400);
  EXPECT_EQ(parse_iso8601("2026-02-28T23:00:00-08:00")->utc, 1772348400);
  EXPECT_EQ(parse_iso8601("2026-03-01T07:00:00.750Z")->utc, 1772348400);
  EXPECT_EQ(parse_iso8601("2026-03-01T08:00:00+01:00")->utc_offset_s, 3600);
}

TEST(Time, RefusesWhatItCannotPlace) {
  for (const char* bad : {"2026-03-01T07:00:00", "2026-02-30T07:00:00Z", "2026-13-01T07:00:00Z", "yesterday",
                          "2026-03-01T24:00:00Z", "2026-03-01T07:00:00Zjunk", "", "2026-03-01"}) {
    EXPECT_FALSE(parse_iso8601(bad)) << bad;
  }
}

TEST(Time, FormatsRoundTrip) {
  EXPECT_EQ(format_iso8601_utc(1772348400), "2026-03-01T07:00:00Z");
  EXPECT_EQ(format_iso8601_local(1772348400, -9000), "2026-03-01T04:30:00-02:30");
  EXPECT_EQ(format_day(days_from_civil(1969, 12, 29)), "1969-12-29");
  EXPECT_EQ(format_short_day(days_from_civil(2026, 11, 2)), "Nov 2");
}

TEST(Time, IsoWeeksStartOnMonday) {
  const std::int64_t monday = days_from_civil(2026, 3, 2);
  EXPECT_EQ(week_of_day(monday), week_of_day(monday + 6));
  EXPECT_EQ(week_of_day(monday) + 1, week_of_day(monday + 7));
  EXPECT_EQ(first_day_of_week(week_of_day(monday + 3)), monday);
  EXPECT_EQ(week_of_day(days_from_civil(1969, 12, 28)) + 1, week_of_day(days_from_civil(1969, 12, 29)));
}

TEST(Sport, NormalisesSynonymsAndCountsOnlyRunning) {
  EXPECT_EQ(normalise_sport("Run"), "running");
  EXPECT_EQ(normalise_sport("TrailRun"), "trail_running");
  EXPECT_EQ(normalise_sport("Trail Running"), "trail_running");
  EXPECT_EQ(normalise_sport("VirtualRun"), "virtual_running");
  EXPECT_EQ(normalise_sport("Ride"), "cycling");
  const Thresholds t;
  EXPECT_TRUE(is_running_sport("treadmill", t.running_sports));
  EXPECT_FALSE(is_running_sport("walking", t.running_sports));
  EXPECT_FALSE(is_running_sport("hiking", t.running_sports));
}

TEST(Duplicates, SixtySecondsAndThreePercent) {
  Activity a, b;
  a.athlete = b.athlete = "x";
  a.start = 1000;
  b.start = 1060;
  a.distance_m = 10000;
  b.distance_m = 10300;
  EXPECT_TRUE(is_same_run(a, b));
  b.start = 1061;
  EXPECT_FALSE(is_same_run(a, b));
  b.start = 1000;
  b.distance_m = 10310;
  EXPECT_FALSE(is_same_run(a, b));
  b.distance_m = 10000;
  b.athlete = "y";
  EXPECT_FALSE(is_same_run(a, b));
}

}  // namespace
}  // namespace tendon
