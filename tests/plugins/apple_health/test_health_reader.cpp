// export.xml's streaming reader on its own: both Workout styles, the DTD Apple writes,
// XML bombs and external entities refused, a cut file, and a generated export of 200,000
// records streamed through without the heap growing with it.
#include <gtest/gtest.h>
#include <malloc.h>

#include <algorithm>
#include <cmath>

#include "health_fixtures.h"
#include "health_workouts.h"

namespace tendon::apple_health {
namespace {

using tendon::testing::attribute_workout;
using tendon::testing::health_xml;
using tendon::testing::statistics_workout;

struct Read {
  std::vector<HealthWorkout> workouts;
  bool ok = false;
  std::string error;
  bool refused = false;
  std::vector<std::string> problems;
};

// Feeds `xml` in pieces of `piece` bytes, as a stream would.
Read read_xml(const std::string& xml, std::size_t piece = 7) {
  Read out;
  WorkoutReader reader([&](HealthWorkout&& w) {
    out.workouts.push_back(std::move(w));
    return true;
  });
  bool fed = true;
  for (std::size_t at = 0; at < xml.size() && fed; at += piece) fed = reader.feed(std::string_view(xml).substr(at, piece));
  out.ok = fed && reader.finish();
  out.error = reader.error();
  out.refused = reader.refused();
  out.problems = reader.problems();
  return out;
}

TEST(HealthReader, OldAttributeStyleInMiles) {
  // 5.19412346680959 min = 311.647 s; 0.4971749504535062 mi × 1609.344 = 800.13 m.
  const Read r = read_xml(health_xml(attribute_workout("HKWorkoutActivityTypeRunning", "Apple Watch",
                                                       "2016-11-14 07:25:41 -0700", "2016-11-14 07:30:52 -0700",
                                                       "5.19412346680959", "min", "0.4971749504535062", "mi")));
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.workouts.size(), 1u);
  const HealthWorkout& w = r.workouts[0];
  EXPECT_EQ(w.activity_type, "HKWorkoutActivityTypeRunning");
  EXPECT_EQ(w.source_name, "Apple Watch");
  EXPECT_NEAR(*w.duration_s, 311.647408, 1e-5);
  EXPECT_NEAR(*w.distance_m, 800.1255, 1e-4);  // 0.4971749504535062 × 1609.344
  EXPECT_DOUBLE_EQ(*w.energy_kcal, 300);
  EXPECT_EQ(w.start->unix_ms, std::int64_t{1479133541} * 1000);
  EXPECT_EQ(w.end->unix_ms, std::int64_t{1479133852} * 1000);
}

TEST(HealthReader, OldAttributeStyleInKilometresAndSeconds) {
  const Read r = read_xml(health_xml(attribute_workout("HKWorkoutActivityTypeRunning", "Apple Watch",
                                                       "2024-01-02 07:00:00 +0100", "2024-01-02 07:50:00 +0100", "3000",
                                                       "s", "10.5", "km")));
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.workouts.size(), 1u);
  EXPECT_DOUBLE_EQ(*r.workouts[0].duration_s, 3000);
  EXPECT_DOUBLE_EQ(*r.workouts[0].distance_m, 10500);
}

TEST(HealthReader, StatisticsStyleTakesTheWholeWorkoutsFiguresNotTheActivitys) {
  // The top-level DistanceWalkingRunning (8.95512 km) covers the whole workout; the
  // WorkoutActivity's own (1 km here) must not be taken. Elevation 6575 cm = 65.75 m.
  const Read r = read_xml(health_xml(statistics_workout("Apple Watch", "2025-09-16 16:14:50 +0100",
                                                        "2025-09-16 17:15:43 +0100", "60.88754943410556", "8.95512", "km")));
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.workouts.size(), 1u);
  const HealthWorkout& w = r.workouts[0];
  EXPECT_NEAR(*w.distance_m, 8955.12, 1e-6);
  EXPECT_NEAR(*w.duration_s, 3653.2529, 1e-3);
  EXPECT_DOUBLE_EQ(*w.ascent_m, 65.75);
  EXPECT_DOUBLE_EQ(*w.avg_heart_rate_bpm, 130.153);
  EXPECT_DOUBLE_EQ(*w.energy_kcal, 655.465);
  EXPECT_EQ(w.device, "Apple Watch");
  EXPECT_FALSE(w.indoor);
}

