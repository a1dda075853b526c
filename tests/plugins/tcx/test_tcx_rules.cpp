// The TCX importer's rules, one small document each: activities, laps and their figures,
// trackpoint values, extensions by namespace URI, sports, multisport, non-activities.
#include <gtest/gtest.h>

#include <cmath>

#include "plugins/gpx/xml_import_harness.h"
#include "plugins/tcx/tcx_fixtures.h"
#include "tcx_plugin.h"

namespace tendon::test {
namespace {

ImportRun run(const std::string& doc) { return import_bytes(tendon_tcx_plugin(), doc); }

ActivityCopy only(const ImportRun& r) {
  EXPECT_EQ(r.status, TENDON_OK) << r.dump();
  EXPECT_EQ(r.activities.size(), 1u) << r.dump();
  return r.activities.empty() ? ActivityCopy{} : r.activities[0];
}

std::string data_file(const std::string& name) { return read_file(std::string(TENDON_TEST_DATA_DIR) + "/tcx/" + name); }

TEST(tcxRules, LapsGiveTimerDistanceAndHeartRate) {
  const std::string doc = tcx(activities(activity(
      "Running", lap(0, "300", "1000",
                     track(tp(0, "<DistanceMeters>0</DistanceMeters>" + hr(120)) +
                           tp(300, "<DistanceMeters>990</DistanceMeters>" + hr(140))),
                     "130") +
                     lap(300, "600", "1500", track(tp(600, "<DistanceMeters>1500</DistanceMeters>" + hr(160))), "150") +
                     "<Creator xsi:type=\"Device_t\"><Name>Forerunner  265</Name><UnitId>1</UnitId></Creator>")));
  const ActivityCopy a = only(run(doc));
  EXPECT_EQ(a.sport, "running");
  EXPECT_EQ(a.start_ms, utc_ms("2024-01-01T10:00:00Z"));
  EXPECT_EQ(a.timer_s, 900);
  // Trackpoints' running total 1500 vs laps 2500: the laps add up to clearly more.
  EXPECT_EQ(a.distance_m, 2500);
  EXPECT_EQ(a.elapsed_s, 900);  // last lap 10:05 + 600 s
  EXPECT_DOUBLE_EQ(a.avg_heart_rate_bpm, (130 * 300 + 150 * 600) / 900.0);
  EXPECT_EQ(a.device, "Forerunner 265");
  EXPECT_EQ(a.source_id, "activity-0");
  ASSERT_EQ(a.samples.size(), 3u);
  EXPECT_EQ(a.samples[1].distance_m, 990);
}

TEST(tcxRules, TrackpointDistanceIsTheDistanceWhenLapsAgree) {
  const std::string doc =
      tcx(activities(activity("Running", lap(0, "100", "500.4",
                                             track(tp(0, "<DistanceMeters>0</DistanceMeters>") +
                                                   tp(100, "<DistanceMeters>498.1</DistanceMeters>"))))));
  EXPECT_EQ(only(run(doc)).distance_m, 498.1);
}

TEST(tcxRules, DistanceFallbacks) {
  // No trackpoint DistanceMeters: the laps' sum.
  EXPECT_EQ(only(run(tcx(activities(activity("Running", lap(0, "60", "250", track(tp(0) + tp(60)))))))).distance_m,
            250);
  // Neither: haversine over the positions (samples get the cumulative distance too).
  const ActivityCopy h = only(run(tcx(activities(
      activity("Running", lap(0, "60", "", track(tp(0, position(46, 14)) + tp(60, position(46.001, 14)))))))));
  EXPECT_NEAR(h.distance_m, 111.195, 0.001);
  EXPECT_NEAR(h.samples[1].distance_m, 111.195, 0.001);
  // Treadmill without a foot pod: laps say 0, no positions.
  EXPECT_EQ(only(run(tcx(activities(activity("Running", lap(0, "60", "0", track(tp(0) + tp(60)))))))).distance_m, 0);
  // Nothing at all: unknown.
  EXPECT_TRUE(
      std::isnan(only(run(tcx(activities(activity("Running", lap(0, "60", "", track(tp(0) + tp(60)))))))).distance_m));
}

TEST(tcxRules, StartPrefersTheFirstLapThenIdThenTrackpoints) {
  // Garmin Connect's Id cut to the minute: the lap start is the real one.
  const std::string laps = lap(33, "60", "100", track(tp(33) + tp(93)));
  EXPECT_EQ(only(run(tcx(activities(activity("Running", laps, at(0)))))).start_ms, utc_ms("2024-01-01T10:00:33Z"));
  // No StartTime on the lap: the Id.
  const std::string no_start = "<Lap><TotalTimeSeconds>60</TotalTimeSeconds>" + track(tp(40) + tp(100)) + "</Lap>";
  const ActivityCopy by_id = only(run(tcx(activities(activity("Running", no_start, at(30))))));
  EXPECT_EQ(by_id.start_ms, utc_ms("2024-01-01T10:00:30Z"));
  EXPECT_EQ(by_id.elapsed_s, 70);  // to the last point
  // Neither: the earliest trackpoint.
  const std::string neither = "<Activity Sport=\"Running\"><Lap>" + track(tp(45) + tp(50)) + "</Lap></Activity>";
  EXPECT_EQ(only(run(tcx(activities(neither)))).start_ms, utc_ms("2024-01-01T10:00:45Z"));
}

TEST(tcxRules, OffsetsAndZoneLessTimes) {
  const std::string with_offset =
      "<Activity Sport=\"Running\"><Id>2024-01-01T12:00:00+02:00</Id><Lap StartTime=\"2024-01-01T12:00:00+02:00\">"
      "<TotalTimeSeconds>10</TotalTimeSeconds>" +
      track(tp(0) + tp(10)) + "</Lap></Activity>";
  const ActivityCopy a = only(run(tcx(activities(with_offset))));
  EXPECT_EQ(a.start_ms, utc_ms("2024-01-01T10:00:00Z"));
  EXPECT_TRUE(a.has_utc_offset);
  EXPECT_EQ(a.utc_offset_s, 7200);
  const std::string zone_less =
      "<Activity Sport=\"Running\"><Id>2024-01-01T10:00:00</Id><Lap StartTime=\"2024-01-01T10:00:00\">"
      "<TotalTimeSeconds>10</TotalTimeSeconds><Track><Trackpoint><Time>2024-01-01T10:00:10.5</Time></Trackpoint>"
      "</Track></Lap></Activity>";
  const ImportRun r = run(tcx(activities(zone_less)));
  EXPECT_EQ(only(r).start_ms, utc_ms("2024-01-01T10:00:00Z"));
  EXPECT_FALSE(only(r).has_utc_offset);
  EXPECT_EQ(only(r).elapsed_s, 10.5);
  EXPECT_TRUE(r.reported(TENDON_LEVEL_WARNING, "3 times have no time zone and were read as UTC")) << r.dump();
}

TEST(tcxRules, TimerFallsBackToThePauseRule) {
  // Laps without TotalTimeSeconds; 5 minutes standing without points.
  const std::string points = tp(0, position(46, 14)) + tp(60, position(46.0015, 14)) + tp(360, position(46.0015, 14)) +
                             tp(420, position(46.003, 14));
  const ActivityCopy a = only(run(tcx(activities(activity("Running", lap(0, "", "", track(points)))))));
  EXPECT_EQ(a.timer_s, 120);
  EXPECT_EQ(a.elapsed_s, 420);
}

TEST(tcxRules, ElapsedIsNeverNegativeAndCoversTheLastLap) {
  // Points end before the lap does (a short track): the lap end counts.
  EXPECT_EQ(only(run(tcx(activities(activity("Running", lap(0, "100", "300", track(tp(0) + tp(50)))))))).elapsed_s,
            100);
  // A summary-only activity (no trackpoints).
  const ActivityCopy summary = only(run(tcx(activities(activity("Running", lap(0, "1800", "5000", ""))))));
  EXPECT_EQ(summary.elapsed_s, 1800);
  EXPECT_EQ(summary.distance_m, 5000);
  EXPECT_TRUE(summary.samples.empty());
  // A lap starting before the Id and points before the lap: 0, not negative.
  const std::string early = "<Activity Sport=\"Running\"><Id>" + at(100) +
                            "</Id><Lap><TotalTimeSeconds>5</TotalTimeSeconds>" + track(tp(10) + tp(20)) +
                            "</Lap></Activity>";
  EXPECT_EQ(only(run(tcx(activities(early)))).elapsed_s, 0);
}

TEST(tcxRules, HeartRateFallsBackToTrackpoints) {
  // One lap without an average: the mean of the trackpoint values.
  const std::string doc =
      tcx(activities(activity("Running", lap(0, "10", "10", track(tp(0, hr(100)) + tp(10, hr(110))), "150") +
                                             lap(10, "10", "10", track(tp(20, hr(120)))))));
  EXPECT_EQ(only(run(doc)).avg_heart_rate_bpm, 110);
}

TEST(tcxRules, ExtensionsByNamespaceUri) {
  const auto point = [](const std::string& extensions, const std::string& root_attrs = "") {
    const ImportRun r = run(tcx(
        activities(activity("Biking", lap(0, "1", "1", track(tp(0, "<Extensions>" + extensions + "</Extensions>"))))),
        root_attrs));
    return r.activities.empty() ? tendon_sample{} : r.activities[0].samples[0];
  };
  EXPECT_EQ(point("<ns3:TPX><ns3:Speed>5.5</ns3:Speed><ns3:Watts>200</ns3:Watts></ns3:TPX>").power_w, 200);
  EXPECT_EQ(point("<ax:TPX><ax:Watts>201</ax:Watts></ax:TPX>", "xmlns:ax=\"" + std::string(kAxNs) + "\"").power_w, 201);
  EXPECT_EQ(point("<TPX xmlns=\"" + std::string(kAxNs) + "\"><Watts>202</Watts></TPX>").power_w, 202);
  EXPECT_EQ(point("<TPX><Watts>203</Watts></TPX>").power_w, 203);  // "watt-extension-without-namespace"
  EXPECT_EQ(point("<TPX xmlns=\"\"><Watts>204</Watts></TPX>").power_w, 204);
  EXPECT_TRUE(std::isnan(point("<o:TPX xmlns:o=\"urn:other\"><o:Watts>205</o:Watts></o:TPX>").power_w));
  EXPECT_EQ(point("<ns3:TPX><ns3:Speed>5.5</ns3:Speed></ns3:TPX>").speed_m_s, 5.5);
}

TEST(tcxRules, CadenceRunAndBike) {
  const auto cadence = [](const std::string& sport, const std::string& inner) {
    const ImportRun r = run(tcx(activities(activity(sport, lap(0, "1", "1", track(tp(0, inner) + tp(1, inner)))))));
    return r.activities.empty() ? -1.0 : r.activities[0].samples[0].cadence_spm;
  };
  EXPECT_EQ(cadence("Running", "<Extensions><ns3:TPX><ns3:RunCadence>86</ns3:RunCadence></ns3:TPX></Extensions>"), 172);
  EXPECT_EQ(cadence("Running", "<Cadence>84</Cadence>"), 168);   // a per-leg value in <Cadence>
  EXPECT_EQ(cadence("Running", "<Cadence>170</Cadence>"), 170);  // already full steps
  EXPECT_EQ(cadence("Biking", "<Cadence>90</Cadence>"), 90);
  EXPECT_EQ(cadence("Running",
                    "<Cadence>0</Cadence><Extensions><ns3:TPX><ns3:RunCadence>85</ns3:RunCadence></ns3:TPX>"
                    "</Extensions>"),
            170);  // RunCadence wins for a run
}

TEST(tcxRules, SportWords) {
  const auto sport = [](const std::string& attr) {
    const ImportRun r = run(tcx(
        activities("<Activity " + attr + "><Id>" + at(0) + "</Id>" + lap(0, "1", "1", track(tp(0))) + "</Activity>")));
    return r.activities.empty() ? std::string("<none>") : r.activities[0].sport;
  };
  EXPECT_EQ(sport("Sport=\"Running\""), "running");
  EXPECT_EQ(sport("Sport=\"Biking\""), "cycling");
  EXPECT_EQ(sport("Sport=\"Other\""), "other");
  EXPECT_EQ(sport("Sport=\"running\""), "running");
  EXPECT_EQ(sport(""), "unknown");
}

TEST(tcxRules, SeveralActivitiesAndTracks) {
  const std::string doc =
      tcx(activities(activity("Running", lap(0, "60", "200",
                                             track(tp(0, position(46, 14))) +
                                                 track(tp(30, position(46.01, 14)) + tp(60, position(46.0101, 14))))) +
                     activity("Biking", lap(3000, "60", "500", track(tp(3000) + tp(3060))), at(3000))));
  const ImportRun r = run(doc);
  ASSERT_EQ(r.status, TENDON_OK) << r.dump();
  ASSERT_EQ(r.activities.size(), 2u);
  EXPECT_EQ(r.activities[0].source_id, "activity-0");
  EXPECT_EQ(r.activities[1].source_id, "activity-1");
  EXPECT_EQ(r.activities[1].sport, "cycling");
  // A second <Track> in a lap is a break: the 1.1 km between the tracks is not haversine distance.
  EXPECT_NEAR(r.activities[0].samples[2].distance_m, 11.1195, 0.001);
}

TEST(tcxRules, MultiSportSession) {
  const ImportRun r = run(data_file("multisport.tcx"));
  ASSERT_EQ(r.status, TENDON_OK) << r.dump();
  ASSERT_EQ(r.activities.size(), 3u);
  EXPECT_EQ(r.activities[0].sport, "running");
  EXPECT_EQ(r.activities[0].source_id, "activity-0");
  EXPECT_EQ(r.activities[0].distance_m, 2000);
  EXPECT_EQ(r.activities[0].samples[0].cadence_spm, 172);
  EXPECT_EQ(r.activities[1].sport, "transition");
  EXPECT_EQ(r.activities[1].source_id, "transition-0");
  EXPECT_EQ(r.activities[1].timer_s, 60);
  EXPECT_EQ(r.activities[1].start_ms, utc_ms("2022-05-01T07:10:00Z"));
  EXPECT_EQ(r.activities[2].sport, "cycling");
  EXPECT_EQ(r.activities[2].source_id, "activity-1");
  EXPECT_EQ(r.activities[2].distance_m, 10000);
  EXPECT_EQ(r.activities[2].elapsed_s, 1200);
}

TEST(tcxRules, DefaultNamespaceTpxFixture) {
  const ActivityCopy a = only(run(data_file("default-namespace-tpx.tcx")));
  EXPECT_EQ(a.sport, "cycling");
  EXPECT_EQ(a.device, "Edge 530");
  EXPECT_EQ(a.samples[1].power_w, 200);
  EXPECT_EQ(a.samples[1].speed_m_s, 10);
  EXPECT_EQ(a.samples[1].cadence_spm, 90);
  EXPECT_EQ(a.samples[1].heart_rate_bpm, 132);
  EXPECT_EQ(a.avg_heart_rate_bpm, 130);
  EXPECT_EQ(a.distance_m, 20);
}

TEST(tcxRules, PrefixedTcxVocabulary) {
  const std::string doc =
      "<t:TrainingCenterDatabase xmlns:t=\"" + std::string(kTcdNs) +
      "\"><t:Activities><t:Activity Sport=\"Running\">"
      "<t:Id>2024-01-01T10:00:00Z</t:Id><t:Lap StartTime=\"2024-01-01T10:00:00Z\"><t:TotalTimeSeconds>5"
      "</t:TotalTimeSeconds><t:DistanceMeters>12</t:DistanceMeters><t:Track><t:Trackpoint><t:Time>"
      "2024-01-01T10:00:05Z</t:Time><t:HeartRateBpm><t:Value>99</t:Value></t:HeartRateBpm></t:Trackpoint>"
      "</t:Track></t:Lap></t:Activity></t:Activities></t:TrainingCenterDatabase>";
  const ActivityCopy a = only(run(doc));
  EXPECT_EQ(a.distance_m, 12);
  EXPECT_EQ(a.samples[0].heart_rate_bpm, 99);
}

TEST(tcxRules, NotActivities) {
  const auto reason = [](const std::string& doc) {
    const ImportRun r = run(doc);
    EXPECT_EQ(r.status, TENDON_NOT_ACTIVITY) << r.dump();
    return r.reports.empty() ? std::string() : r.reports.back().message;
  };
  EXPECT_EQ(reason(tcx("<Courses><Course><Name>Loop</Name><Track>" + tp(0) + "</Track></Course></Courses>")),
            "TCX course, not an activity");
  EXPECT_EQ(reason(tcx("<Workouts><Workout Sport=\"Running\"><Name>Intervals</Name></Workout></Workouts>")),
            "TCX workout plan, not an activity");
  EXPECT_EQ(reason(tcx("")), "TCX without activities, not an activity");
  EXPECT_EQ(reason(tcx(activities(""))), "TCX without activities, not an activity");
  EXPECT_EQ(reason(tcx(activities("<Activity Sport=\"Running\"><Id>" + at(0) + "</Id></Activity>"))),
            "TCX activity without laps or trackpoints, not an activity");
  // python-tcxparser's bug test: a trackpoint with DistanceMeters only, no time anywhere.
  EXPECT_EQ(reason(tcx(activities("<Activity><Lap><Track><Trackpoint><DistanceMeters>5</DistanceMeters></Trackpoint>"
                                  "</Track></Lap></Activity>"))),
            "TCX activity without any time (no lap StartTime, Id or trackpoint Time), not an activity");
}

TEST(tcxRules, BadValuesAreLeftOut) {
  const ImportRun r = run(tcx(activities(activity("Running",
                                                  lap(0, "NaN", "1e999",
                                                      track(tp(0, "<AltitudeMeters>abc</AltitudeMeters>" + hr(0)) +
                                                            tp(10, position(95, 14) + hr(400)) + tp(20, hr(150)))),
                                                  "x"))));
  const ActivityCopy a = only(r);
  EXPECT_EQ(a.avg_heart_rate_bpm, 150);
  EXPECT_EQ(a.timer_s, 20);  // laps lack a valid TotalTimeSeconds: the pause rule over the points
  EXPECT_TRUE(std::isnan(a.distance_m));
  EXPECT_TRUE(r.reported(TENDON_LEVEL_WARNING, "values that are not numbers or out of range were left out"))
      << r.dump();
}

}  // namespace
}  // namespace tendon::test
