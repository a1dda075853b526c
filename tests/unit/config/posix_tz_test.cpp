// POSIX TZ rules (TZif footers), which carry zones past their last listed transition.
#include "config/posix_tz.h"

#include <gtest/gtest.h>

#include "core/time.h"

namespace tendon::config_detail {
namespace {

Instant at(const char* iso) { return parse_iso8601(iso)->utc; }

TEST(PosixTz, ParsesCommonForms) {
  auto berlin = parse_posix_tz("CET-1CEST,M3.5.0,M10.5.0/3");
  ASSERT_TRUE(berlin);
  EXPECT_EQ(berlin->std_offset_s, 3600);
  EXPECT_TRUE(berlin->has_dst);
  EXPECT_EQ(berlin->dst_offset_s, 7200);
  EXPECT_EQ(berlin->dst_start.month, 3);
  EXPECT_EQ(berlin->dst_start.week, 5);
  EXPECT_EQ(berlin->dst_start.time_s, 7200);
  EXPECT_EQ(berlin->dst_end.time_s, 3 * 3600);

  auto kolkata = parse_posix_tz("IST-5:30");
  ASSERT_TRUE(kolkata);
  EXPECT_EQ(kolkata->std_offset_s, 5 * 3600 + 1800);
  EXPECT_FALSE(kolkata->has_dst);

  auto quoted = parse_posix_tz("<+0330>-3:30");
  ASSERT_TRUE(quoted);
  EXPECT_EQ(quoted->std_offset_s, 3 * 3600 + 1800);

  auto nuuk = parse_posix_tz("<-02>2<-01>,M3.5.0/-1,M10.5.0/0");
  ASSERT_TRUE(nuuk);
  EXPECT_EQ(nuuk->std_offset_s, -7200);
  EXPECT_EQ(nuuk->dst_offset_s, -3600);
  EXPECT_EQ(nuuk->dst_start.time_s, -3600);

  auto jerusalem = parse_posix_tz("IST-2IDT,M3.4.4/26,M10.5.0");
  ASSERT_TRUE(jerusalem);
  EXPECT_EQ(jerusalem->dst_start.time_s, 26 * 3600);

  auto julian = parse_posix_tz("XXX3YYY,J60/2,300");
  ASSERT_TRUE(julian);
  EXPECT_EQ(julian->dst_start.kind, PosixDateRule::Kind::julian_no_leap);
  EXPECT_EQ(julian->dst_end.kind, PosixDateRule::Kind::zero_based);
}

TEST(PosixTz, RefusesIncompleteRules) {
  EXPECT_FALSE(parse_posix_tz(""));
  EXPECT_FALSE(parse_posix_tz("CET"));
  EXPECT_FALSE(parse_posix_tz("EST5EDT"));  // DST without rules: implementation-defined
  EXPECT_FALSE(parse_posix_tz("CET-1CEST,M3.5.0"));
  EXPECT_FALSE(parse_posix_tz("CET-1CEST,M13.5.0,M10.5.0"));
  EXPECT_FALSE(parse_posix_tz("CET-1CEST,M3.5.0,M10.5.0/3x"));
  EXPECT_FALSE(parse_posix_tz("<+03"));
}

TEST(PosixTz, OffsetsAcrossTransitions) {
  const auto berlin = *parse_posix_tz("CET-1CEST,M3.5.0,M10.5.0/3");
  EXPECT_EQ(posix_utc_offset_at(berlin, at("2026-03-29T00:59:59Z")), 3600);
  EXPECT_EQ(posix_utc_offset_at(berlin, at("2026-03-29T01:00:00Z")), 7200);
  EXPECT_EQ(posix_utc_offset_at(berlin, at("2026-10-25T00:59:59Z")), 7200);
  EXPECT_EQ(posix_utc_offset_at(berlin, at("2026-10-25T01:00:00Z")), 3600);
  EXPECT_EQ(posix_utc_offset_at(berlin, at("2026-12-31T23:30:00Z")), 3600);

  const auto sydney = *parse_posix_tz("AEST-10AEDT,M10.1.0,M4.1.0/3");
  EXPECT_EQ(posix_utc_offset_at(sydney, at("2026-01-01T00:00:00Z")), 39600);
  EXPECT_EQ(posix_utc_offset_at(sydney, at("2026-04-04T15:59:59Z")), 39600);
  EXPECT_EQ(posix_utc_offset_at(sydney, at("2026-04-04T16:00:00Z")), 36000);
  EXPECT_EQ(posix_utc_offset_at(sydney, at("2026-10-03T16:00:00Z")), 39600);
  EXPECT_EQ(posix_utc_offset_at(sydney, at("2026-12-31T23:00:00Z")), 39600);

  // Week 5 means the last such weekday: in February 2027 the last Sunday is the 28th.
  const auto last_sunday_feb = *parse_posix_tz("AAA0BBB,M2.5.0/0,M11.1.0/0");
  EXPECT_EQ(posix_utc_offset_at(last_sunday_feb, at("2027-02-27T23:59:59Z")), 0);
  EXPECT_EQ(posix_utc_offset_at(last_sunday_feb, at("2027-02-28T00:00:00Z")), 3600);
  // Jn never counts Feb 29: J60 is March 1 in leap years too.
  const auto julian = *parse_posix_tz("AAA0BBB,J60/0,J300/0");
  EXPECT_EQ(posix_utc_offset_at(julian, at("2028-02-29T23:59:59Z")), 0);
  EXPECT_EQ(posix_utc_offset_at(julian, at("2028-03-01T00:00:00Z")), 3600);
  // n counts Feb 29: day 59 is Feb 29 in a leap year.
  const auto zero_based = *parse_posix_tz("AAA0BBB,59/0,300/0");
  EXPECT_EQ(posix_utc_offset_at(zero_based, at("2028-02-28T23:59:59Z")), 0);
  EXPECT_EQ(posix_utc_offset_at(zero_based, at("2028-02-29T00:00:00Z")), 3600);
}

TEST(PosixTz, ReadsTheFooterOfATzifFile) {
  const auto footer = read_tzif_footer("/usr/share/zoneinfo/Europe/Berlin");
  // tzdata is a dependency (scripts/install-deps.sh); its files are TZif v2 or later.
  ASSERT_TRUE(footer) << "no TZif v2+ footer in /usr/share/zoneinfo/Europe/Berlin";
  EXPECT_EQ(*footer, "CET-1CEST,M3.5.0,M10.5.0/3");
  EXPECT_FALSE(read_tzif_footer("/nonexistent/zone"));
  EXPECT_FALSE(read_tzif_footer("/etc/hostname"));
}

}  // namespace
}  // namespace tendon::config_detail
