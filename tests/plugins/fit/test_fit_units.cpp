// The decoder's small parts: CRC, ascent filter, text cleaning, UTC offsets, names.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "fit_activity.h"
#include "fit_ascent.h"
#include "fit_crc.h"
#include "fit_names.h"
#include "fit_text.h"

namespace tendon::fit::testing {
namespace {

TEST(fitCrc, KnownValueAndReferenceAgreement) {
  const std::string check = "123456789";
  const std::span<const std::uint8_t> bytes(reinterpret_cast<const std::uint8_t*>(check.data()), check.size());
  EXPECT_EQ(crc16(bytes), 0xBB3D);  // CRC-16/ARC check value
  EXPECT_EQ(crc16_reference(bytes), 0xBB3D);
  std::mt19937 rng(1);
  for (std::size_t size : {0, 1, 7, 8, 9, 15, 16, 17, 1000, 4099}) {
    std::vector<std::uint8_t> data(size);
    for (auto& b : data) b = static_cast<std::uint8_t>(rng());
    EXPECT_EQ(crc16(data), crc16_reference(data)) << size;
    // Continuing a CRC over a split buffer gives the CRC of the whole.
    const std::size_t half = size / 3;
    EXPECT_EQ(crc16(std::span(data).subspan(half), crc16(std::span(data).first(half))), crc16(data));
  }
}

double ascent_of(std::initializer_list<double> altitudes) {
  AscentFilter f;
  for (double a : altitudes) f.add(a);
  return f.ascent_m();
}

TEST(fitAscent, HysteresisIgnoresNoiseButCountsClimbs) {
  EXPECT_TRUE(std::isnan(ascent_of({})));
  EXPECT_DOUBLE_EQ(ascent_of({100}), 0);
  EXPECT_DOUBLE_EQ(ascent_of({100, 102, 100, 102, 100, 102}), 0);        // 2 m noise
  EXPECT_DOUBLE_EQ(ascent_of({100, 101, 102, 103, 104, 105, 110}), 10);  // a climb counts in full
  EXPECT_DOUBLE_EQ(ascent_of({100, 110, 90, 110}), 10 + 20);
  EXPECT_DOUBLE_EQ(ascent_of({100, 110, 108, 112}), 12);  // a small dip inside a climb
  EXPECT_DOUBLE_EQ(ascent_of({100, std::nan(""), 110}), 10);
}

TEST(fitText, CleansToOneLineOfUtf8) {
  const auto clean = [](std::vector<std::uint8_t> b) { return clean_text(b.data(), b.size()); };
  EXPECT_EQ(clean({'F', 'R', '9', '4', '5', 0, 'x', 'y'}), "FR945");
  EXPECT_EQ(clean({'a', 'b', ' ', ' '}), "ab");
  EXPECT_EQ(clean({0xC3, 0xA9, 't', 0xC3, 0xA9}), "\xC3\xA9t\xC3\xA9");
  EXPECT_EQ(clean({'a', 0xC3}), "a?");               // cut sequence
  EXPECT_EQ(clean({0xE9, 't', 0xE9}), "?t?");        // Latin-1, not UTF-8
  EXPECT_EQ(clean({'a', '\n', 'b', '\t'}), "a?b?");  // control characters
  EXPECT_EQ(clean({0xED, 0xA0, 0x80}), "???");       // a UTF-16 surrogate
  EXPECT_EQ(clean({0xC0, 0xAF}), "??");              // overlong
  EXPECT_EQ(clean({}), "");
}

TEST(fitUtcOffset, OnlyBelievableOffsets) {
  std::int32_t offset = 0;
  const std::uint32_t t = 900000000;
  EXPECT_TRUE(utc_offset_from(t, t + 7200, offset));
  EXPECT_EQ(offset, 7200);
  EXPECT_TRUE(utc_offset_from(t, t - 18000, offset));
  EXPECT_EQ(offset, -18000);
  EXPECT_TRUE(utc_offset_from(t, t + 19800 + 1, offset));  // India, one second of skew
  EXPECT_EQ(offset, 19800);
  EXPECT_TRUE(utc_offset_from(t, t + 20700, offset));  // Nepal, +5:45
  EXPECT_EQ(offset, 20700);
  EXPECT_TRUE(utc_offset_from(t, t, offset));
  EXPECT_EQ(offset, 0);
  EXPECT_FALSE(utc_offset_from(t, t + 1080, offset));          // 18 minutes: a drifting clock
  EXPECT_FALSE(utc_offset_from(t, t + 15 * 3600, offset));     // beyond +14 h
  EXPECT_FALSE(utc_offset_from(t, 0, offset));                 // local time not set
  EXPECT_FALSE(utc_offset_from(17221751, 698070063, offset));  // relative timestamp
  EXPECT_FALSE(utc_offset_from(0xFFFFFFFFu, t, offset));
}

TEST(fitNames, SportsInTendonsVocabulary) {
  EXPECT_EQ(tendon_sport(1, 0), "running");
  EXPECT_EQ(tendon_sport(1, 0xFF), "running");
  EXPECT_EQ(tendon_sport(1, 3), "trail_running");
  EXPECT_EQ(tendon_sport(1, 1), "treadmill_running");
  EXPECT_EQ(tendon_sport(1, 4), "track_running");
  EXPECT_EQ(tendon_sport(1, 2), "street_running");
  EXPECT_EQ(tendon_sport(1, 7), "road_running");
  EXPECT_EQ(tendon_sport(1, 45), "indoor_running");
  EXPECT_EQ(tendon_sport(1, 58), "virtual_running");
  EXPECT_EQ(tendon_sport(2, 58), "cycling");
  EXPECT_EQ(tendon_sport(11, 0), "walking");
  EXPECT_EQ(tendon_sport(17, 0), "hiking");
  EXPECT_EQ(tendon_sport(5, 17), "swimming");
  EXPECT_EQ(tendon_sport(3, 0), "transition");
  EXPECT_EQ(tendon_sport(0, 0), "generic");
  EXPECT_EQ(tendon_sport(4, 14), "fitness_equipment");
  EXPECT_EQ(tendon_sport(10, 0), "training");
  EXPECT_EQ(tendon_sport(200, 0), "sport_200");
  EXPECT_EQ(sub_sport_name(14), "indoor_rowing");
  EXPECT_EQ(sub_sport_name(17), "lap_swimming");
  EXPECT_EQ(sub_sport_name(250), "sub_sport_250");
  EXPECT_EQ(file_type_name(4), "activity");
  EXPECT_EQ(file_type_name(32), "monitoring_b");
  EXPECT_EQ(file_type_name(9), "weight");
}

TEST(fitNames, Devices) {
  EXPECT_EQ(device_name(1, 1482, ""), "Garmin Forerunner 10");
  EXPECT_EQ(device_name(1, 2697, ""), "Garmin Fenix 5");
  EXPECT_EQ(device_name(1, 9999, ""), "Garmin product 9999");
  EXPECT_EQ(device_name(32, 31, "ELEMNT BOLT"), "Wahoo ELEMNT BOLT");
  EXPECT_EQ(device_name(294, 841, "COROS APEX Pro"), "COROS APEX Pro");
  EXPECT_EQ(device_name(265, 0xFFFF, ""), "Strava");
  EXPECT_EQ(device_name(1052, 5, ""), "manufacturer 1052 product 5");
  EXPECT_EQ(device_name(0xFFFF, 0xFFFF, ""), "");
  EXPECT_EQ(device_name(0xFFFF, 0xFFFF, "Some Watch"), "Some Watch");
}

}  // namespace
}  // namespace tendon::fit::testing
