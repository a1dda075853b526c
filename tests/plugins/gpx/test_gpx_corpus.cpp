// Every GPX file of the shared corpus gives a sensible result (skipped without ../shared).
#include <gtest/gtest.h>

#include <cmath>

#include "gpx_plugin.h"
#include "plugins/gpx/xml_import_harness.h"

namespace tendon::test {
namespace {

namespace fs = std::filesystem;

ImportRun import_corpus(const std::string& rel) {
  const fs::path path = corpus_dir("") / rel;
  EXPECT_TRUE(fs::exists(path)) << path;
  return import_bytes(tendon_gpx_plugin(), read_file(path));
}

// Independent check of a track's length: the textbook haversine over the samples.
double path_length(const std::vector<tendon_sample>& samples) {
  const double r = 3.14159265358979323846 / 180.0;
  double sum = 0;
  for (std::size_t i = 1; i < samples.size(); ++i) {
    const tendon_sample& a = samples[i - 1];
    const tendon_sample& b = samples[i];
    const double h = std::pow(std::sin((b.latitude_deg - a.latitude_deg) * r / 2), 2) +
                     std::cos(a.latitude_deg * r) * std::cos(b.latitude_deg * r) *
                         std::pow(std::sin((b.longitude_deg - a.longitude_deg) * r / 2), 2);
    sum += 2 * 6371008.8 * std::asin(std::sqrt(h));
  }
  return sum;
}

TEST(gpxCorpus, Gpx10WithAllFields) {
  TENDON_REQUIRE_SHARED();
  const ImportRun r = import_corpus("gpx/gpx1.0_with_all_fields.gpx");
  ASSERT_EQ(r.status, TENDON_OK) << r.dump();
  ASSERT_EQ(r.activities.size(), 1u) << "the second <trk> is empty";
  const ActivityCopy& a = r.activities[0];
  EXPECT_EQ(a.source_id, "track-0");
  EXPECT_EQ(a.start_ms, utc_ms("2013-01-01T12:00:04Z"));  // zone-less, read as UTC
  EXPECT_TRUE(r.reported(TENDON_LEVEL_WARNING, "no time zone"));
  EXPECT_EQ(a.sport, "unknown");
  EXPECT_EQ(a.device, "...");
  EXPECT_EQ(a.elapsed_s, 0.0);
  EXPECT_EQ(a.distance_m, 0.0);
  ASSERT_EQ(a.samples.size(), 1u);
  EXPECT_EQ(a.samples[0].latitude_deg, 10.1);
  EXPECT_EQ(a.samples[0].longitude_deg, -20.2);
  EXPECT_EQ(a.samples[0].altitude_m, 11.1);
}

TEST(gpxCorpus, Gpx11WithAllFields) {
  TENDON_REQUIRE_SHARED();
  const ImportRun r = import_corpus("gpx/gpx1.1_with_all_fields.gpx");
  ASSERT_EQ(r.status, TENDON_OK) << r.dump();
  ASSERT_EQ(r.activities.size(), 1u);
  EXPECT_EQ(r.activities[0].sport, "t");  // <type>t</type>: an unknown word passes through
  EXPECT_EQ(r.activities[0].start_ms, utc_ms("2013-01-01T12:00:04Z"));
  EXPECT_EQ(r.activities[0].samples.size(), 1u);
}

TEST(gpxCorpus, GarminTrackPointExtension) {
  TENDON_REQUIRE_SHARED();
  const ImportRun r = import_corpus("gpx/gpx_garmin_extensions.gpx");
  ASSERT_EQ(r.status, TENDON_OK) << r.dump();
  ASSERT_EQ(r.activities.size(), 1u);
  const ActivityCopy& a = r.activities[0];
  EXPECT_EQ(a.start_ms, utc_ms("2008-08-20T07:04:48Z"));
  EXPECT_EQ(a.elapsed_s, 7.0);
  EXPECT_EQ(a.timer_s, 7.0);
  EXPECT_EQ(a.device, "GPSBabel - https://www.gpsbabel.org");
  ASSERT_EQ(a.samples.size(), 8u);
  EXPECT_EQ(a.samples[0].heart_rate_bpm, 111);
  EXPECT_EQ(a.samples[0].cadence_spm, 151);  // sport unknown: cadence as written
  EXPECT_EQ(a.samples[7].heart_rate_bpm, 117);
  EXPECT_TRUE(std::isnan(a.samples[4].cadence_spm));  // that point has hr only
  double hr = 0;
  for (const auto& s : a.samples) hr += s.heart_rate_bpm;
  EXPECT_DOUBLE_EQ(a.avg_heart_rate_bpm, hr / 8);
  EXPECT_NEAR(a.distance_m, path_length(a.samples), 1e-6);
  EXPECT_EQ(a.ascent_m, 0.0);  // 0.137 -> -15.7 m: only descent
}

TEST(gpxCorpus, TrackWithEmptySegment) {
  TENDON_REQUIRE_SHARED();
  const ImportRun r = import_corpus("gpx/track-with-empty-segment.gpx");
  ASSERT_EQ(r.status, TENDON_OK) << r.dump();
  ASSERT_EQ(r.activities.size(), 1u);
  const ActivityCopy& a = r.activities[0];
  EXPECT_EQ(a.samples.size(), 9u);
  EXPECT_EQ(a.start_ms, utc_ms("2013-07-06T17:26:26Z"));
  EXPECT_EQ(a.elapsed_s, 76.0);
  EXPECT_NEAR(a.distance_m, path_length(a.samples), 1e-6);
  EXPECT_NEAR(a.distance_m, 85.85, 0.01);
  EXPECT_EQ(a.device, "TC2 to GPX11 XSLT stylesheet");
  EXPECT_TRUE(r.reports.empty()) << r.dump();
}

TEST(gpxCorpus, WaypointFilesWithBomOrExtensionsAreNotActivities) {
  TENDON_REQUIRE_SHARED();
  for (const char* file : {"gpx/unicode_with_bom.gpx", "gpx/gpx_with_garmin_extension.gpx"}) {
    const ImportRun r = import_corpus(file);
    EXPECT_EQ(r.status, TENDON_NOT_ACTIVITY) << file << ": " << r.dump();
    EXPECT_TRUE(r.reported(TENDON_LEVEL_ERROR, "GPX with waypoints only, not an activity")) << r.dump();
  }
}

TEST(gpxCorpus, RouteIsNotAnActivity) {
  TENDON_REQUIRE_SHARED();
  const ImportRun r = import_corpus("gpx/route.gpx");
  EXPECT_EQ(r.status, TENDON_NOT_ACTIVITY);
  EXPECT_TRUE(r.reported(TENDON_LEVEL_ERROR, "GPX route without a recorded track, not an activity")) << r.dump();
}

TEST(gpxCorpus, TrackWithoutTimesIsNotAnActivity) {
  TENDON_REQUIRE_SHARED();
  // Eight saved Garmin tracks without times; the last keeps 5 timed points of 21.
  const ImportRun r = import_corpus("gpx/cerknicko-without-times.gpx");
  EXPECT_EQ(r.status, TENDON_NOT_ACTIVITY);
  EXPECT_TRUE(r.reported(TENDON_LEVEL_ERROR, "without <time>")) << r.dump();
}

TEST(gpxCorpus, StravaExportFixtures) {
  TENDON_REQUIRE_SHARED();
  const ImportRun good = import_corpus("strava/malformed-export/activities/good-1.gpx");
  ASSERT_EQ(good.status, TENDON_OK) << good.dump();
  ASSERT_EQ(good.activities.size(), 1u);
  EXPECT_EQ(good.activities[0].start_ms, utc_ms("2026-01-02T15:00:00Z"));
  EXPECT_EQ(good.activities[0].samples[0].latitude_deg, 37.1);
  EXPECT_EQ(good.activities[0].samples[0].altitude_m, 10.0);
  EXPECT_TRUE(good.activities[0].device_null);
  for (const char* file :
       {"strava/minimal-export/activities/fixture-run.gpx", "strava/minimal-export/activities/fixture-walk.gpx"}) {
    const ImportRun r = import_corpus(file);
    EXPECT_EQ(r.status, TENDON_NOT_ACTIVITY) << file;
    EXPECT_TRUE(r.reported(TENDON_LEVEL_ERROR, "GPX track without points")) << r.dump();
  }
}

// Every .gpx anywhere in the corpus (Apple Health routes included) reads as an activity
// or as a clear NOT_ACTIVITY, never as a format error or an internal error.
TEST(gpxCorpus, EveryGpxFileIsReadable) {
  TENDON_REQUIRE_SHARED();
  std::size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(corpus_dir(""))) {
    if (e.path().extension() != ".gpx") continue;
    ++files;
    const ImportRun r = import_bytes(tendon_gpx_plugin(), read_file(e.path()));
    EXPECT_TRUE(r.status == TENDON_OK || r.status == TENDON_NOT_ACTIVITY) << e.path() << ": " << r.dump();
    for (const auto& a : r.activities) {
      EXPECT_GE(a.elapsed_s, 0) << e.path();
      EXPECT_GE(a.timer_s, 0) << e.path();
      EXPECT_LE(a.timer_s, a.elapsed_s) << e.path();
      EXPECT_FALSE(a.samples.empty()) << e.path();
      EXPECT_GE(a.distance_m, 0) << e.path();
    }
  }
  EXPECT_GE(files, 11u);
}

}  // namespace
}  // namespace tendon::test
