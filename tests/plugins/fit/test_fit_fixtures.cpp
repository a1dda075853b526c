// Fixtures written by the test FIT writer: each protocol feature and each kind of damage,
// one at a time, through the plugin descriptor (and the decoder where the detail matters).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "corpus_files.h"
#include "fit_decode.h"
#include "fit_writer.h"
#include "plugin_harness.h"

namespace tendon::fit::testing {
namespace {

constexpr std::uint32_t kT0 = fit_time(kSmallRunStartUnix);

bool any_contains(const std::vector<std::string>& messages, const std::string& needle) {
  for (const std::string& m : messages) {
    if (m.find(needle) != std::string::npos) return true;
  }
  return false;
}

Decoded decode_bytes(const std::vector<std::uint8_t>& bytes) { return decode(std::span<const std::uint8_t>(bytes)); }

// file_id of the given type (4 = activity), Garmin.
void write_file_id(FitWriter& w, std::uint8_t type = 4, std::uint8_t local = 0, bool big_endian = false) {
  w.define(local, 0, {{0, 1, bt::enum_}, {1, 2, bt::uint16}, {2, 2, bt::uint16}}, big_endian);
  w.data(local, {type, 1, 3076});
}

// session: timestamp, start_time, sport, sub_sport, total_elapsed_time, total_distance
void write_session(FitWriter& w, std::uint32_t start, std::uint32_t elapsed_s, std::uint8_t sport,
                   std::uint8_t sub_sport = 0xFF, std::uint32_t distance_cm = 100000, std::uint8_t local = 5) {
  w.define(local, 18,
           {{253, 4, bt::uint32},
            {2, 4, bt::uint32},
            {5, 1, bt::enum_},
            {6, 1, bt::enum_},
            {7, 4, bt::uint32},
            {9, 4, bt::uint32}});
  w.data(local, {start + elapsed_s, start, sport, sub_sport, elapsed_s * 1000, distance_cm});
}

TEST(fitFixtures, SmallRunGivesEveryField) {
  const ImportRun run = run_import(small_run(10));
  ASSERT_EQ(run.status, TENDON_OK) << run.error();
  EXPECT_TRUE(run.reports.empty());
  ASSERT_EQ(run.activities.size(), 1u);
  const EmittedActivity& a = run.activities[0];
  EXPECT_EQ(a.sport, "trail_running");
  EXPECT_EQ(a.sub_sport, "trail");
  EXPECT_EQ(a.start_ms, kSmallRunStartUnix * 1000);
  EXPECT_TRUE(a.has_utc_offset);
  EXPECT_EQ(a.utc_offset_s, 7200);
  EXPECT_DOUBLE_EQ(a.distance_m, 1000.0);
  EXPECT_DOUBLE_EQ(a.elapsed_s, 9.0);
  EXPECT_DOUBLE_EQ(a.timer_s, 8.5);
  EXPECT_DOUBLE_EQ(a.ascent_m, 12.0);  // the session's total_ascent, not the records'
  EXPECT_DOUBLE_EQ(a.avg_heart_rate_bpm, 140.0);
  EXPECT_EQ(a.device, "Garmin Forerunner 245");
  EXPECT_EQ(a.source_id, "session-0");
  ASSERT_EQ(a.samples.size(), 10u);
  for (std::size_t i = 0; i < 10; ++i) {
    const tendon_sample& s = a.samples[i];
    EXPECT_EQ(s.struct_size, sizeof(tendon_sample));
    EXPECT_EQ(s.time_ms, (kSmallRunStartUnix + static_cast<std::int64_t>(i)) * 1000);
    EXPECT_NEAR(s.latitude_deg, (560735200.0 + 10.0 * static_cast<double>(i)) * 180.0 / 2147483648.0, 1e-12);
    EXPECT_NEAR(s.longitude_deg, 95443718.0 * 180.0 / 2147483648.0, 1e-12);
    EXPECT_DOUBLE_EQ(s.altitude_m, 100.0 + static_cast<double>(i));
    EXPECT_DOUBLE_EQ(s.distance_m, 3.0 * static_cast<double>(i));
    EXPECT_DOUBLE_EQ(s.heart_rate_bpm, 140.0);
    EXPECT_DOUBLE_EQ(s.cadence_spm, 2 * (85 + 64 / 128.0));  // strides per leg -> steps
    EXPECT_DOUBLE_EQ(s.speed_m_s, 3.0);
    EXPECT_TRUE(std::isnan(s.power_w));
  }
}

TEST(fitFixtures, HeaderOfTwelveBytesOrWithoutCrc) {
  FitWriter::Options twelve;
  twelve.header_size = 12;
  FitWriter::Options no_crc;
  no_crc.header_crc = false;  // header CRC 0: not set, not checked
  for (const auto& options : {twelve, no_crc}) {
    const ImportRun run = run_import(small_run(5, options));
    EXPECT_EQ(run.status, TENDON_OK) << run.error();
    EXPECT_EQ(run.activities.size(), 1u);
    EXPECT_TRUE(run.warnings().empty());
  }
}

// The same messages with little- and big-endian definitions decode to the same values.
TEST(fitFixtures, BigEndianDefinitions) {
  std::vector<Record> decoded[2];
  for (int big = 0; big < 2; ++big) {
    FitWriter w;
    write_file_id(w, 4, 0, big != 0);
    w.define(1, 20,
             {{253, 4, bt::uint32},
              {0, 4, bt::sint32},
              {1, 4, bt::sint32},
              {2, 2, bt::uint16},
              {5, 4, bt::uint32},
              {6, 2, bt::uint16},
              {7, 2, bt::uint16},
              {13, 1, bt::sint8}},
             big != 0);
    w.data(1, {kT0, -123456789, 987654321, 2600, 123456, 2750, 250, -5});
    w.data(1, {kT0 + 1, 123456789, -987654321, 3000, 123756, 3000, 300, 12});
    write_session(w, kT0, 1, 1);
    const Decoded d = decode_bytes(w.file());
    ASSERT_EQ(d.integrity, Integrity::intact);
    ASSERT_EQ(d.records.size(), 2u);
    decoded[big] = d.records;
  }
  for (const auto& records : decoded) {
    EXPECT_EQ(records[0].time, kT0);
    EXPECT_EQ(records[0].lat_semicircles, -123456789);
    EXPECT_EQ(records[0].lon_semicircles, 987654321);
    EXPECT_DOUBLE_EQ(records[0].altitude_m, 2600 / 5.0 - 500);
    EXPECT_DOUBLE_EQ(records[0].distance_m, 1234.56);
    EXPECT_DOUBLE_EQ(records[0].speed_m_s, 2.75);
    EXPECT_DOUBLE_EQ(records[0].power_w, 250);
    EXPECT_DOUBLE_EQ(records[0].temperature_c, -5);
    EXPECT_EQ(records[1].lon_semicircles, -987654321);
    EXPECT_DOUBLE_EQ(records[1].temperature_c, 12);
  }
}

TEST(fitFixtures, CompressedTimestampsRollOver) {
  FitWriter w;
  write_file_id(w);
  // A compressed header before any full timestamp: no time to count from.
  w.define(1, 20, {{3, 1, bt::uint8}});
  w.compressed(1, 7, {100});
  // A full timestamp whose low 5 bits are 30, then offsets 31, 0 (rolled over), 5, 5
  // (same second), 4 (a full 31-second step ahead).
  const std::uint32_t base = kT0 - (kT0 & 31u) + 30u;
  w.define(2, 20, {{253, 4, bt::uint32}, {3, 1, bt::uint8}});
  w.data(2, {base, 101});
  for (const int offset : {31, 0, 5, 5, 4}) w.compressed(1, static_cast<std::uint8_t>(offset), {110});
  // Any message with a timestamp resets the reference (an event here).
  w.define(3, 21, {{253, 4, bt::uint32}, {0, 1, bt::enum_}, {1, 1, bt::enum_}});
  w.data(3, {base + 100, 0, 0});
  w.compressed(1, static_cast<std::uint8_t>((base + 101) & 31u), {120});
  const Decoded d = decode_bytes(w.file());
  ASSERT_EQ(d.integrity, Integrity::intact);
  ASSERT_EQ(d.records.size(), 8u);
  EXPECT_EQ(d.records[0].time, kNoTime);
  EXPECT_EQ(d.records[1].time, base);
  EXPECT_EQ(d.records[2].time, base + 1);
  EXPECT_EQ(d.records[3].time, base + 2);
  EXPECT_EQ(d.records[4].time, base + 7);
  EXPECT_EQ(d.records[5].time, base + 7);
  EXPECT_EQ(d.records[6].time, base + 38);
  EXPECT_EQ(d.records[7].time, base + 101);
  EXPECT_DOUBLE_EQ(d.records[7].heart_rate, 120);
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].time, base + 100);
}

