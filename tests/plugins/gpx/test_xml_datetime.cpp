// xsd:dateTime parsing (plugins/xml/xsd_datetime.h).
#include <gtest/gtest.h>

#include <chrono>

#include "xsd_datetime.h"

namespace tendon::xml {
namespace {

std::int64_t ms(int y, unsigned mo, unsigned d, int h, int mi, int s, int milli = 0) {
  const auto day = std::chrono::sys_days(std::chrono::year(y) / std::chrono::month(mo) / std::chrono::day(d));
  return std::chrono::duration_cast<std::chrono::milliseconds>(day.time_since_epoch()).count() +
         ((h * 60 + mi) * 60 + s) * std::int64_t{1000} + milli;
}

TEST(xmlDateTime, UtcWithZ) {
  const auto t = parse_xsd_datetime("2012-12-26T21:29:53Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->utc_ms, ms(2012, 12, 26, 21, 29, 53));
  EXPECT_EQ(t->zone, ZoneKind::utc);
  EXPECT_EQ(t->offset_s, 0);
}

TEST(xmlDateTime, FractionalSecondsOfAnyLength) {
  EXPECT_EQ(parse_xsd_datetime("2016-05-27T10:08:47.8Z")->utc_ms, ms(2016, 5, 27, 10, 8, 47, 800));
  EXPECT_EQ(parse_xsd_datetime("2020-02-02T11:19:33.000Z")->utc_ms, ms(2020, 2, 2, 11, 19, 33));
  EXPECT_EQ(parse_xsd_datetime("2020-02-02T11:19:33.123456789Z")->utc_ms, ms(2020, 2, 2, 11, 19, 33, 123));
  EXPECT_EQ(parse_xsd_datetime("2020-02-02T11:19:33.05Z")->utc_ms, ms(2020, 2, 2, 11, 19, 33, 50));
  EXPECT_FALSE(parse_xsd_datetime("2020-02-02T11:19:33.Z"));
}

TEST(xmlDateTime, NumericOffsetsConvertToUtc) {
  const auto plus = parse_xsd_datetime("2023-06-10T08:00:00+02:00");
  ASSERT_TRUE(plus);
  EXPECT_EQ(plus->utc_ms, ms(2023, 6, 10, 6, 0, 0));
  EXPECT_EQ(plus->zone, ZoneKind::offset);
  EXPECT_EQ(plus->offset_s, 7200);
  const auto minus = parse_xsd_datetime("2023-06-09T22:30:00.5-05:30");
  ASSERT_TRUE(minus);
  EXPECT_EQ(minus->utc_ms, ms(2023, 6, 10, 4, 0, 0, 500));
  EXPECT_EQ(minus->offset_s, -(5 * 3600 + 1800));
  EXPECT_EQ(parse_xsd_datetime("2023-06-10T08:00:00+0200")->utc_ms, ms(2023, 6, 10, 6, 0, 0));
  EXPECT_EQ(parse_xsd_datetime("2023-06-10T08:00:00+02")->utc_ms, ms(2023, 6, 10, 6, 0, 0));
  const auto zero = parse_xsd_datetime("2023-06-10T08:00:00+00:00");
  EXPECT_EQ(zero->zone, ZoneKind::offset);
  EXPECT_FALSE(parse_xsd_datetime("2023-06-10T08:00:00+15:00"));
  EXPECT_FALSE(parse_xsd_datetime("2023-06-10T08:00:00+02:60"));
  EXPECT_FALSE(parse_xsd_datetime("2023-06-10T08:00:00+2:00"));
}

TEST(xmlDateTime, ZoneLessIsReadAsUtcAndMarked) {
  const auto t = parse_xsd_datetime("2013-01-01T12:00:04");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->utc_ms, ms(2013, 1, 1, 12, 0, 4));
  EXPECT_EQ(t->zone, ZoneKind::none);
}

TEST(xmlDateTime, WhitespaceAndSeparators) {
  EXPECT_EQ(parse_xsd_datetime("\n   2012-12-26T21:29:53Z  \r\n")->utc_ms, ms(2012, 12, 26, 21, 29, 53));
  EXPECT_EQ(parse_xsd_datetime("2012-12-26 21:29:53Z")->utc_ms, ms(2012, 12, 26, 21, 29, 53));
  EXPECT_EQ(parse_xsd_datetime("2012-12-26t21:29:53z")->utc_ms, ms(2012, 12, 26, 21, 29, 53));
}

TEST(xmlDateTime, CalendarEdges) {
  EXPECT_EQ(parse_xsd_datetime("1970-01-01T00:00:00Z")->utc_ms, 0);
  EXPECT_EQ(parse_xsd_datetime("1969-12-31T23:59:59Z")->utc_ms, -1000);
  EXPECT_EQ(parse_xsd_datetime("2024-02-29T12:00:00Z")->utc_ms, ms(2024, 2, 29, 12, 0, 0));
  EXPECT_FALSE(parse_xsd_datetime("2023-02-29T12:00:00Z"));
  EXPECT_EQ(parse_xsd_datetime("2000-02-29T00:00:00Z")->utc_ms, ms(2000, 2, 29, 0, 0, 0));
  EXPECT_FALSE(parse_xsd_datetime("1900-02-29T00:00:00Z"));
  EXPECT_EQ(parse_xsd_datetime("2022-12-31T24:00:00Z")->utc_ms, ms(2023, 1, 1, 0, 0, 0));
  EXPECT_FALSE(parse_xsd_datetime("2022-12-31T24:00:01Z"));
  EXPECT_EQ(parse_xsd_datetime("2016-12-31T23:59:60Z")->utc_ms, ms(2017, 1, 1, 0, 0, 0));  // leap second
  EXPECT_EQ(parse_xsd_datetime("0001-01-01T00:00:00Z")->utc_ms, -62135596800000);
  EXPECT_EQ(parse_xsd_datetime("9999-12-31T23:59:59Z")->utc_ms, 253402300799000);
}

TEST(xmlDateTime, RefusesEverythingElse) {
  for (const char* bad : {"",
                          "2012",
                          "2012-12-26",
                          "2012-12-26T21:29",
                          "12-12-26T21:29:53Z",
                          "2012-13-01T00:00:00Z",
                          "2012-00-01T00:00:00Z",
                          "2012-01-32T00:00:00Z",
                          "2012-01-01T25:00:00Z",
                          "2012-01-01T00:60:00Z",
                          "2012-01-01T00:00:61Z",
                          "2012-01-01T00:00:00ZZ",
                          "2012-01-01T00:00:00 Z",
                          "-2012-01-01T00:00:00Z",
                          "+2012-01-01T00:00:00Z",
                          "20120-01-01T00:00:00Z",
                          "2012/01/01T00:00:00Z",
                          "May 20 2008, 16:58:11",
                          "2012-01-01T00:00:00Zjunk",
                          "0000-01-01T00:00:00Z",
                          "NaN",
                          "2012-01-01T0a:00:00Z"}) {
    EXPECT_FALSE(parse_xsd_datetime(bad)) << bad;
  }
}

TEST(xmlDateTime, DaysFromCivilMatchesChrono) {
  for (int y : {1, 1600, 1899, 1900, 1969, 1970, 2000, 2023, 2024, 2400, 9999}) {
    for (unsigned m = 1; m <= 12; ++m) {
      const auto day = std::chrono::sys_days(std::chrono::year(y) / std::chrono::month(m) / std::chrono::day(1));
      EXPECT_EQ(days_from_civil(y, m, 1), day.time_since_epoch().count()) << y << "-" << m;
    }
  }
}

}  // namespace
}  // namespace tendon::xml