TEST(HealthReader, StatisticsWinOverAttributes) {
  // Both present: FORMATS.md §3.2 says prefer WorkoutStatistics (5 mi, not 7 km).
  const std::string stats = "  <WorkoutStatistics type=\"HKQuantityTypeIdentifierDistanceWalkingRunning\" sum=\"5\" unit=\"mi\"/>\n";
  const Read r = read_xml(health_xml(attribute_workout("HKWorkoutActivityTypeRunning", "Apple Watch",
                                                       "2024-01-02 07:00:00 +0100", "2024-01-02 07:50:00 +0100", "50",
                                                       "min", "7", "km", stats)));
  ASSERT_EQ(r.workouts.size(), 1u);
  EXPECT_DOUBLE_EQ(*r.workouts[0].distance_m, 8046.72);
}

TEST(HealthReader, RouteReferencesAndRecordsAreSkipped) {
  const std::string route =
      "  <WorkoutRoute sourceName=\"Apple Watch\"><MetadataEntry key=\"HKMetadataKeySyncVersion\" value=\"2\"/>"
      "<FileReference path=\"/workout-routes/route_2024-01-02_7.50am.gpx\"/></WorkoutRoute>\n";
  const std::string records =
      " <Record type=\"HKQuantityTypeIdentifierHeartRate\" unit=\"count/min\" startDate=\"2024-01-02 07:10:00 +0100\" value=\"140\"/>\n";
  const Read r = read_xml(health_xml(records + attribute_workout("HKWorkoutActivityTypeWalking", "Apple Watch",
                                                                 "2024-01-02 07:00:00 +0100", "2024-01-02 07:50:00 +0100",
                                                                 "50", "min", "4", "km", route) +
                                     records));
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.workouts.size(), 1u);
  ASSERT_EQ(r.workouts[0].route_files.size(), 1u);
  EXPECT_EQ(r.workouts[0].route_files[0], "/workout-routes/route_2024-01-02_7.50am.gpx");
}

TEST(HealthReader, WorkoutWithoutStartIsSkippedWithItsLine) {
  const Read r = read_xml(health_xml(" <Workout workoutActivityType=\"HKWorkoutActivityTypeRunning\" startDate=\"yesterday\"/>\n"));
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_TRUE(r.workouts.empty());
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_NE(r.problems[0].find("without a readable startDate"), std::string::npos) << r.problems[0];
}