TEST(fitFixtures, CompressedSpeedDistanceAccumulates) {
  FitWriter w;
  write_file_id(w);
  w.define(1, 20, {{253, 4, bt::uint32}, {8, 3, bt::byte}});
  // speed 3.54 m/s (354), distance 4090/16 m; then 25/16 m after the 12-bit counter wrapped.
  const auto pack = [](std::uint32_t speed100, std::uint32_t distance16) {
    return Value::bytes({static_cast<std::uint8_t>(speed100 & 0xFF),
                         static_cast<std::uint8_t>(((speed100 >> 8) & 0x0F) | ((distance16 & 0x0F) << 4)),
                         static_cast<std::uint8_t>((distance16 >> 4) & 0xFF)});
  };
  w.data(1, {kT0, pack(354, 4090)});
  w.data(1, {kT0 + 1, pack(360, 25)});
  w.data(1, {kT0 + 2, Value::bytes({0xFF, 0xFF, 0xFF})});  // invalid: no speed, no distance
  const Decoded d = decode_bytes(w.file());
  ASSERT_EQ(d.records.size(), 3u);
  EXPECT_DOUBLE_EQ(d.records[0].speed_m_s, 3.54);
  EXPECT_DOUBLE_EQ(d.records[0].distance_m, 4090 / 16.0);
  EXPECT_DOUBLE_EQ(d.records[1].speed_m_s, 3.60);
  EXPECT_DOUBLE_EQ(d.records[1].distance_m, (4096 + 25) / 16.0);
  EXPECT_TRUE(std::isnan(d.records[2].speed_m_s));
  EXPECT_TRUE(std::isnan(d.records[2].distance_m));
}

