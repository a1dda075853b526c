// IANA zones: DST offsets from the OS tzdata, checked at transitions and against glibc.
#include "config/iana_zone.h"

#include <ctime>

#include <gtest/gtest.h>

#include "config_test_util.h"
#include "core/time.h"

namespace tendon {
namespace {

Instant at(const char* iso) {
  const auto t = parse_iso8601(iso);
  if (!t) throw std::logic_error(std::string("bad time ") + iso);
  return t->utc;
}

std::int32_t offset(const std::string& zone, const char* iso) {
  return make_iana_zone(zone)->utc_offset_at(at(iso));
}

TEST(IanaZone, BerlinSpringForward) {
  const auto berlin = make_iana_zone("Europe/Berlin");
  EXPECT_EQ(berlin->name(), "Europe/Berlin");
  EXPECT_EQ(berlin->utc_offset_at(at("2026-03-29T00:59:59Z")), 3600);
  EXPECT_EQ(berlin->utc_offset_at(at("2026-03-29T01:00:00Z")), 7200);
  EXPECT_EQ(berlin->utc_offset_at(at("2026-10-25T00:59:59Z")), 7200);
  EXPECT_EQ(berlin->utc_offset_at(at("2026-10-25T01:00:00Z")), 3600);
}

TEST(IanaZone, LosAngeles) {
  EXPECT_EQ(offset("America/Los_Angeles", "2026-03-08T09:59:59Z"), -8 * 3600);
  EXPECT_EQ(offset("America/Los_Angeles", "2026-03-08T10:00:00Z"), -7 * 3600);
  EXPECT_EQ(offset("America/Los_Angeles", "2026-11-01T08:59:59Z"), -7 * 3600);
  EXPECT_EQ(offset("America/Los_Angeles", "2026-11-01T09:00:00Z"), -8 * 3600);
}

TEST(IanaZone, SydneySouthernDst) {
  // Summer (DST, +11) in January, winter (+10) in July.
  EXPECT_EQ(offset("Australia/Sydney", "2026-01-15T00:00:00Z"), 11 * 3600);
  EXPECT_EQ(offset("Australia/Sydney", "2026-04-04T15:59:59Z"), 11 * 3600);
  EXPECT_EQ(offset("Australia/Sydney", "2026-04-04T16:00:00Z"), 10 * 3600);
  EXPECT_EQ(offset("Australia/Sydney", "2026-07-01T00:00:00Z"), 10 * 3600);
  EXPECT_EQ(offset("Australia/Sydney", "2026-10-03T15:59:59Z"), 10 * 3600);
  EXPECT_EQ(offset("Australia/Sydney", "2026-10-03T16:00:00Z"), 11 * 3600);
}

TEST(IanaZone, KolkataHalfHour) {
  EXPECT_EQ(offset("Asia/Kolkata", "2026-01-15T00:00:00Z"), 5 * 3600 + 1800);
  EXPECT_EQ(offset("Asia/Kolkata", "2026-07-15T00:00:00Z"), 5 * 3600 + 1800);
}

TEST(IanaZone, BeyondTheLastListedTransition) {
  // TZif files list transitions only to 2037; the footer rule governs later instants
  // (date 3.0.1 alone would answer standard time here).
  EXPECT_EQ(offset("Europe/Berlin", "2040-07-01T00:00:00Z"), 7200);
  EXPECT_EQ(offset("Europe/Berlin", "2040-12-01T00:00:00Z"), 3600);
  EXPECT_EQ(offset("Europe/Berlin", "2045-03-26T00:59:59Z"), 3600);
  EXPECT_EQ(offset("Europe/Berlin", "2045-03-26T01:00:00Z"), 7200);
  EXPECT_EQ(offset("America/Los_Angeles", "2045-07-01T00:00:00Z"), -7 * 3600);
  EXPECT_EQ(offset("Australia/Sydney", "2050-01-15T00:00:00Z"), 11 * 3600);
  EXPECT_EQ(offset("Australia/Sydney", "2050-07-15T00:00:00Z"), 10 * 3600);
}

TEST(IanaZone, WeeksFollowTheLocalCalendar) {
  const auto berlin = make_iana_zone("Europe/Berlin");
  // Monday 2026-03-30 00:00 CEST is 2026-03-29T22:00Z: a new ISO week starts there.
  EXPECT_EQ(local_week(at("2026-03-29T21:59:59Z"), *berlin) + 1,
            local_week(at("2026-03-29T22:00:00Z"), *berlin));
  EXPECT_EQ(format_day(local_day(at("2026-03-29T22:00:00Z"), *berlin)), "2026-03-30");
}

TEST(IanaZone, UnknownZones) {
  EXPECT_TRUE(is_known_zone("Europe/Berlin"));
  EXPECT_TRUE(is_known_zone("UTC"));
  EXPECT_FALSE(is_known_zone("Europe/Berln"));
  EXPECT_FALSE(is_known_zone(""));
  EXPECT_FALSE(is_known_zone("localtime"));
  EXPECT_FALSE(is_known_zone("../../etc/passwd"));
  EXPECT_THROW(make_iana_zone("Europe/Berln"), UnknownZoneError);
  try {
    make_iana_zone("Mars/Olympus");
  } catch (const UnknownZoneError& e) {
    EXPECT_NE(std::string(e.what()).find("Mars/Olympus"), std::string::npos);
  }
}

TEST(IanaZone, ExtremeInstantsDoNotOverflow) {
  const auto berlin = make_iana_zone("Europe/Berlin");
  EXPECT_NO_THROW(berlin->utc_offset_at(std::numeric_limits<Instant>::max()));
  EXPECT_NO_THROW(berlin->utc_offset_at(std::numeric_limits<Instant>::min()));
}

// glibc applies the TZif data and footer itself: an independent oracle, every 6 hours
// from 2000 to 2060 (past the end of the fat files' transition lists), in zones with
// unusual rules: negative DST (Dublin), changes at 24:00+ (Jerusalem), before 00:00
// (Nuuk), half-hour and 45-minute offsets, southern hemisphere.
TEST(IanaZone, AgreesWithGlibc) {
  test::EnvGuard env;
  for (const char* name :
       {"Europe/Berlin", "America/Los_Angeles", "Australia/Sydney", "Asia/Kolkata",
        "Europe/Dublin", "Asia/Jerusalem", "America/Nuuk", "Pacific/Chatham", "Asia/Tehran",
        "America/Sao_Paulo", "Australia/Lord_Howe", "America/Santiago", "UTC"}) {
    if (!is_known_zone(name)) continue;
    env.set("TZ", std::string(":") + name);
    tzset();
    const auto zone = make_iana_zone(name);
    int mismatches = 0;
    for (Instant t = at("2000-01-01T00:00:00Z"); t < at("2060-01-01T00:00:00Z"); t += 6 * 3600) {
      const std::time_t tt = static_cast<std::time_t>(t);
      std::tm tm{};
      ASSERT_NE(localtime_r(&tt, &tm), nullptr);
      if (zone->utc_offset_at(t) != tm.tm_gmtoff && ++mismatches <= 3) {
        ADD_FAILURE() << name << " at " << format_iso8601_utc(t) << ": ours "
                      << zone->utc_offset_at(t) << ", glibc " << tm.tm_gmtoff;
      }
    }
    EXPECT_EQ(mismatches, 0) << name;
  }
  tzset();
}

}  // namespace
}  // namespace tendon
