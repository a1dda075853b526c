// Every FIT file of the shared corpus, imported through the plugin descriptor, against the
// summaries Garmin's own FIT SDK and python-fitparse produced for it
// (corpus/expected/fit_sessions_by_garmin_fit_sdk.json, fit_summaries_by_python-fitparse.json).
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "corpus_files.h"
#include "fit_decode.h"
#include "plugin_harness.h"

namespace tendon::fit::testing {
namespace {

rapidjson::Document load_json(const std::string& name) {
  rapidjson::Document doc;
  const std::string text = read_text(corpus_dir() / "expected" / name);
  doc.Parse(text.c_str(), text.size());
  EXPECT_FALSE(doc.HasParseError()) << name;
  return doc;
}

std::optional<double> number(const rapidjson::Value& object, const char* key) {
  if (!object.HasMember(key) || !object[key].IsNumber()) return std::nullopt;
  return object[key].GetDouble();
}

std::optional<std::string> text(const rapidjson::Value& object, const char* key) {
  if (!object.HasMember(key) || !object[key].IsString()) return std::nullopt;
  return std::string(object[key].GetString());
}

// Tendon's sport word for the SDK's (camelCase) sport and sub-sport.
std::string tendon_sport_of(const std::string& sport, const std::optional<std::string>& sub) {
  if (sport == "running" && sub) {
    static const std::map<std::string, std::string> kRunning = {{"trail", "trail_running"},
                                                                {"treadmill", "treadmill_running"},
                                                                {"track", "track_running"},
                                                                {"street", "street_running"},
                                                                {"road", "road_running"},
                                                                {"indoorRunning", "indoor_running"},
                                                                {"virtualActivity", "virtual_running"}};
    const auto it = kRunning.find(*sub);
    if (it != kRunning.end()) return it->second;
  }
  return snake_case(sport);
}

// What this importer does with the files the SDK read with errors, or that need more than
// "same sessions as the SDK". Everything not listed: activity files import OK with the
// SDK's sessions; other file types give TENDON_NOT_ACTIVITY.
struct Policy {
  int status;
  bool sessions_as_sdk;            // emitted activities must match the SDK's sessions
  std::vector<std::string> texts;  // substrings of the error (non-OK) or of some warning (OK)
  const char* why;
};

const std::map<std::string, Policy>& policies() {
  static const std::map<std::string, Policy> kPolicies = {
      {"activity-activity-filecrc.fit",
       {TENDON_ERR_FORMAT,
        false,
        {"file CRC mismatch (computed 0xa1d5, stored 0xb1d5) in the chained FIT file at byte 771"},
        "the second chained file fails its CRC: bytes were altered, so nothing of the file is trusted"}},
      {"activity-filecrc.fit",
       {TENDON_ERR_FORMAT, false, {"file CRC mismatch (computed 0xa1d5, stored 0xb1d5)"}, "complete file, wrong CRC"}},
      {"activity-settings-corruptheader.fit",
       {TENDON_ERR_FORMAT,
        false,
        {"bytes after the FIT data at byte 771 are not a FIT file header"},
        "what follows the first file is neither a FIT header nor zero padding: damaged"}},
      {"activity-settings-nodata.fit",
       {TENDON_OK,
        true,
        {"truncated after byte 786 of 853"},
        "the chained settings file is cut short; the activity before it is complete and CRC-checked"}},
      {"activity-unexpected-eof.fit",
       {TENDON_OK,
        true,
        {"truncated after byte 768 of 771; read what was complete"},
        "cut short inside its last message; the session was already read"}},
      {"antfs-dump.63.fit",
       {TENDON_ERR_FORMAT,
        false,
        {"relative to device power-on"},
        "compressed timestamps are decoded (the SDK gives up), but every time is relative: no date"}},
      {"compressed-speed-distance.fit",
       {TENDON_ERR_FORMAT,
        false,
        {"relative to device power-on"},
        "as antfs-dump.63.fit; its records are checked against python-fitparse's CSV elsewhere"}},
      {"nick.fit",
       {TENDON_OK,
        false,
        {"the file was not finalised", "no session message"},
        "never finalised (its last message runs past the declared size, so no CRC to check) and has no session: "
        "one activity from its 14391 records"}},
      {"strava-android-app-201.10-b1218918.fit",
       {TENDON_OK,
        true,
        {"local message type 11, which was never defined", "truncated after byte 78233 of 78252"},
        "bytes went missing at 7471 (the file is 17 bytes shorter than its header says); the session comes "
        "before that point and is kept"}},
      {"empty-sessions.fit", {TENDON_ERR_FORMAT, false, {"empty file"}, "zero bytes"}},
      {"DeveloperData.fit",
       {TENDON_NOT_ACTIVITY,
        false,
        {"records carry no time"},
        "an SDK example: three records without timestamps and no session, nothing to place in time"}},
  };
  return kPolicies;
}

bool contains_any(const std::vector<std::string>& haystack, const std::string& needle) {
  for (const std::string& s : haystack) {
    if (s.find(needle) != std::string::npos) return true;
  }
  return false;
}

void expect_near_or_nan(double actual, std::optional<double> expected, double tolerance, const std::string& what) {
  if (expected) {
    EXPECT_NEAR(actual, *expected, tolerance) << what;
  } else {
    EXPECT_TRUE(std::isnan(actual)) << what << " = " << actual;
  }
}

void compare_session(const EmittedActivity& a, const rapidjson::Value& s, const std::string& what) {
  const std::string sport = *text(s, "sport");
  const std::optional<std::string> sub = text(s, "sub_sport");
  EXPECT_EQ(a.sport, tendon_sport_of(sport, sub)) << what;
  if (sub) {
    EXPECT_EQ(a.sub_sport, snake_case(*sub)) << what;
  } else {
    EXPECT_FALSE(a.sub_sport.has_value()) << what;
  }
  EXPECT_EQ(a.start_ms, parse_utc_ms(*text(s, "start_time"))) << what;
  if (const auto d = number(s, "total_distance_m")) {
    EXPECT_NEAR(a.distance_m, *d, 1.0) << what;
  }
  expect_near_or_nan(a.timer_s, number(s, "total_timer_time_s"), 1.0, what + " timer");
  expect_near_or_nan(a.elapsed_s, number(s, "total_elapsed_time_s"), 1.0, what + " elapsed");
  if (const auto ascent = number(s, "total_ascent_m")) {
    EXPECT_DOUBLE_EQ(a.ascent_m, *ascent) << what;
  } else if (!std::isnan(a.ascent_m)) {
    EXPECT_GE(a.ascent_m, 0.0) << what << ": ascent computed from the records";
  }
  const std::optional<double> hr = number(s, "avg_heart_rate");
  expect_near_or_nan(a.avg_heart_rate_bpm, hr && *hr > 0 ? hr : std::nullopt, 0.0, what + " avg HR");
  EXPECT_EQ(a.source_id.value_or(""), what.substr(what.rfind(' ') + 1)) << what;
  // Samples lie within the session (which may begin before start_time when a device's
  // start_time disagrees with its timestamp - elapsed, as in the Fenix 2 multisport file).
  // The end is the session's timestamp, which follows timer time when it exceeds elapsed
  // time (inverted-times.fit).
  const double longest = std::max(std::isnan(a.elapsed_s) ? 0.0 : a.elapsed_s, std::isnan(a.timer_s) ? 0.0 : a.timer_s);
  const auto span_ms = static_cast<std::int64_t>(longest * 1000) + 2000;
  for (const tendon_sample& sample : a.samples) {
    if (sample.time_ms == INT64_MIN) continue;
    EXPECT_GE(sample.time_ms, a.start_ms - span_ms) << what;
    EXPECT_LE(sample.time_ms, a.start_ms + span_ms) << what;
  }
}

TEST(fitCorpus, EveryCorpusFileHasAGarminSdkOracle) {
  SKIP_WITHOUT_CORPUS();
  const rapidjson::Document sdk = load_json("fit_sessions_by_garmin_fit_sdk.json");
  std::set<std::string> in_folder;
  for (const auto& file : corpus_fit_files()) in_folder.insert(file.filename().string());
  std::set<std::string> in_json;
  for (auto it = sdk.MemberBegin(); it != sdk.MemberEnd(); ++it) in_json.insert(it->name.GetString());
  EXPECT_EQ(in_folder, in_json);
  EXPECT_GE(in_folder.size(), 50u);
}

TEST(fitCorpus, ImportsEveryFileAsTheGarminSdkReadsIt) {
  SKIP_WITHOUT_CORPUS();
  const rapidjson::Document sdk = load_json("fit_sessions_by_garmin_fit_sdk.json");
  std::size_t checked = 0;
  for (const auto& path : corpus_fit_files()) {
    const std::string name = path.filename().string();
    SCOPED_TRACE(name);
    ASSERT_TRUE(sdk.HasMember(name.c_str())) << name << " is not in the SDK oracle";
    const rapidjson::Value& expected = sdk[name.c_str()];
    const ImportRun run = run_import(read_bytes(path));
    ++checked;

    const auto policy = policies().find(name);
    const std::optional<std::string> file_type = text(expected, "file_type");
    int status = TENDON_OK;
    bool sessions_as_sdk = true;
    if (policy != policies().end()) {
      status = policy->second.status;
      sessions_as_sdk = policy->second.sessions_as_sdk;
      for (const std::string& t : policy->second.texts) {
        if (status == TENDON_OK) {
          EXPECT_TRUE(contains_any(run.warnings(), t))
              << "no warning with '" << t << "' (" << policy->second.why << ")";
        } else {
          EXPECT_NE(run.error().find(t), std::string::npos) << run.error() << " (" << policy->second.why << ")";
        }
      }
    } else {
      ASSERT_TRUE(expected["errors"].Empty()) << "a file the SDK read with errors needs a policy entry";
      if (file_type && *file_type != "activity") {
        status = TENDON_NOT_ACTIVITY;
        sessions_as_sdk = false;
        EXPECT_EQ(run.error(), "FIT " + snake_case(*file_type) + " file, not an activity");
      }
      EXPECT_TRUE(run.warnings().empty()) << run.warnings().front();
    }
    ASSERT_EQ(run.status, status) << run.error();
    if (status != TENDON_OK) {
      EXPECT_TRUE(run.activities.empty());
      EXPECT_FALSE(run.error().empty());
      continue;
    }
    for (const EmittedActivity& a : run.activities) {
      EXPECT_TRUE(a.device.has_value());
      EXPECT_NE(a.start_ms, 0);
    }
    if (!sessions_as_sdk) continue;
    const auto& sessions = expected["sessions"];
    ASSERT_EQ(run.activities.size(), sessions.Size());
    for (rapidjson::SizeType i = 0; i < sessions.Size(); ++i) {
      compare_session(run.activities[i], sessions[i], name + " session-" + std::to_string(i));
    }
  }
  EXPECT_EQ(checked, sdk.MemberCount());
}

// The number of record messages: the SDK's count, except where it stopped at the first
// compressed-timestamp header (there python-fitparse's count, or the count of record
// messages found by walking the file's headers).
TEST(fitCorpus, DecodesAsManyRecordsAsTheReferenceDecoders) {
  SKIP_WITHOUT_CORPUS();
  const rapidjson::Document sdk = load_json("fit_sessions_by_garmin_fit_sdk.json");
  const std::map<std::string, std::size_t> kWhereSdkGaveUp = {{"compressed-speed-distance.fit", 755},
                                                              {"antfs-dump.63.fit", 686}};
  for (const auto& path : corpus_fit_files()) {
    const std::string name = path.filename().string();
    SCOPED_TRACE(name);
    const Decoded d = decode(std::span<const std::uint8_t>(read_bytes(path)));
    const auto special = kWhereSdkGaveUp.find(name);
    const auto expected = special != kWhereSdkGaveUp.end()
                              ? special->second
                              : static_cast<std::size_t>(sdk[name.c_str()]["records"].GetUint());
    EXPECT_EQ(d.records.size(), expected);
  }
}

TEST(fitCorpus, AgreesWithPythonFitparseSummaries) {
  SKIP_WITHOUT_CORPUS();
  const rapidjson::Document fitparse = load_json("fit_summaries_by_python-fitparse.json");
  std::size_t compared = 0;
  for (auto it = fitparse.MemberBegin(); it != fitparse.MemberEnd(); ++it) {
    const std::string name = it->name.GetString();
    SCOPED_TRACE(name);
    const rapidjson::Value& expected = it->value;
    const auto bytes = read_bytes(corpus_dir() / "fit" / name);
    if (expected.HasMember("error")) {
      // fitparse refuses these; this importer refuses the damaged ones too and keeps the
      // complete part of the cut-short ones (see the policy table above).
      const ImportRun run = run_import(bytes);
      if (policies().count(name) != 0) {
        EXPECT_EQ(run.status, policies().at(name).status);
      }
      continue;
    }
    const Decoded d = decode(std::span<const std::uint8_t>(bytes));
    EXPECT_EQ(d.records.size(), expected["records"].GetUint());
    const auto& sessions = expected["sessions"];
    const ImportRun run = run_import(bytes);
    if (sessions.Size() > 0 && sessions[0]["start_time"].IsNumber()) {
      EXPECT_EQ(run.status, TENDON_ERR_FORMAT) << "relative start time " << sessions[0]["start_time"].GetUint();
      continue;
    }
    ASSERT_EQ(run.status, TENDON_OK) << run.error();
    ASSERT_EQ(run.activities.size(), sessions.Size());
    for (rapidjson::SizeType i = 0; i < sessions.Size(); ++i) {
      const auto& s = sessions[i];
      const EmittedActivity& a = run.activities[i];
      EXPECT_EQ(a.start_ms, parse_utc_ms(s["start_time"].GetString()));
      const std::optional<std::string> sub = text(s, "sub_sport");
      const std::string sport = *text(s, "sport");
      EXPECT_EQ(a.sport, sport == "running" && sub && *sub == "treadmill" ? "treadmill_running" : sport);
      EXPECT_EQ(a.sub_sport, sub);
      if (const auto v = number(s, "total_distance")) {
        EXPECT_NEAR(a.distance_m, *v, 0.005);
      }
      expect_near_or_nan(a.timer_s, number(s, "total_timer_time"), 0.0005, "timer");
      expect_near_or_nan(a.elapsed_s, number(s, "total_elapsed_time"), 0.0005, "elapsed");
      ++compared;
    }
  }
  EXPECT_GE(compared, 25u);
}

TEST(fitCorpus, NamesDevicesAndUtcOffsets) {
  SKIP_WITHOUT_CORPUS();
  struct Case {
    const char* file;
    const char* device;
    std::optional<std::int32_t> offset;
  };
  const Case cases[] = {
      {"garmin-forerunner-10.fit", "Garmin Forerunner 10", 7200},
      {"elemnt-bolt-no-application-id-inside-developer-data-id.fit", "Wahoo ELEMNT BOLT", 7200},
      {"2019-02-17-062644-ELEMNT-297E-195-0.fit", "Wahoo ELEMNT", 28800},
      {"6916663933.fit", "COROS APEX Pro", 0},
      {"garmin-fenix-5-run.fit", "Garmin Fenix 5", -25200},
      {"6860622783.fit", "Garmin Forerunner 945", -18000},
      {"Activity.fit", "Dynastream HRM1", -14400},
      {"inverted-times.fit", "Nielsen-Kellerman product 0", std::nullopt},
      // local_timestamp - timestamp = 1080 s: not a quarter hour, so not an offset.
      {"garmin-vivosmart-hr.fit", "Garmin Vivosmart HR", std::nullopt},
      // Zwift writes local_timestamp 0.
      {"null_compressed_speed_dist.fit", "Zwift product 0", std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file);
    const ImportRun run = run_import(read_bytes(corpus_dir() / "fit" / c.file));
    ASSERT_EQ(run.status, TENDON_OK) << run.error();
    ASSERT_FALSE(run.activities.empty());
    EXPECT_EQ(run.activities[0].device, c.device);
    EXPECT_EQ(run.activities[0].has_utc_offset, c.offset.has_value());
    if (c.offset) {
      EXPECT_EQ(run.activities[0].utc_offset_s, *c.offset);
    }
  }
}

TEST(fitCorpus, UnfinalisedFileBuildsOneActivityFromItsRecords) {
  SKIP_WITHOUT_CORPUS();
  const ImportRun run = run_import(read_bytes(corpus_dir() / "fit" / "nick.fit"));
  ASSERT_EQ(run.status, TENDON_OK) << run.error();
  ASSERT_EQ(run.activities.size(), 1u);
  const EmittedActivity& a = run.activities[0];
  EXPECT_EQ(a.sport, "cycling");  // from its sport message
  EXPECT_EQ(a.source_id, "records");
  EXPECT_EQ(a.start_ms, (968847818LL + 631065600LL) * 1000);  // the first record
  EXPECT_NEAR(a.distance_m, 113550.87, 0.005);                // the last record's distance
  EXPECT_DOUBLE_EQ(a.elapsed_s, 968864541.0 - 968847818.0);
  EXPECT_GT(a.timer_s, 0.0);  // from the timer start/stop events
  EXPECT_LE(a.timer_s, a.elapsed_s);
  EXPECT_EQ(a.samples.size(), 14391u);
  EXPECT_EQ(a.device, "Sigma product 46");
}

TEST(fitCorpus, MultisportGivesOneActivityPerLegWithItsOwnSamples) {
  SKIP_WITHOUT_CORPUS();
  const ImportRun run = run_import(read_bytes(corpus_dir() / "fit" / "activity-large-fenxi2-multisport.fit"));
  ASSERT_EQ(run.status, TENDON_OK);
  ASSERT_EQ(run.activities.size(), 7u);
  const char* sports[] = {"generic", "transition", "running", "transition", "running", "transition", "cycling"};
  std::size_t samples = 0;
  for (std::size_t i = 0; i < 7; ++i) {
    const EmittedActivity& a = run.activities[i];
    EXPECT_EQ(a.sport, sports[i]);
    EXPECT_EQ(a.source_id, "session-" + std::to_string(i));
    ASSERT_FALSE(a.samples.empty());
    if (i > 0) {
      EXPECT_GE(a.samples.front().time_ms, a.start_ms);
      EXPECT_GT(a.samples.front().time_ms, run.activities[i - 1].samples.back().time_ms);
    }
    EXPECT_LE(a.samples.back().time_ms, a.start_ms + static_cast<std::int64_t>(a.elapsed_s * 1000) + 1000);
    samples += a.samples.size();
  }
  EXPECT_LE(samples, 24239u);
  EXPECT_GE(samples, 24000u);
}

TEST(fitCorpus, MisalignedFieldsAreSkippedNotFatal) {
  SKIP_WITHOUT_CORPUS();
  const Decoded d = decode(
      std::span<const std::uint8_t>(read_bytes(corpus_dir() / "fit" / "coros-pace-2-cycling-misaligned-fields.fit")));
  EXPECT_EQ(d.integrity, Integrity::intact);
  EXPECT_GT(d.misaligned_fields, 0u);
  EXPECT_EQ(d.data_messages, 11293u);  // python-fitparse's test: len(messages) == 11293
  EXPECT_EQ(d.records.size(), 11272u);
}

TEST(fitCorpus, ChainedFilesAreAllRead) {
  SKIP_WITHOUT_CORPUS();
  const Decoded d =
      decode(std::span<const std::uint8_t>(read_bytes(corpus_dir() / "fit" / "sample_mulitple_header.fit")));
  EXPECT_EQ(d.integrity, Integrity::intact);
  EXPECT_EQ(d.parts.size(), 4u);
  EXPECT_EQ(d.data_messages, 3023u);  // python-fitparse's test_multiple_header
  EXPECT_EQ(d.sessions.size(), 5u);
}

TEST(fitCorpus, DeveloperFieldsAreDescribedAndSkipped) {
  SKIP_WITHOUT_CORPUS();
  for (const char* file :
       {"developer-types-sample.fit", "DeveloperData.fit", "elemnt-bolt-no-application-id-inside-developer-data-id.fit",
        "20170518-191602-1740899583.fit"}) {
    SCOPED_TRACE(file);
    const Decoded d = decode(std::span<const std::uint8_t>(read_bytes(corpus_dir() / "fit" / file)));
    EXPECT_EQ(d.integrity, Integrity::intact);
    EXPECT_GT(d.developer_data_ids, 0u);
    EXPECT_FALSE(d.developer_fields.empty());
  }
  const Decoded d = decode(std::span<const std::uint8_t>(read_bytes(corpus_dir() / "fit" / "DeveloperData.fit")));
  ASSERT_EQ(d.developer_fields.size(), 1u);
  EXPECT_EQ(d.developer_fields[0].name, "doughnuts_earned");
  EXPECT_EQ(d.developer_fields[0].units, "doughnuts");
  ASSERT_EQ(d.records.size(), 3u);
  EXPECT_DOUBLE_EQ(d.records[2].heart_rate, 144);
  EXPECT_DOUBLE_EQ(d.records[2].cadence, 92);
  EXPECT_DOUBLE_EQ(d.records[2].distance_m, 3710.0);
}

}  // namespace
}  // namespace tendon::fit::testing