TEST(fitFixtures, DeveloperFieldsAreSkippedBySize) {
  FitWriter w;
  write_file_id(w);
  // developer_data_id: developer_data_index; field_description: index, number, base type, name
  w.define(1, 207, {{3, 1, bt::uint8}});
  w.data(1, {0});
  w.define(2, 206, {{0, 1, bt::uint8}, {1, 1, bt::uint8}, {2, 1, bt::uint8}, {3, 16, bt::string}, {8, 8, bt::string}});
  w.data(2, {0, 0, 0x84, "Stride length", "mm"});
  w.data(2, {0, 1, 0x07, "Surface", ""});
  // record with 2 bytes + 7 bytes of developer data between its heart rate and the next message
  w.define(3, 20, {{253, 4, bt::uint32}, {3, 1, bt::uint8}}, false, {{0, 2, 0}, {1, 7, 0}});
  w.data(3, {kT0, 150}, {0x34, 0x12, 'g', 'r', 'a', 'v', 'e', 'l', 0});
  w.data(3, {kT0 + 1, 151}, {0x35, 0x12, 'r', 'o', 'a', 'd', 0, 0, 0});
  write_session(w, kT0, 1, 1);
  const Decoded d = decode_bytes(w.file());
  ASSERT_EQ(d.integrity, Integrity::intact);
  EXPECT_EQ(d.developer_data_ids, 1u);
  ASSERT_EQ(d.developer_fields.size(), 2u);
  EXPECT_EQ(d.developer_fields[0].name, "Stride length");
  EXPECT_EQ(d.developer_fields[0].units, "mm");
  EXPECT_EQ(d.developer_fields[0].base_type, 0x84);
  EXPECT_EQ(d.developer_fields[1].name, "Surface");
  EXPECT_EQ(d.developer_fields[1].units, "");
  ASSERT_EQ(d.records.size(), 2u);
  EXPECT_DOUBLE_EQ(d.records[1].heart_rate, 151);
  EXPECT_EQ(d.records[1].time, kT0 + 1);
  ASSERT_EQ(d.sessions.size(), 1u);
  EXPECT_EQ(d.sessions[0].start_time, kT0);
}

TEST(fitFixtures, InvalidValuesMeanAbsent) {
  FitWriter w;
  write_file_id(w);
  w.define(1, 20,
           {{253, 4, bt::uint32},
            {0, 4, bt::sint32},
            {1, 4, bt::sint32},
            {2, 2, bt::uint16},
            {3, 1, bt::uint8},
            {4, 1, bt::uint8},
            {5, 4, bt::uint32},
            {6, 2, bt::uint16},
            {7, 2, bt::uint16},
            {13, 1, bt::sint8},
            {73, 4, bt::uint32},
            {78, 4, bt::uint32}});
  w.data(1, {kT0, 0x7FFFFFFF, 0x7FFFFFFF, 0xFFFF, 0xFF, 0xFF, 0xFFFFFFFFu, 0xFFFF, 0xFFFF, 0x7F, 0xFFFFFFFFu,
             0xFFFFFFFFu});
  // An invalid timestamp leaves the record without time; an invalid enhanced field falls
  // back to the plain one; uint32z 0 is invalid too.
  w.data(1, {0xFFFFFFFFu, 0, 0, 2600, 0, 0, 0xFFFFFFFFu, 2000, 0, 0, 0xFFFFFFFFu, 0xFFFFFFFFu});
  // session with timestamp, start_time, sport, timer (invalid), distance (invalid), avg HR (invalid)
  w.define(2, 18,
           {{253, 4, bt::uint32},
            {2, 4, bt::uint32},
            {5, 1, bt::enum_},
            {8, 4, bt::uint32},
            {9, 4, bt::uint32},
            {16, 1, bt::uint8},
            {6, 1, bt::enum_}});
  w.data(2, {kT0 + 1, kT0, 1, 0xFFFFFFFFu, 0xFFFFFFFFu, 0xFF, 0xFF});
  w.define(3, 23, {{0, 1, bt::uint8}, {3, 4, bt::uint32z}});
  w.data(3, {0, 0});
  const Decoded d = decode_bytes(w.file());
  ASSERT_EQ(d.records.size(), 2u);
  const Record& r = d.records[0];
  EXPECT_EQ(r.time, kT0);
  EXPECT_EQ(r.lat_semicircles, kNoPosition);
  for (double v : {r.altitude_m, r.heart_rate, r.cadence, r.distance_m, r.speed_m_s, r.power_w, r.temperature_c}) {
    EXPECT_TRUE(std::isnan(v));
  }
  const Record& r2 = d.records[1];
  EXPECT_EQ(r2.time, kNoTime);
  EXPECT_EQ(r2.lat_semicircles, 0);
  EXPECT_DOUBLE_EQ(r2.altitude_m, 20.0);
  EXPECT_DOUBLE_EQ(r2.speed_m_s, 2.0);
  EXPECT_DOUBLE_EQ(r2.heart_rate, 0);

  const ImportRun run = run_import(w.file());
  ASSERT_EQ(run.status, TENDON_OK) << run.error();
  ASSERT_EQ(run.activities.size(), 1u);
  const EmittedActivity& a = run.activities[0];
  EXPECT_EQ(a.sport, "running");
  EXPECT_FALSE(a.sub_sport.has_value());
  EXPECT_TRUE(std::isnan(a.timer_s));
  EXPECT_TRUE(std::isnan(a.avg_heart_rate_bpm));
  EXPECT_TRUE(std::isnan(a.distance_m));  // and no record distance to fall back on
  EXPECT_DOUBLE_EQ(a.elapsed_s, 1.0);     // timestamp - start_time
  ASSERT_EQ(a.samples.size(), 2u);
  EXPECT_EQ(a.samples[1].time_ms, INT64_MIN);
  EXPECT_TRUE(std::isnan(a.samples[0].latitude_deg));
}

