// Distance, ascent, track figures, sport words and running cadence (plugins/xml).
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

#include "ascent_filter.h"
#include "geo.h"
#include "running_cadence.h"
#include "sport_words.h"
#include "track_figures.h"

namespace tendon::xml {
namespace {

// The textbook formula with libm everywhere, to check the fast one against.
double reference_haversine(double lat1, double lon1, double lat2, double lon2) {
  const double r = 3.14159265358979323846 / 180.0;
  const double a = std::pow(std::sin((lat2 - lat1) * r / 2), 2) +
                   std::cos(lat1 * r) * std::cos(lat2 * r) * std::pow(std::sin((lon2 - lon1) * r / 2), 2);
  return 2 * 6371008.8 * std::asin(std::sqrt(a));
}

TEST(xmlGeo, KnownDistances) {
  // One degree of arc on the mean-radius sphere: 2*pi*R/360.
  EXPECT_NEAR(haversine_m(0, 0, 1, 0), 111195.08, 0.01);
  EXPECT_NEAR(haversine_m(0, 0, 0, 1), 111195.08, 0.01);
  EXPECT_NEAR(haversine_m(0, 0, 0, 90), 2 * 3.14159265358979 * 6371008.8 / 4, 0.1);
  EXPECT_NEAR(haversine_m(0, 0, 0, 180), 3.14159265358979 * 6371008.8, 0.1);
  EXPECT_NEAR(haversine_m(90, 0, -90, 0), 3.14159265358979 * 6371008.8, 0.1);
  EXPECT_EQ(haversine_m(46.05, 14.5, 46.05, 14.5), 0.0);
  // Paris - London (~343.5 km on the sphere).
  EXPECT_NEAR(haversine_m(48.8566, 2.3522, 51.5074, -0.1278), 343556, 100);
}

TEST(xmlGeo, SmallStepsAgreeWithTheTextbookFormula) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> lat(-85, 85), lon(-180, 180), step(-0.02, 0.02);
  for (int i = 0; i < 100000; ++i) {
    const double a = lat(rng), b = lon(rng);
    const double c = a + step(rng) * (i % 3 == 0 ? 1e-4 : 1.0), d = b + step(rng);
    const double ref = reference_haversine(a, b, c, d);
    ASSERT_NEAR(haversine_m(a, b, c, d), ref, 1e-9 * ref + 1e-9) << a << "," << b << " -> " << c << "," << d;
  }
}

TEST(xmlGeo, ValidPositions) {
  EXPECT_TRUE(valid_position(90, 180));
  EXPECT_TRUE(valid_position(-90, -180));
  EXPECT_FALSE(valid_position(90.0001, 0));
  EXPECT_FALSE(valid_position(0, -180.5));
  EXPECT_FALSE(valid_position(std::nan(""), 0));
}

double ascent_of(const std::vector<double>& altitudes) {
  AscentFilter f;
  for (double a : altitudes) f.add(a);
  return f.ascent_m();
}

TEST(xmlAscent, NoiseBelowTheThresholdNeverCounts) {
  EXPECT_EQ(ascent_of({100, 102, 99, 103, 100, 104, 101, 103.9, 99.5, 103.5}), 0.0);
  EXPECT_FALSE(AscentFilter().has_altitude());
}

TEST(xmlAscent, AClimbCountsFromItsLowWholly) {
  EXPECT_DOUBLE_EQ(ascent_of({100, 101, 102, 103, 104, 105, 106, 108, 112, 150}), 50.0);
  // Wobbles inside a climb do not end it; new highs keep adding.
  EXPECT_DOUBLE_EQ(ascent_of({0, 10, 8, 12, 9, 20}), 20.0);
  // A fall of more than the threshold ends it; the next climb counts from the new low.
  EXPECT_DOUBLE_EQ(ascent_of({0, 10, 4, 5, 6, 12}), 10.0 + 8.0);
  // Descending only.
  EXPECT_EQ(ascent_of({300, 250, 200, 150}), 0.0);
  // NaN values are passed over.
  EXPECT_DOUBLE_EQ(ascent_of({std::nan(""), 0, std::nan(""), 30}), 30.0);
}

TEST(xmlAscent, SmallerThanRawPositiveSum) {
  std::mt19937_64 rng(3);
  // GPS altitude wandering +-2 m around a smooth profile whose true ascent is 85.9 m.
  std::uniform_real_distribution<double> noise(-2, 2);
  std::vector<double> alt;
  double raw = 0;
  for (int i = 0; i < 3600; ++i) {
    alt.push_back(200 + 50 * std::sin(i / 600.0) + noise(rng));
    if (i > 0 && alt[i] > alt[i - 1]) raw += alt[i] - alt[i - 1];
  }
  const double filtered = ascent_of(alt);
  EXPECT_LT(filtered, raw / 20);        // the raw sum of positive steps is mostly noise
  EXPECT_GT(filtered, 85.9);            // the real climbs count wholly...
  EXPECT_LT(filtered, 85.9 + 2 * 4.0);  // ...plus at most the noise band at their ends
}

tendon_sample point(std::int64_t t_s, double lat, double lon) {
  tendon_sample s = empty_sample();
  s.time_ms = t_s * 1000;
  s.latitude_deg = lat;
  s.longitude_deg = lon;
  return s;
}

TEST(xmlTrackFigures, DistanceElapsedAndTimer) {
  std::vector<tendon_sample> v = {point(0, 0, 0), point(10, 0.0003, 0), point(20, 0.0006, 0)};
  const TrackFigures f = compute_track_figures(v, {}, true);
  EXPECT_EQ(f.timed_points, 3u);
  EXPECT_NEAR(f.distance_m, haversine_m(0, 0, 0.0006, 0), 1e-6);
  EXPECT_EQ(f.moving_s, 20.0);
  EXPECT_EQ(f.pauses, 0u);
  EXPECT_EQ(v[0].distance_m, 0.0);
  EXPECT_NEAR(v[2].distance_m, f.distance_m, 1e-9);
  EXPECT_TRUE(f.has_position);
  EXPECT_TRUE(std::isnan(f.ascent_m));
  EXPECT_TRUE(std::isnan(f.avg_heart_rate_bpm));
}

TEST(xmlTrackFigures, LongStationaryGapIsAPause) {
  // 300 s standing still between two points: a pause. 61 s of running: not.
  std::vector<tendon_sample> v = {point(0, 0, 0), point(10, 0.0003, 0), point(310, 0.0003, 0.00001),
                                  point(371, 0.0006, 0.00001)};
  const TrackFigures f = compute_track_figures(v, {}, false);
  EXPECT_EQ(f.pauses, 1u);
  EXPECT_EQ(f.paused_s, 300.0);
  EXPECT_EQ(f.moving_s, 71.0);
}

TEST(xmlTrackFigures, LongGapWhileMovingIsNotAPause) {
  // GPS lost in a tunnel: 600 m in 200 s (3 m/s) is running time.
  std::vector<tendon_sample> v = {point(0, 0, 0), point(200, 600 / 111195.08, 0)};
  const TrackFigures f = compute_track_figures(v, {}, false);
  EXPECT_EQ(f.pauses, 0u);
  EXPECT_EQ(f.moving_s, 200.0);
}

TEST(xmlTrackFigures, NoDistanceAcrossSegmentBreaks) {
  std::vector<tendon_sample> v = {point(0, 0, 0), point(30, 0.001, 0), point(40, 0.01, 0), point(70, 0.011, 0)};
  const std::vector<std::size_t> starts = {0, 2};
  const TrackFigures f = compute_track_figures(v, starts, true);
  EXPECT_NEAR(f.distance_m, 2 * haversine_m(0, 0, 0.001, 0), 1e-6);
  EXPECT_NEAR(v[2].distance_m, v[1].distance_m, 1e-9);  // nothing added at the break
}

TEST(xmlTrackFigures, GpsJumpsAreLeftOut) {
  // A spike 5 km away for one second, then back.
  std::vector<tendon_sample> v = {point(0, 0, 0), point(1, 0.00003, 0), point(2, 0.045, 0), point(3, 0.00006, 0),
                                  point(4, 0.00009, 0)};
  const TrackFigures f = compute_track_figures(v, {}, true);
  EXPECT_EQ(f.gps_jumps, 2u);
  EXPECT_NEAR(f.distance_m, haversine_m(0, 0, 0.00003, 0) + haversine_m(0.00006, 0, 0.00009, 0), 1e-6);
  // A fast but possible step (a 40 m/s descent on a bike) is kept.
  std::vector<tendon_sample> w = {point(0, 0, 0), point(5, 200 / 111195.08, 0)};
  EXPECT_EQ(compute_track_figures(w, {}, false).gps_jumps, 0u);
}

TEST(xmlTrackFigures, BackwardTimesAreCountedNotSorted) {
  std::vector<tendon_sample> v = {point(10, 0, 0), point(12, 0, 0), point(11, 0, 0), point(20, 0, 0)};
  const TrackFigures f = compute_track_figures(v, {}, false);
  EXPECT_EQ(f.backward_steps, 1u);
  EXPECT_EQ(f.largest_backward_s, 1.0);
  EXPECT_EQ(f.earliest_ms, 10000);
  EXPECT_EQ(f.latest_ms, 20000);
  EXPECT_EQ(f.first_ms, 10000);
  EXPECT_LE(f.moving_s, 10.0);
}

TEST(xmlTrackFigures, HeartRateMeanAndUntimedPoints) {
  std::vector<tendon_sample> v = {point(0, 0, 0), point(1, 0, 0), empty_sample()};
  v[0].heart_rate_bpm = 100;
  v[1].heart_rate_bpm = 120;
  v[0].altitude_m = 10;
  v[1].altitude_m = 20;
  const TrackFigures f = compute_track_figures(v, {}, false);
  EXPECT_EQ(f.avg_heart_rate_bpm, 110.0);
  EXPECT_EQ(f.timed_points, 2u);
  EXPECT_EQ(f.ascent_m, 10.0);
}

TEST(xmlSportWords, TendonVocabulary) {
  const auto sport = [](const char* raw) { return map_sport_word(raw).sport; };
  EXPECT_EQ(sport("9"), "running");
  EXPECT_EQ(sport("1"), "cycling");
  EXPECT_EQ(sport("Run"), "running");
  EXPECT_EQ(sport("running"), "running");
  EXPECT_EQ(sport("RUNNING"), "running");
  EXPECT_EQ(sport("trail_running"), "trail_running");
  EXPECT_EQ(sport("Trail Run"), "trail_running");
  EXPECT_EQ(sport("TrailRun"), "trail_running");
  EXPECT_EQ(sport("treadmill_running"), "treadmill_running");
  EXPECT_EQ(sport("Biking"), "cycling");
  EXPECT_EQ(sport("cycling"), "cycling");
  EXPECT_EQ(sport("Ride"), "cycling");
  EXPECT_EQ(sport("walking"), "walking");
  EXPECT_EQ(sport("Walk"), "walking");
  EXPECT_EQ(sport("hiking"), "hiking");
  EXPECT_EQ(sport("Hike"), "hiking");
  EXPECT_EQ(sport("swim"), "swimming");
  EXPECT_EQ(sport("Other"), "other");
  EXPECT_EQ(sport("  Nordic-Ski "), "nordic_ski");
  EXPECT_EQ(sport("Kayaking"), "kayaking");
  EXPECT_EQ(sport(""), "unknown");
  EXPECT_EQ(sport("  "), "unknown");
}

TEST(xmlSportWords, VariantsKeepTheirWordAsSubSport) {
  EXPECT_EQ(map_sport_word("road_biking").sport, "cycling");
  EXPECT_EQ(map_sport_word("road_biking").sub_sport, "road_biking");
  EXPECT_EQ(map_sport_word("Mountain Biking").sub_sport, "mountain_biking");
  EXPECT_EQ(map_sport_word("open_water_swimming").sport, "swimming");
  EXPECT_EQ(map_sport_word("Run").sub_sport, "");
  EXPECT_EQ(map_sport_word("10").sport, "unknown");
  EXPECT_EQ(map_sport_word("10").sub_sport, "10");
}

std::vector<tendon_sample> cadences(std::initializer_list<double> values) {
  std::vector<tendon_sample> v;
  for (double c : values) {
    tendon_sample s = empty_sample();
    s.cadence_spm = c;
    v.push_back(s);
  }
  return v;
}

TEST(xmlRunningCadence, PerLegValuesAreDoubledForRuns) {
  auto v = cadences({84, 86, 0, std::nan(""), 88});
  normalise_running_cadence(v, "running");
  EXPECT_EQ(v[0].cadence_spm, 168);
  EXPECT_EQ(v[1].cadence_spm, 172);
  EXPECT_EQ(v[2].cadence_spm, 0);
  EXPECT_TRUE(std::isnan(v[3].cadence_spm));
  auto trail = cadences({80});
  normalise_running_cadence(trail, "trail_running");
  EXPECT_EQ(trail[0].cadence_spm, 160);
}

TEST(xmlRunningCadence, FullStepsAndOtherSportsStay) {
  auto full = cadences({168, 170, 90, 172});
  normalise_running_cadence(full, "running");
  EXPECT_EQ(full[0].cadence_spm, 168);
  EXPECT_EQ(full[2].cadence_spm, 90);
  auto bike = cadences({85, 90});
  normalise_running_cadence(bike, "cycling");
  EXPECT_EQ(bike[0].cadence_spm, 85);
  auto unknown = cadences({85});
  normalise_running_cadence(unknown, "unknown");
  EXPECT_EQ(unknown[0].cadence_spm, 85);
  EXPECT_TRUE(is_running_sport("treadmill_running"));
  EXPECT_FALSE(is_running_sport("cycling"));
}

}  // namespace
}  // namespace tendon::xml