TEST(HealthReader, BillionLaughsIsRefusedBeforeAnyExpansion) {
  std::string dtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE HealthData [\n<!ENTITY lol0 \"lol\">\n";
  for (int i = 1; i < 10; ++i) {
    dtd += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int j = 0; j < 10; ++j) dtd += "&lol" + std::to_string(i - 1) + ";";
    dtd += "\">\n";
  }
  const Read r = read_xml(dtd + "]>\n<HealthData locale=\"&lol9;\"><ExportDate value=\"&lol9;\"/></HealthData>\n", 4096);
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(r.refused);
  EXPECT_NE(r.error.find("entity declarations are refused"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("lol0"), std::string::npos) << r.error;
}

TEST(HealthReader, ExternalEntitiesAreRefused) {
  for (const std::string dtd : {"<!ENTITY secret SYSTEM \"file:///etc/passwd\">", "<!ENTITY % remote SYSTEM \"http://example.com/x.dtd\"> %remote;"}) {
    const Read r = read_xml("<?xml version=\"1.0\"?>\n<!DOCTYPE HealthData [" + dtd + "]>\n<HealthData>&secret;</HealthData>\n");
    EXPECT_FALSE(r.ok) << dtd;
    EXPECT_TRUE(r.refused) << dtd;
    EXPECT_NE(r.error.find("refused"), std::string::npos) << r.error;
  }
}

TEST(HealthReader, CutFileKeepsTheWorkoutsBeforeTheCut) {
  const std::string whole = health_xml(
      attribute_workout("HKWorkoutActivityTypeRunning", "Apple Watch", "2024-01-02 07:00:00 +0100",
                        "2024-01-02 07:50:00 +0100", "50", "min", "10", "km") +
      attribute_workout("HKWorkoutActivityTypeRunning", "Apple Watch", "2024-01-03 07:00:00 +0100",
                        "2024-01-03 07:50:00 +0100", "50", "min", "10", "km"));
  const std::string cut = whole.substr(0, whole.find("2024-01-03 07:50"));
  const Read r = read_xml(cut);
  EXPECT_FALSE(r.ok);
  EXPECT_FALSE(r.refused) << "a cut file is not an attack: what was read stands";
  EXPECT_EQ(r.workouts.size(), 1u);
  EXPECT_NE(r.error.find("line"), std::string::npos) << r.error;
}

TEST(HealthReader, NotHealthDataIsRefused) {
  const Read r = read_xml("<gpx><trk/></gpx>");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(r.refused);
  EXPECT_NE(r.error.find("<gpx>"), std::string::npos) << r.error;
  const Read garbage = read_xml("\x01\x02 not xml");
  EXPECT_FALSE(garbage.ok);
}

TEST(HealthReader, OneHugeTokenIsRefusedNotBuffered) {
  WorkoutReader reader([](HealthWorkout&&) { return true; }, 1 << 20);
  ASSERT_TRUE(reader.feed("<HealthData><Record value=\""));
  const std::string piece(64 << 10, 'x');
  bool fed = true;
  for (int i = 0; i < 64 && fed; ++i) fed = reader.feed(piece);  // 4 MiB inside one attribute
  EXPECT_FALSE(fed);
  EXPECT_TRUE(reader.refused());
  EXPECT_NE(reader.error().find("one XML token is over"), std::string::npos) << reader.error();
}

// The heap in use now (glibc): what the reader holds, whatever the peak of earlier tests.
std::size_t heap_in_use() { return mallinfo2().uordblks; }

TEST(HealthReader, LargeExportStreamsInBoundedMemory) {
  // 200,000 heart-rate records (~50 MB of XML) with a workout every 1,000, generated
  // piece by piece and never held whole: the heap the reader uses must not grow with it.
  constexpr int kRecords = 200'000;
  std::size_t workouts = 0;
  WorkoutReader reader([&](HealthWorkout&&) {
    ++workouts;
    return true;
  });
  ASSERT_TRUE(reader.feed(health_xml("").substr(0, health_xml("").find("</HealthData>"))));
  const std::size_t baseline = heap_in_use();
  std::size_t peak = baseline;
  std::size_t fed_bytes = 0;
  std::string piece;
  for (int i = 0; i < kRecords; ++i) {
    piece += " <Record type=\"HKQuantityTypeIdentifierHeartRate\" sourceName=\"Apple Watch\" unit=\"count/min\" "
             "creationDate=\"2024-01-02 07:00:00 +0100\" startDate=\"2024-01-02 07:00:00 +0100\" "
             "endDate=\"2024-01-02 07:00:00 +0100\" value=\"" + std::to_string(60 + i % 100) + "\">\n"
             "  <MetadataEntry key=\"HKMetadataKeyHeartRateMotionContext\" value=\"0\"/>\n </Record>\n";
    if (i % 1000 == 999) {
      piece += testing::attribute_workout("HKWorkoutActivityTypeRunning", "Apple Watch", "2024-01-02 07:00:00 +0100",
                                          "2024-01-02 07:50:00 +0100", "50", "min", "10", "km");
    }
    if (piece.size() > (64 << 10)) {
      fed_bytes += piece.size();
      ASSERT_TRUE(reader.feed(piece)) << reader.error();
      piece.clear();
      peak = std::max(peak, heap_in_use());
    }
  }
  ASSERT_TRUE(reader.feed(piece + "</HealthData>\n")) << reader.error();
  ASSERT_TRUE(reader.finish()) << reader.error();
  EXPECT_EQ(workouts, static_cast<std::size_t>(kRecords / 1000));
  EXPECT_GT(fed_bytes, std::size_t{40} << 20);
  // expat's buffer holds about one piece; 4 MiB leaves room for allocator slack, and is
  // a tenth of what was streamed.
  EXPECT_LT(peak - baseline, std::size_t{4} << 20) << "the heap grew by " << (peak - baseline) << " bytes";
}

}  // namespace
}  // namespace tendon::apple_health