std::vector<std::uint8_t> concat(std::vector<std::uint8_t> a, const std::vector<std::uint8_t>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

TEST(fitFixtures, ChainedFilesGiveEverySession) {
  const ImportRun run = run_import(concat(small_run(5), small_run(8)));
  ASSERT_EQ(run.status, TENDON_OK) << run.error();
  ASSERT_EQ(run.activities.size(), 2u);
  EXPECT_EQ(run.activities[0].source_id, "session-0");
  EXPECT_EQ(run.activities[1].source_id, "session-1");
  EXPECT_EQ(run.activities[0].samples.size(), 5u);
  EXPECT_DOUBLE_EQ(run.activities[1].elapsed_s, 7.0);
}

TEST(fitFixtures, DefinitionsDoNotCarryOverIntoAChainedFile) {
  FitWriter second;
  second.raw({0x00, 4, 0x01, 0x00, 0x0C, 0x0C});  // a data message for local type 0, never defined here
  const ImportRun run = run_import(concat(small_run(5), second.file()));
  ASSERT_EQ(run.status, TENDON_OK) << run.error();
  EXPECT_EQ(run.activities.size(), 1u);
  EXPECT_TRUE(any_contains(run.warnings(), "local message type 0, which was never defined"));
}

TEST(fitFixtures, BadHeaderCrcIsDamage) {
  std::vector<std::uint8_t> bytes = small_run(5);
  bytes[12] ^= 0x55;
  const ImportRun run = run_import(bytes);
  EXPECT_EQ(run.status, TENDON_ERR_FORMAT);
  EXPECT_EQ(run.error().rfind("header CRC mismatch (computed 0x", 0), 0u) << run.error();
  EXPECT_TRUE(run.activities.empty());
}

TEST(fitFixtures, BadFileCrcIsDamage) {
  std::vector<std::uint8_t> bytes = small_run(5);
  bytes[40] ^= 0x01;  // a byte inside the data
  const ImportRun run = run_import(bytes);
  EXPECT_EQ(run.status, TENDON_ERR_FORMAT);
  EXPECT_EQ(run.error().rfind("file CRC mismatch (computed 0x", 0), 0u) << run.error();
  std::vector<std::uint8_t> crc_only = small_run(5);
  crc_only.back() ^= 0x80;
  EXPECT_EQ(run_import(crc_only).status, TENDON_ERR_FORMAT);
  // In the second of two chained files: the whole file is refused.
  std::vector<std::uint8_t> chained = concat(small_run(5), small_run(5));
  chained.back() ^= 0x01;
  const ImportRun chained_run = run_import(chained);
  EXPECT_EQ(chained_run.status, TENDON_ERR_FORMAT);
  EXPECT_NE(chained_run.error().find("in the chained FIT file at byte"), std::string::npos) << chained_run.error();
  EXPECT_TRUE(chained_run.activities.empty());
}

// Cut after every byte: never a crash; either the complete part imported with a warning
// that says so, or a clean error. Once the session is in, the activity is the session's.
TEST(fitFixtures, TruncatedAtEveryByte) {
  const std::vector<std::uint8_t> whole = small_run(6);
  std::size_t imported = 0;
  std::size_t from_records = 0;
  for (std::size_t n = 0; n < whole.size(); ++n) {
    SCOPED_TRACE("first " + std::to_string(n) + " bytes");
    const std::vector<std::uint8_t> cut(whole.begin(), whole.begin() + static_cast<std::ptrdiff_t>(n));
    const ImportRun run = run_import(cut);
    if (run.status == TENDON_OK) {
      ++imported;
      ASSERT_EQ(run.activities.size(), 1u);
      EXPECT_TRUE(any_contains(run.warnings(),
                               "truncated after byte " + std::to_string(n) + " of " + std::to_string(whole.size())));
      if (run.activities[0].source_id == "records") ++from_records;
      EXPECT_EQ(run.activities[0].start_ms, kSmallRunStartUnix * 1000);
    } else {
      EXPECT_EQ(run.status, TENDON_ERR_FORMAT);
      EXPECT_FALSE(run.error().empty());
      EXPECT_TRUE(run.activities.empty());
    }
  }
  EXPECT_GT(imported, 40u);      // from the second complete record on
  EXPECT_GT(from_records, 10u);  // records but no session yet
  EXPECT_EQ(run_import(whole).status, TENDON_OK);
}

TEST(fitFixtures, EmptyInput) {
  const ImportRun run = run_import({});
  EXPECT_EQ(run.status, TENDON_ERR_FORMAT);
  EXPECT_EQ(run.error(), "empty file (0 bytes)");
}

TEST(fitFixtures, RandomBytesNamedFit) {
  std::mt19937 rng(20260301);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<int> length(1, 600);
  const std::vector<std::uint8_t> valid = small_run(4);
  for (int i = 0; i < 400; ++i) {
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(length(rng)));
    for (auto& b : bytes) b = static_cast<std::uint8_t>(byte(rng));
    if (i % 2 == 1 && bytes.size() > 14) {
      // A valid header in front of random data: the decoder has to frame garbage.
      std::copy(valid.begin(), valid.begin() + 14, bytes.begin());
    }
    const ImportRun run = run_import(bytes);
    EXPECT_NE(run.status, TENDON_ERR_INTERNAL);
    if (run.status != TENDON_OK) {
      EXPECT_FALSE(run.error().empty());
    }
    if (i % 2 == 0) {
      EXPECT_EQ(run.status, TENDON_ERR_FORMAT);
      EXPECT_EQ(run.error(), bytes.size() < 12 ? run.error() : std::string("not a FIT file (no .FIT header)"));
    }
  }
}

