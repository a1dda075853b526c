// The TCX files of the shared corpus against the figures upstream projects assert for them
// (python-tcxparser's tests, sports-lib's spec) and the FIT file of the same run.
// Skipped when ../shared is not beside the checkout.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "plugins/gpx/xml_import_harness.h"
#include "tcx_plugin.h"

namespace tendon::test {
namespace {

namespace fs = std::filesystem;

ImportRun import_corpus(const std::string& file) {
  const fs::path path = corpus_dir("tcx") / file;
  EXPECT_TRUE(fs::exists(path)) << path;
  return import_bytes(tendon_tcx_plugin(), read_file(path));
}

ActivityCopy only(const ImportRun& r) {
  EXPECT_EQ(r.status, TENDON_OK) << r.dump();
  EXPECT_EQ(r.activities.size(), 1u) << r.dump();
  return r.activities.empty() ? ActivityCopy{} : r.activities[0];
}

// Values of one sample member, NaN ones left out.
std::vector<double> values(const ActivityCopy& a, double tendon_sample::*member) {
  std::vector<double> out;
  for (const auto& s : a.samples) {
    if (!std::isnan(s.*member)) out.push_back(s.*member);
  }
  return out;
}

double mean(const std::vector<double>& v) {
  double sum = 0;
  for (double x : v) sum += x;
  return v.empty() ? std::nan("") : sum / static_cast<double>(v.size());
}

// python-tcxparser tests/test_tcxparser.py, TestParseTCX.
TEST(tcxCorpus, TestTcxMatchesPythonTcxparser) {
  TENDON_REQUIRE_SHARED();
  const ImportRun r = import_corpus("test.tcx");
  const ActivityCopy a = only(r);
  EXPECT_EQ(a.sport, "running");                          // activity_type
  EXPECT_EQ(a.start_ms, utc_ms("2012-12-26T21:29:53Z"));  // started_at
  EXPECT_NEAR(a.distance_m, 4686.31103516, 1e-6);         // distance
  EXPECT_NEAR(a.timer_s, 1992.78, 1e-9);                  // duration (sum of TotalTimeSeconds)
  EXPECT_EQ(a.device, "Forerunner 410 Software Version 2.20");
  EXPECT_EQ(a.source_id, "activity-0");
  ASSERT_EQ(a.samples.size(), 384u);
  EXPECT_EQ(a.samples.front().time_ms, utc_ms("2012-12-26T21:29:53Z"));  // time_values()[0]
  EXPECT_EQ(a.samples.back().time_ms, utc_ms("2012-12-26T22:03:05Z"));   // completed_at
  EXPECT_EQ(a.samples.front().latitude_deg, 35.951880198);               // latitude
  EXPECT_EQ(a.samples.front().longitude_deg, -79.0931872185);            // longitude
  // The last trackpoint holds a time only; python-tcxparser's lists skip absent values.
  EXPECT_TRUE(std::isnan(a.samples.back().latitude_deg));
  EXPECT_EQ(values(a, &tendon_sample::latitude_deg).back(), 35.9519544616);  // position_values()[-1]
  EXPECT_EQ(values(a, &tendon_sample::longitude_deg).back(), -79.0930143837);
  EXPECT_EQ(values(a, &tendon_sample::altitude_m).front(), 178.942626953);  // altitude_points()[0]
  EXPECT_EQ(values(a, &tendon_sample::altitude_m).back(), 166.4453125);     // altitude_points()[-1]
  EXPECT_EQ(values(a, &tendon_sample::distance_m).front(), 0.0);            // distance_values()[0]
  EXPECT_EQ(values(a, &tendon_sample::distance_m).back(), 4686.31103516);   // distance_values()[-1]
  const std::vector<double> hr = values(a, &tendon_sample::heart_rate_bpm);
  EXPECT_EQ(hr.front(), 62);                                // hr_values()[0]
  EXPECT_EQ(hr.back(), 180);                                // hr_values()[-1]
  EXPECT_EQ(*std::max_element(hr.begin(), hr.end()), 189);  // hr_max
  EXPECT_EQ(*std::min_element(hr.begin(), hr.end()), 60);   // hr_min
  EXPECT_EQ(static_cast<int>(mean(hr)), 156);               // hr_avg (trackpoint mean)
  const std::vector<double> alt = values(a, &tendon_sample::altitude_m);
  EXPECT_NEAR(mean(alt), 172.020056184, 1e-6);                                  // altitude_avg
  EXPECT_NEAR(*std::max_element(alt.begin(), alt.end()), 215.95324707, 1e-6);   // altitude_max
  EXPECT_NEAR(*std::min_element(alt.begin(), alt.end()), 157.793579102, 1e-6);  // altitude_min
  double raw_ascent = 0;
  for (std::size_t i = 1; i < alt.size(); ++i) raw_ascent += std::max(0.0, alt[i] - alt[i - 1]);
  EXPECT_NEAR(raw_ascent, 153.80981445, 1e-6);  // ascent (every positive step)
  // Our ascent filters altitude noise (AscentFilter): less than the raw sum, still the hills.
  EXPECT_GT(a.ascent_m, 100);
  EXPECT_LT(a.ascent_m, raw_ascent);
  // pace "07:05": timer per km.
  EXPECT_NEAR(a.timer_s / (a.distance_m / 1000), 7 * 60 + 5, 0.5);
  // Our average heart rate weights the laps' own averages by their timer time.
  EXPECT_NEAR(a.avg_heart_rate_bpm, (139 * 608.47 + 172 * 714.80 + 167 * 669.51) / 1992.78, 1e-9);
  EXPECT_NEAR(a.elapsed_s, 1992.51, 1e-9);  // last lap start 21:51:56 + 669.51 s
  EXPECT_TRUE(r.reports.empty()) << r.dump();
}

// python-tcxparser BugTest: no heart rate at all.
TEST(tcxCorpus, NoHeartRate) {
  TENDON_REQUIRE_SHARED();
  const ActivityCopy a = only(import_corpus("no_hr.tcx"));
  EXPECT_TRUE(std::isnan(a.avg_heart_rate_bpm));
  EXPECT_TRUE(values(a, &tendon_sample::heart_rate_bpm).empty());
  EXPECT_NEAR(a.distance_m, 4686.31103516, 1e-6);
  EXPECT_EQ(a.sport, "running");
}

TEST(tcxCorpus, StandUpPaddleIsOther) {
  TENDON_REQUIRE_SHARED();
  const ActivityCopy a = only(import_corpus("sup_activity_1.tcx"));
  EXPECT_EQ(a.sport, "other");
  EXPECT_EQ(a.start_ms, utc_ms("2022-07-16T16:08:25Z"));
  EXPECT_NEAR(a.distance_m, 1157.51, 1e-4);  // "1157.510009765625" (a float written out)
  EXPECT_NEAR(a.timer_s, 966.796 + 145.539, 1e-9);
  EXPECT_EQ(a.device, "v\xC3\xADvoactive HR");
  EXPECT_EQ(a.samples.size(), 111u);
  EXPECT_NEAR(a.avg_heart_rate_bpm, (88 * 966.796 + 87 * 145.539) / (966.796 + 145.539), 1e-9);
}

// sports-lib activities-parsing.integration.spec.ts, "should parse running treadmill TCX
// file (3)", and python-fitparse's summary of fit/6860622783.fit (the same run).
TEST(tcxCorpus, TreadmillRunMatchesSportsLibAndTheFit) {
  TENDON_REQUIRE_SHARED();
  const ImportRun r = import_corpus("6860622783.tcx");
  const ActivityCopy a = only(r);
  EXPECT_EQ(a.sport, "running");
  EXPECT_NEAR(a.distance_m, 10630.37, 1e-3);              // DataDistance 10630.37
  EXPECT_NEAR(a.avg_heart_rate_bpm, 145, 1e-9);           // DataHeartRateAvg 145
  EXPECT_NEAR(a.timer_s, 3097.789, 1e-9);                 // timer 51:38; FIT total_timer_time 3097.789
  EXPECT_NEAR(a.elapsed_s, 3764, 1.5);                    // elapsed 01:02:44; FIT 3763.503
  EXPECT_EQ(a.start_ms, utc_ms("2020-02-02T11:19:33Z"));  // FIT start_time (the <Id> says 11:19:00)
  EXPECT_EQ(a.device, "Forerunner 945");
  EXPECT_TRUE(std::isnan(a.ascent_m));
  ASSERT_EQ(a.samples.size(), 3101u);
  for (const auto& s : a.samples) ASSERT_TRUE(std::isnan(s.latitude_deg));  // treadmill: no Position
  const std::vector<double> hr = values(a, &tendon_sample::heart_rate_bpm);
  EXPECT_EQ(*std::max_element(hr.begin(), hr.end()), 177);  // DataHeartRateMax 177
  // sports-lib reports RunCadence as written (per leg): avg 82, max 128. Tendon's samples
  // carry full steps per minute: twice that.
  const std::vector<double> cad = values(a, &tendon_sample::cadence_spm);
  EXPECT_EQ(*std::max_element(cad.begin(), cad.end()), 2 * 128.0);
  EXPECT_EQ(static_cast<int>(mean(cad) / 2), 82);
  // Pace 04:51 per km over the timer time.
  EXPECT_NEAR(a.timer_s / (a.distance_m / 1000), 4 * 60 + 51, 1.0);
  EXPECT_TRUE(r.reports.empty()) << r.dump();
}

TEST(tcxCorpus, DefaultNamespaceTpxAndXsiType) {
  TENDON_REQUIRE_SHARED();
  const ActivityCopy a = only(import_corpus("tcxdata.tcx"));
  EXPECT_EQ(a.sport, "other");
  ASSERT_EQ(a.samples.size(), 4u);
  EXPECT_EQ(a.samples[0].heart_rate_bpm, 100);  // HeartRateBpm xsi:type="HeartRateInBeatsPerMinute_t"
  EXPECT_EQ(a.samples[0].speed_m_s, 11.163);    // <TPX xmlns="…ActivityExtension/v2"><Speed>
  EXPECT_EQ(a.samples[0].power_w, 150);         // <Watts>
  EXPECT_EQ(a.samples[0].cadence_spm, 90);      // not a run: as written
  EXPECT_EQ(a.avg_heart_rate_bpm, 115);
  EXPECT_NEAR(a.distance_m, 33.49, 1e-9);
  EXPECT_EQ(a.timer_s, 3);
  EXPECT_EQ(a.elapsed_s, 3);
}

TEST(tcxCorpus, CourseIsNotAnActivity) {
  TENDON_REQUIRE_SHARED();
  const ImportRun r = import_corpus("course.tcx");
  EXPECT_EQ(r.status, TENDON_NOT_ACTIVITY);
  EXPECT_TRUE(r.activities.empty());
  EXPECT_TRUE(r.reported(TENDON_LEVEL_ERROR, "TCX course, not an activity")) << r.dump();
}

// GoldenCheetah: "Time starts before 0", altitude but no HR or power, points without
// Position, times stepping back a second.
TEST(tcxCorpus, Edge705RideWithOddTimes) {
  TENDON_REQUIRE_SHARED();
  const ImportRun r = import_corpus("2009_01_09_11_13_14.tcx");
  const ActivityCopy a = only(r);
  EXPECT_EQ(a.sport, "cycling");
  EXPECT_EQ(a.device, "EDGE705");
  EXPECT_EQ(a.start_ms, utc_ms("2009-01-09T19:13:14Z"));
  EXPECT_EQ(a.samples.front().time_ms, utc_ms("2009-01-09T19:13:13Z"));  // one second before the lap
  EXPECT_NEAR(a.timer_s, 7687.12, 1e-9);
  EXPECT_EQ(a.elapsed_s, 7766.0);  // to the last point, 21:22:40
  EXPECT_NEAR(a.distance_m, 238.742, 1e-6);
  EXPECT_TRUE(std::isnan(a.avg_heart_rate_bpm));
  EXPECT_TRUE(r.reported(TENDON_LEVEL_WARNING, "activity-0: time goes backwards")) << r.dump();
}

TEST(tcxCorpus, EveryTcxFileIsReadable) {
  TENDON_REQUIRE_SHARED();
  std::size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(corpus_dir(""))) {
    if (e.path().extension() != ".tcx") continue;
    ++files;
    const ImportRun r = import_bytes(tendon_tcx_plugin(), read_file(e.path()));
    EXPECT_TRUE(r.status == TENDON_OK || r.status == TENDON_NOT_ACTIVITY) << e.path() << ": " << r.dump();
    for (const auto& a : r.activities) {
      EXPECT_GE(a.elapsed_s, 0) << e.path();
      EXPECT_GT(a.distance_m, 0) << e.path();
      EXPECT_GT(a.timer_s, 0) << e.path();
    }
  }
  EXPECT_GE(files, 7u);
}

}  // namespace
}  // namespace tendon::test