TEST(fitFixtures, RandomCorruptionOfAValidFile) {
  std::mt19937 rng(7);
  const std::vector<std::uint8_t> valid = small_run(8);
  std::uniform_int_distribution<std::size_t> at(0, valid.size() - 1);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int i = 0; i < 500; ++i) {
    std::vector<std::uint8_t> bytes = valid;
    for (int k = 0; k < 1 + i % 4; ++k) bytes[at(rng)] = static_cast<std::uint8_t>(byte(rng));
    const ImportRun run = run_import(bytes);
    EXPECT_NE(run.status, TENDON_ERR_INTERNAL);
    if (bytes != valid && run.status == TENDON_OK) {
      // Only a change the CRC cannot see (inside the CRC-less 12 first bytes' size field
      // making the file look cut short) may still import, and then with a warning.
      EXPECT_FALSE(run.warnings().empty());
    }
  }
}

TEST(fitFixtures, SettingsFileIsNotAnActivity) {
  FitWriter w;
  write_file_id(w, 2);
  w.define(1, 3, {{1, 1, bt::enum_}});  // user_profile
  w.data(1, {1});
  const ImportRun run = run_import(w.file());
  EXPECT_EQ(run.status, TENDON_NOT_ACTIVITY);
  EXPECT_EQ(run.error(), "FIT settings file, not an activity");
  const auto levels = run.reports;
  ASSERT_EQ(levels.size(), 1u);
  EXPECT_EQ(levels[0].first, TENDON_LEVEL_ERROR);
  FitWriter unknown;
  write_file_id(unknown, 77);
  EXPECT_EQ(run_import(unknown.file()).error(), "FIT type 77 file, not an activity");
}

TEST(fitFixtures, UndefinedLocalTypeStopsReadingWithAWarning) {
  FitWriter w;
  write_file_id(w);
  write_session(w, kT0, 60, 1);  // the session first, as the Strava app writes it
  w.define(1, 20, {{253, 4, bt::uint32}, {3, 1, bt::uint8}});
  w.data(1, {kT0, 120});
  w.raw({0x0B, 1, 2, 3, 4, 5});  // data message for local type 11, never defined
  w.data(1, {kT0 + 1, 121});     // never reached
  const ImportRun run = run_import(w.file());
  ASSERT_EQ(run.status, TENDON_OK) << run.error();
  ASSERT_EQ(run.activities.size(), 1u);
  EXPECT_EQ(run.activities[0].samples.size(), 1u);
  EXPECT_TRUE(any_contains(run.warnings(), "uses local message type 11, which was never defined"));
}

TEST(fitFixtures, UnknownArchitectureStopsReadingWithAWarning) {
  FitWriter w;
  write_file_id(w);
  write_session(w, kT0, 60, 1);
  w.raw({0x41, 0, 7, 20, 0, 1, 3, 1, 2});  // definition with architecture byte 7
  const ImportRun run = run_import(w.file());
  ASSERT_EQ(run.status, TENDON_OK);
  EXPECT_TRUE(any_contains(run.warnings(), "unknown architecture byte 7"));
}

TEST(fitFixtures, MisalignedFieldSizesAreSkipped) {
  FitWriter w;
  write_file_id(w);
  // heart rate declared uint16 with 3 bytes; distance uint32 with 6 bytes: both read as
  // bytes (skipped); cadence after them still lands right.
  w.define(1, 20, {{253, 4, bt::uint32}, {3, 3, bt::uint16}, {5, 6, bt::uint32}, {4, 1, bt::uint8}});
  w.data(1, {kT0, 0x010203, 0x0102030405, 88});
  write_session(w, kT0, 1, 2);
  const Decoded d = decode_bytes(w.file());
  ASSERT_EQ(d.integrity, Integrity::intact);
  EXPECT_EQ(d.misaligned_fields, 2u);
  ASSERT_EQ(d.records.size(), 1u);
  EXPECT_TRUE(std::isnan(d.records[0].heart_rate));
  EXPECT_TRUE(std::isnan(d.records[0].distance_m));
  EXPECT_DOUBLE_EQ(d.records[0].cadence, 88);
  // An array of two uint16 gives its first element.
  FitWriter arrays;
  write_file_id(arrays);
  arrays.define(1, 20, {{253, 4, bt::uint32}, {7, 4, bt::uint16}});
  arrays.data(1, {kT0, 0x00C800FA});  // elements 250, then 200
  EXPECT_DOUBLE_EQ(decode_bytes(arrays.file()).records[0].power_w, 250);
}

TEST(fitFixtures, RelativeTimesCannotBePlaced) {
  FitWriter w;
  write_file_id(w);
  w.define(1, 20, {{253, 4, bt::uint32}, {3, 1, bt::uint8}});
  w.data(1, {17217864, 100});
  w.data(1, {17217865, 101});
  write_session(w, 17217864, 1, 1);
  const ImportRun run = run_import(w.file());
  EXPECT_EQ(run.status, TENDON_ERR_FORMAT);
  EXPECT_EQ(run.error(),
            "FIT times are relative to device power-on (the watch's clock was never set); the run cannot be placed "
            "in time");
  const Decoded d = decode_bytes(w.file());
  ASSERT_EQ(d.records.size(), 2u);
  EXPECT_EQ(d.records[1].time, 17217865u);
  EXPECT_DOUBLE_EQ(d.records[1].heart_rate, 101);
}

TEST(fitFixtures, ActivityWithoutSessionIsBuiltFromRecords) {
  FitWriter w;
  write_file_id(w);
  w.define(1, 12, {{0, 1, bt::enum_}, {1, 1, bt::enum_}});  // sport message: running / trail
  w.data(1, {1, 3});
  w.define(2, 21, {{253, 4, bt::uint32}, {0, 1, bt::enum_}, {1, 1, bt::enum_}});
  w.define(3, 20, {{253, 4, bt::uint32}, {5, 4, bt::uint32}, {2, 2, bt::uint16}, {3, 1, bt::uint8}});
  w.data(2, {kT0, 0, 0});  // timer start
  const int altitudes[] = {100, 101, 99, 105, 110, 108, 112, 100, 104, 101, 120};
  for (std::uint32_t i = 0; i < 11; ++i) {
    if (i == 4) w.data(2, {kT0 + i, 0, 4});      // stop_all
    if (i == 6) w.data(2, {kT0 + i + 1, 0, 0});  // start again a second later
    w.data(3, {kT0 + i, i * 1000, (altitudes[i] + 500) * 5, 150 + i});
  }
  const ImportRun run = run_import(w.file());
  ASSERT_EQ(run.status, TENDON_OK) << run.error();
  ASSERT_EQ(run.activities.size(), 1u);
  const EmittedActivity& a = run.activities[0];
  EXPECT_TRUE(any_contains(run.warnings(), "no session message; the activity was built from its 11 records"));
  EXPECT_EQ(a.sport, "trail_running");
  EXPECT_EQ(a.sub_sport, "trail");
  EXPECT_EQ(a.source_id, "records");
  EXPECT_EQ(a.start_ms, kSmallRunStartUnix * 1000);
  EXPECT_DOUBLE_EQ(a.elapsed_s, 10.0);
  EXPECT_DOUBLE_EQ(a.timer_s, 4.0 + 3.0);  // 0-4, then 7-10
  EXPECT_DOUBLE_EQ(a.distance_m, 100.0);
  // Hysteresis 3 m: 101 is noise; from the low of 99 up to 110 (+11); 108 is noise and
  // 112 a new high (+2); the drop to 100 ends the climb; 100 -> 104 (+4); 101 is noise;
  // 104 -> 120 (+16).
  EXPECT_DOUBLE_EQ(a.ascent_m, 11 + 2 + 4 + 16);
  EXPECT_DOUBLE_EQ(a.avg_heart_rate_bpm, 155.0);
  EXPECT_EQ(a.samples.size(), 11u);
}

TEST(fitFixtures, ActivityWithoutSessionOrRecordsIsNotAnActivity) {
  FitWriter w;
  write_file_id(w);
  const ImportRun run = run_import(w.file());
  EXPECT_EQ(run.status, TENDON_NOT_ACTIVITY);
  EXPECT_EQ(run.error(), "FIT activity file without sessions or records");
}

TEST(fitFixtures, SessionRangesSplitMultisportRecords) {
  FitWriter w;
  write_file_id(w);
  w.define(1, 20, {{253, 4, bt::uint32}, {4, 1, bt::uint8}});
  for (std::uint32_t i = 0; i <= 20; ++i) w.data(1, {kT0 + i, 80});
  // run 0-10 s, transition 10-12 s (its timestamp says 11), bike 12-20 s
  write_session(w, kT0, 10, 1, 0xFF, 3000, 5);
  write_session(w, kT0 + 10, 1, 3, 0xFF, 10, 5);
  w.data(5, {kT0 + 20, kT0 + 12, 2, 0xFF, 8000, 20000});
  const ImportRun run = run_import(w.file());
  ASSERT_EQ(run.status, TENDON_OK) << run.error();
  ASSERT_EQ(run.activities.size(), 3u);
  EXPECT_EQ(run.activities[0].samples.size(), 10u);  // 0..9: the record at 10 s opens the transition
  EXPECT_EQ(run.activities[1].samples.size(), 2u);   // 10, 11
  EXPECT_EQ(run.activities[2].samples.size(), 9u);   // 12..20
  EXPECT_EQ(run.activities[1].sport, "transition");
  EXPECT_EQ(run.activities[2].sport, "cycling");
  EXPECT_DOUBLE_EQ(run.activities[0].samples[0].cadence_spm, 160);  // running: doubled
  EXPECT_DOUBLE_EQ(run.activities[2].samples[0].cadence_spm, 80);   // cycling: rpm as is
}

// Sessions out of order and overlapping: every record still lands in one session at
// most, so the samples never outnumber the records.
TEST(fitFixtures, OverlappingSessionsShareNoRecord) {
  FitWriter w;
  write_file_id(w);
  w.define(1, 20, {{253, 4, bt::uint32}, {3, 1, bt::uint8}});
  for (std::uint32_t i = 0; i <= 100; ++i) w.data(1, {kT0 + i, 120});
  write_session(w, kT0 + 50, 50, 1);  // 50..100
  write_session(w, kT0, 100, 2);      // 0..100, all of it
  write_session(w, kT0 + 10, 20, 1);  // 10..30, inside the previous one
  const ImportRun run = run_import(w.file());
  ASSERT_EQ(run.status, TENDON_OK) << run.error();
  ASSERT_EQ(run.activities.size(), 3u);
  std::size_t samples = 0;
  std::vector<std::int64_t> seen;
  for (const EmittedActivity& a : run.activities) {
    samples += a.samples.size();
    for (const tendon_sample& s : a.samples) seen.push_back(s.time_ms);
  }
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(std::adjacent_find(seen.begin(), seen.end()), seen.end());
  EXPECT_LE(samples, 101u);
  EXPECT_GE(samples, 50u);
}

TEST(fitFixtures, SessionsBeyondTheBoundAreDropped) {
  FitWriter w;
  write_file_id(w);
  w.define(1, 20, {{253, 4, bt::uint32}, {3, 1, bt::uint8}});
  for (std::uint32_t i = 0; i < 50; ++i) w.data(1, {kT0 + i, 120});
  w.define(5, 18, {{253, 4, bt::uint32}, {2, 4, bt::uint32}, {5, 1, bt::enum_}});
  for (std::uint32_t i = 0; i < kMaxSessions + 200; ++i) w.data(5, {kT0 + i % 50, kT0 + i % 50, 1});
  const ImportRun run = run_import(w.file());
  ASSERT_EQ(run.status, TENDON_OK) << run.error();
  EXPECT_EQ(run.activities.size(), kMaxSessions);
  EXPECT_TRUE(any_contains(run.warnings(), "more than 1000 session messages; the rest were skipped"));
}

TEST(fitFixtures, SessionWithoutStartTimeStartsAtItsFirstRecord) {
  FitWriter w;
  write_file_id(w);
  w.define(1, 20, {{253, 4, bt::uint32}, {5, 4, bt::uint32}, {2, 2, bt::uint16}});
  w.data(1, {kT0 + 3, 0, 3000});
  w.data(1, {kT0 + 9, 4200, 3020});
  w.define(2, 18, {{253, 4, bt::uint32}, {5, 1, bt::enum_}});  // no start_time, elapsed, distance
  w.data(2, {kT0 + 9, 1});
  const ImportRun run = run_import(w.file());
  ASSERT_EQ(run.status, TENDON_OK) << run.error();
  ASSERT_EQ(run.activities.size(), 1u);
  const EmittedActivity& a = run.activities[0];
  EXPECT_EQ(a.start_ms, (kSmallRunStartUnix + 3) * 1000);
  EXPECT_DOUBLE_EQ(a.elapsed_s, 6.0);    // timestamp - start
  EXPECT_DOUBLE_EQ(a.distance_m, 42.0);  // the last record's distance
  EXPECT_DOUBLE_EQ(a.ascent_m, 4.0);     // computed from the records: 100 m -> 104 m
  EXPECT_TRUE(std::isnan(a.timer_s));
}

TEST(fitFixtures, ZeroPaddingAfterTheFileIsIgnored) {
  std::vector<std::uint8_t> bytes = small_run(3);
  bytes.insert(bytes.end(), 100, 0);
  const ImportRun run = run_import(bytes);
  EXPECT_EQ(run.status, TENDON_OK);
  EXPECT_TRUE(any_contains(run.warnings(), "ignored 100 zero bytes after the FIT data"));
}

TEST(fitFixtures, GarbageAfterTheFileIsDamage) {
  std::vector<std::uint8_t> bytes = small_run(3);
  const std::size_t size = bytes.size();
  bytes.insert(bytes.end(), {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13});
  const ImportRun run = run_import(bytes);
  EXPECT_EQ(run.status, TENDON_ERR_FORMAT);
  EXPECT_EQ(run.error(),
            "the 13 bytes after the FIT data at byte " + std::to_string(size) + " are not a FIT file header");
}

// The header promises less data than the messages hold: the device never finalised the
// file, and the two bytes after the declared data are message bytes, not a CRC.
TEST(fitFixtures, UnfinalisedFileKeepsItsCompleteMessages) {
  FitWriter w;
  write_file_id(w);
  w.define(1, 20, {{253, 4, bt::uint32}, {3, 1, bt::uint8}});
  for (std::uint32_t i = 0; i < 5; ++i) w.data(1, {kT0 + i, 100 + i});
  std::vector<std::uint8_t> bytes = w.file();
  bytes.resize(bytes.size() - 2);  // the real messages end here: no CRC at all
  const std::uint32_t declared = static_cast<std::uint32_t>(w.data_size() - 3);  // 3 bytes into the last record
  for (int i = 0; i < 4; ++i) bytes[4 + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(declared >> (8 * i));
  bytes[12] = bytes[13] = 0;  // header CRC "not set" (the size changed under it)
  const ImportRun run = run_import(bytes);
  ASSERT_EQ(run.status, TENDON_OK) << run.error();
  EXPECT_TRUE(any_contains(run.warnings(), "the file was not finalised"));
  ASSERT_EQ(run.activities.size(), 1u);
  EXPECT_EQ(run.activities[0].samples.size(), 4u);
}

TEST(fitFixtures, EnhancedFieldsArePreferred) {
  FitWriter w;
  write_file_id(w);
  w.define(1, 20,
           {{253, 4, bt::uint32}, {2, 2, bt::uint16}, {78, 4, bt::uint32}, {6, 2, bt::uint16}, {73, 4, bt::uint32}});
  w.data(1, {kT0, 3000, 400000, 1000, 70000});  // enhanced: 79500 m altitude, 70 m/s
  w.define(2, 18,
           {{253, 4, bt::uint32}, {2, 4, bt::uint32}, {5, 1, bt::enum_}, {14, 2, bt::uint16}, {124, 4, bt::uint32}});
  w.data(2, {kT0, kT0, 2, 1000, 70000});
  const Decoded d = decode_bytes(w.file());
  ASSERT_EQ(d.records.size(), 1u);
  EXPECT_DOUBLE_EQ(d.records[0].altitude_m, 79500.0);
  EXPECT_DOUBLE_EQ(d.records[0].speed_m_s, 70.0);
  EXPECT_DOUBLE_EQ(d.sessions[0].avg_speed_m_s, 70.0);
}

TEST(fitFixtures, TextIsCleanedUtf8) {
  FitWriter w;
  w.define(0, 0, {{0, 1, bt::enum_}, {1, 2, bt::uint16}, {2, 2, bt::uint16}, {8, 20, bt::string}});
  w.data(0, {4, 294, 841, Value::bytes({'A', 'P', 'E', 'X', 0xFF, '\n', 0xC3, 0xA9, ' ', ' ', 0, 'x'})});
  write_session(w, kT0, 60, 1);
  const ImportRun run = run_import(w.file());
  ASSERT_EQ(run.status, TENDON_OK);
  EXPECT_EQ(run.activities[0].device, "COROS APEX??\xC3\xA9");
}

}  // namespace
}  // namespace tendon::fit::testing

namespace tendon::fit::testing {
namespace {

// The fuzz seeds kept in tests/data/fit (written once with this writer) stay importable.
TEST(fitFixtures, CheckedInSeedsImport) {
  const std::filesystem::path dir = std::filesystem::path(TENDON_TEST_DATA_DIR) / "fit";
  const std::map<std::string, int> expected = {
      {"small-run.fit", TENDON_OK},
      {"small-run-12-byte-header.fit", TENDON_OK},
      {"chained-runs.fit", TENDON_OK},
      {"big-endian-treadmill.fit", TENDON_OK},
      {"compressed-timestamps.fit", TENDON_OK},
      {"developer-fields-no-session.fit", TENDON_OK},
      {"settings.fit", TENDON_NOT_ACTIVITY},
  };
  for (const auto& [name, status] : expected) {
    SCOPED_TRACE(name);
    const ImportRun run = run_import(read_bytes(dir / name));
    EXPECT_EQ(run.status, status) << run.error();
  }
  const ImportRun chained = run_import(read_bytes(dir / "chained-runs.fit"));
  ASSERT_EQ(chained.activities.size(), 2u);
  EXPECT_EQ(chained.activities[0].samples.size(), 3u);
  EXPECT_EQ(chained.activities[1].samples.size(), 5u);
  const ImportRun treadmill = run_import(read_bytes(dir / "big-endian-treadmill.fit"));
  ASSERT_EQ(treadmill.activities.size(), 1u);
  EXPECT_EQ(treadmill.activities[0].sport, "treadmill_running");
  EXPECT_DOUBLE_EQ(treadmill.activities[0].distance_m, 12.5);
  const Decoded compressed = decode(std::span<const std::uint8_t>(read_bytes(dir / "compressed-timestamps.fit")));
  ASSERT_EQ(compressed.records.size(), 40u);
  EXPECT_EQ(compressed.records[39].time, kT0 + 195);
}

}  // namespace
}  // namespace tendon::fit::testing
