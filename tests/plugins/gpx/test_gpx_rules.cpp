// The GPX importer's rules, one small document each: namespaces and extensions, tracks and
// segments, sports, times, pauses, jumps, ascent, strings.
#include <gtest/gtest.h>

#include <cmath>

#include "gpx_plugin.h"
#include "plugins/gpx/gpx_fixtures.h"
#include "plugins/gpx/xml_import_harness.h"

namespace tendon::test {
namespace {

ImportRun run(const std::string& doc) { return import_bytes(tendon_gpx_plugin(), doc); }

// The single activity of a run, by value (the run is often a temporary).
ActivityCopy only(const ImportRun& r) {
  EXPECT_EQ(r.status, TENDON_OK) << r.dump();
  EXPECT_EQ(r.activities.size(), 1u) << r.dump();
  return r.activities.empty() ? ActivityCopy{} : r.activities[0];
}

std::string data_file(const std::string& name) { return read_file(std::string(TENDON_TEST_DATA_DIR) + "/gpx/" + name); }

TEST(gpxRules, StravaFileWithLeadingSpacesNumericTypeAndPower) {
  const ImportRun r = run(data_file("strava-leading-spaces.gpx"));
  const ActivityCopy a = only(r);
  EXPECT_EQ(a.sport, "running");  // <type>9</type>
  EXPECT_EQ(a.device, "StravaGPX");
  EXPECT_EQ(a.start_ms, utc_ms("2024-03-09T07:30:00Z"));
  EXPECT_FALSE(a.has_utc_offset);
  ASSERT_EQ(a.samples.size(), 3u);
  EXPECT_EQ(a.samples[0].heart_rate_bpm, 121);
  EXPECT_EQ(a.samples[0].power_w, 210);
  EXPECT_EQ(a.samples[0].cadence_spm, 168);  // per-leg 84 of a run, in full steps
  EXPECT_EQ(a.samples[2].altitude_m, 295.9);
  EXPECT_DOUBLE_EQ(a.avg_heart_rate_bpm, (121 + 124 + 127) / 3.0);
  EXPECT_NEAR(a.distance_m, 6.0, 0.05);
  EXPECT_EQ(a.elapsed_s, 2.0);
  EXPECT_TRUE(r.reports.empty()) << r.dump();
}

TEST(gpxRules, GarminTrackPointExtensionV2AndOffsets) {
  const ImportRun r = run(data_file("garmin-tpx-v2.gpx"));
  const ActivityCopy a = only(r);
  EXPECT_EQ(a.sport, "trail_running");
  EXPECT_EQ(a.device, "Garmin Connect");
  EXPECT_EQ(a.start_ms, utc_ms("2023-06-10T06:00:00Z"));  // 08:00+02:00
  EXPECT_TRUE(a.has_utc_offset);
  EXPECT_EQ(a.utc_offset_s, 7200);
  ASSERT_EQ(a.samples.size(), 2u);
  EXPECT_EQ(a.samples[1].heart_rate_bpm, 150);
  EXPECT_EQ(a.samples[1].cadence_spm, 164);
  EXPECT_EQ(a.samples[1].speed_m_s, 2.5);
  EXPECT_EQ(a.ascent_m, 8.0);
}

TEST(gpxRules, NamespaceVersionsAndNone) {
  const std::string body = trk(seg(pt(0) + pt(10, 30)));
  for (const std::string& attrs : {std::string("xmlns=\"http://www.topografix.com/GPX/1/0\""),
                                   std::string("xmlns=\"http://www.topografix.com/GPX/1/1\""), std::string()}) {
    const ImportRun r = run(gpx(body, attrs));
    EXPECT_EQ(only(r).samples.size(), 2u) << attrs;
    EXPECT_NEAR(only(r).distance_m, 30, 0.01) << attrs;
  }
  // A prefixed GPX namespace is the same vocabulary.
  const std::string prefixed =
      "<g:gpx xmlns:g=\"http://www.topografix.com/GPX/1/1\"><g:trk><g:trkseg>"
      "<g:trkpt lat=\"1\" lon=\"2\"><g:time>2024-01-01T00:00:00Z</g:time><g:ele>7</g:ele></g:trkpt>"
      "</g:trkseg></g:trk></g:gpx>";
  EXPECT_EQ(only(run(prefixed)).samples[0].altitude_m, 7.0);
  // Elements of another namespace are not GPX, whatever their name.
  const std::string foreign =
      gpx(trk(seg(pt(0) + pt(5))) + "<o:trk xmlns:o=\"urn:other\"><o:trkseg>" + pt(100) + "</o:trkseg></o:trk>");
  EXPECT_EQ(only(run(foreign)).samples.size(), 2u);
}

TEST(gpxRules, ExtensionsAreMatchedByNamespaceUriNotPrefix) {
  const auto hr_of = [](const std::string& ext, const std::string& decl = "") {
    const ImportRun r =
        run(gpx(trk(seg(pt(0, 0, "<extensions>" + ext + "</extensions>"))), std::string(kGpx11) + " " + decl));
    return r.activities.empty() ? -1.0 : r.activities[0].samples[0].heart_rate_bpm;
  };
  const std::string v1 = std::string("\"") + kTpxV1 + "\"";
  const std::string v2 = std::string("\"") + kTpxV2 + "\"";
  EXPECT_EQ(hr_of("<gpxtpx:TrackPointExtension><gpxtpx:hr>150</gpxtpx:hr></gpxtpx:TrackPointExtension>",
                  "xmlns:gpxtpx=" + v1),
            150);
  EXPECT_EQ(hr_of("<ns3:TrackPointExtension><ns3:hr>151</ns3:hr></ns3:TrackPointExtension>", "xmlns:ns3=" + v1), 151);
  EXPECT_EQ(hr_of("<x:TrackPointExtension><x:hr>152</x:hr></x:TrackPointExtension>", "xmlns:x=" + v2), 152);
  // Declared on the element itself, as a default namespace.
  EXPECT_EQ(hr_of("<TrackPointExtension xmlns=" + v1 + "><hr>153</hr></TrackPointExtension>"), 153);
  // Plain un-namespaced values (Strava, other apps).
  EXPECT_EQ(hr_of("<heartrate>154</heartrate>"), 154);
  EXPECT_EQ(hr_of("<hr>155</hr>"), 155);
  // ClueTrust gpxdata.
  EXPECT_EQ(hr_of("<gpxdata:hr>156</gpxdata:hr>", "xmlns:gpxdata=\"http://www.cluetrust.com/XML/GPXDATA/1/0\""), 156);
  // The right prefix bound to a foreign namespace is not Garmin's.
  EXPECT_TRUE(std::isnan(hr_of("<gpxtpx:TrackPointExtension><gpxtpx:hr>157</gpxtpx:hr></gpxtpx:TrackPointExtension>",
                               "xmlns:gpxtpx=\"urn:not-garmin\"")));
  // An undeclared prefix (a broken writer) is read leniently by local name.
  EXPECT_EQ(hr_of("<gpxtpx:TrackPointExtension><gpxtpx:hr>158</gpxtpx:hr></gpxtpx:TrackPointExtension>"), 158);
}

TEST(gpxRules, CadencePowerAndSpeedFromExtensions) {
  const std::string doc =
      gpx(trk(seg(pt(0, 0,
                     "<extensions><cadence>90</cadence><power>250</power><speed>4.5</speed>"
                     "<pwr:PowerInWatts>260</pwr:PowerInWatts></extensions>") +
                  pt(1, 0,
                     "<extensions><gpxtpx:TrackPointExtension><gpxtpx:cad>91</gpxtpx:cad></gpxtpx:TrackPointExtension>"
                     "</extensions>")),
              "Ride"),
          std::string(kGpx11) + " xmlns:gpxtpx=\"" + kTpxV1 +
              "\" xmlns:pwr=\"http://www.garmin.com/xmlschemas/PowerExtension/v1\"");
  const ActivityCopy a = only(run(doc));
  EXPECT_EQ(a.sport, "cycling");
  EXPECT_EQ(a.samples[0].cadence_spm, 90);  // rpm: not doubled for a ride
  EXPECT_EQ(a.samples[0].power_w, 260);     // the later element wins
  EXPECT_EQ(a.samples[0].speed_m_s, 4.5);
  EXPECT_EQ(a.samples[1].cadence_spm, 91);
}

TEST(gpxRules, Gpx10ForeignElementsInThePointAndCoreSpeed) {
  const std::string doc = gpx(trk(seg("<trkpt lat=\"1\" lon=\"1\"><time>2024-01-01T00:00:00Z</time><speed>3.2</speed>"
                                      "<course>90</course><t:TrackPointExtension><t:hr>140</t:hr>"
                                      "</t:TrackPointExtension><heartrate>141</heartrate></trkpt>")),
                              "xmlns=\"http://www.topografix.com/GPX/1/0\" xmlns:t=\"" + std::string(kTpxV1) + "\"");
  const ActivityCopy a = only(run(doc));
  EXPECT_EQ(a.samples[0].speed_m_s, 3.2);
  EXPECT_EQ(a.samples[0].heart_rate_bpm, 141);
}

TEST(gpxRules, OneActivityPerTimedTrackSegmentsJoined) {
  const ImportRun r = run(data_file("two-tracks-segments.gpx"));
  ASSERT_EQ(r.status, TENDON_OK) << r.dump();
  ASSERT_EQ(r.activities.size(), 2u) << "the untimed middle track is not an activity";
  const ActivityCopy& morning = r.activities[0];
  const ActivityCopy& evening = r.activities[1];
  EXPECT_EQ(morning.source_id, "track-0");
  EXPECT_EQ(evening.source_id, "track-2");  // indices count every <trk>
  // Segments 1 and 3 (2 is empty): 100 m each; the ~1 km between them is not counted.
  EXPECT_EQ(morning.samples.size(), 4u);
  EXPECT_NEAR(morning.distance_m, 2 * 100.07, 0.1);
  EXPECT_NEAR(morning.samples[3].distance_m, morning.distance_m, 1e-9);
  EXPECT_EQ(morning.samples[0].speed_m_s, 3.0);
  // Elapsed 10.5 min; the 9.5 min between segments is a pause.
  EXPECT_EQ(morning.elapsed_s, 630.0);
  EXPECT_EQ(morning.timer_s, 60.0);
  EXPECT_EQ(evening.start_ms, utc_ms("2022-01-01T18:00:00Z"));
  EXPECT_EQ(morning.device, "hand-written fixture");
}

TEST(gpxRules, EmptySegmentsAndTracks) {
  const ActivityCopy a = only(run(gpx(trk(seg("") + seg(pt(0) + pt(60, 150)) + seg("")) + trk(""))));
  EXPECT_EQ(a.samples.size(), 2u);
  EXPECT_NEAR(a.distance_m, 150, 0.01);
}

TEST(gpxRules, SportFromTrackType) {
  const auto sport = [](const std::string& type) {
    const ImportRun r = run(gpx(trk(seg(pt(0)), type)));
    return r.activities.empty() ? std::string("<none>") : r.activities[0].sport + "/" + r.activities[0].sub_sport;
  };
  EXPECT_EQ(sport("9"), "running/");
  EXPECT_EQ(sport("1"), "cycling/");
  EXPECT_EQ(sport("Run"), "running/");
  EXPECT_EQ(sport("run"), "running/");
  EXPECT_EQ(sport("running"), "running/");
  EXPECT_EQ(sport("trail_running"), "trail_running/");
  EXPECT_EQ(sport("cycling"), "cycling/");
  EXPECT_EQ(sport("biking"), "cycling/");
  EXPECT_EQ(sport("road_biking"), "cycling/road_biking");
  EXPECT_EQ(sport("walking"), "walking/");
  EXPECT_EQ(sport("hiking"), "hiking/");
  EXPECT_EQ(sport("Swim"), "swimming/");
  EXPECT_EQ(sport("Kayaking"), "kayaking/");
  EXPECT_EQ(sport("10"), "unknown/10");
  EXPECT_EQ(sport(""), "unknown/");  // no <type>: the host decides
  EXPECT_EQ(sport("<![CDATA[Run]]>"), "running/");
  EXPECT_EQ(sport("Nordic &amp; Ski"), "nordic_&_ski/");
}

TEST(gpxRules, RunningCadenceIsInFullSteps) {
  const std::string tpx = std::string(kGpx11) + " xmlns:t=\"" + kTpxV1 + "\"";
  const auto cad = [&](const std::string& type, int value) {
    const std::string ext = "<extensions><t:TrackPointExtension><t:cad>" + std::to_string(value) +
                            "</t:cad></t:TrackPointExtension></extensions>";
    const ImportRun r = run(gpx(trk(seg(pt(0, 0, ext) + pt(1, 3, ext)), type), tpx));
    return r.activities.empty() ? -1.0 : r.activities[0].samples[1].cadence_spm;
  };
  EXPECT_EQ(cad("running", 85), 170);   // per leg: doubled
  EXPECT_EQ(cad("running", 172), 172);  // already full steps
  EXPECT_EQ(cad("cycling", 85), 85);    // rpm
  EXPECT_EQ(cad("", 85), 85);           // unknown sport: as written
}

TEST(gpxRules, TimesWithZoneOffsetFractionsAndWithout) {
  const std::string doc =
      gpx(trk(seg("<trkpt lat=\"1\" lon=\"1\"><time>2024-01-01T12:00:00.250+01:00</time></trkpt>"
                  "<trkpt lat=\"1\" lon=\"1\"><time>2024-01-01T11:00:10.750Z</time></trkpt>"
                  "<trkpt lat=\"1\" lon=\"1\"><time>2024-01-01T11:00:20</time></trkpt>")));
  const ImportRun r = run(doc);
  const ActivityCopy a = only(r);
  EXPECT_EQ(a.start_ms, utc_ms("2024-01-01T11:00:00.250Z"));
  EXPECT_TRUE(a.has_utc_offset);
  EXPECT_EQ(a.utc_offset_s, 3600);
  EXPECT_EQ(a.samples[1].time_ms, utc_ms("2024-01-01T11:00:10.750Z"));
  EXPECT_EQ(a.samples[2].time_ms, utc_ms("2024-01-01T11:00:20.000Z"));
  EXPECT_DOUBLE_EQ(a.elapsed_s, 19.75);
  EXPECT_TRUE(r.reported(TENDON_LEVEL_WARNING, "1 point times have no time zone and were read as UTC")) << r.dump();
}

TEST(gpxRules, PauseRule) {
  // 60 s running, 5 min standing without points (auto-pause), 60 s running.
  const ActivityCopy a =
      only(run(gpx(trk(seg(pt(0) + pt(30, 100) + pt(60, 200) + pt(360, 201) + pt(390, 300) + pt(420, 400))))));
  EXPECT_EQ(a.elapsed_s, 420.0);
  EXPECT_EQ(a.timer_s, 120.0);
  // The same gap covered at running pace (GPS lost in a tunnel) is running time.
  const ActivityCopy b = only(run(gpx(trk(seg(pt(0) + pt(60, 200) + pt(360, 1100) + pt(420, 1300))))));
  EXPECT_EQ(b.timer_s, 420.0);
}

TEST(gpxRules, GpsJumpIsLeftOutOfTheDistance) {
  const ImportRun r = run(gpx(trk(seg(pt(0) + pt(1, 3) + pt(2, 8000) + pt(3, 9) + pt(4, 12)))));
  const ActivityCopy a = only(r);
  EXPECT_NEAR(a.distance_m, 6.0, 0.01);  // 0->3 and 9->12; the spike and its return are dropped
  EXPECT_EQ(a.samples.size(), 5u);       // the point itself stays in the samples
  EXPECT_TRUE(r.reported(TENDON_LEVEL_WARNING, "track-0: 2 GPS jumps")) << r.dump();
}

TEST(gpxRules, TimesGoingBackwardsAreKeptInFileOrderWithAWarning) {
  const ImportRun r = run(gpx(trk(seg(pt(10) + pt(12, 6) + pt(11, 3) + pt(20, 30)))));
  const ActivityCopy a = only(r);
  EXPECT_EQ(a.start_ms, utc_ms("2024-01-01T10:00:10Z"));
  EXPECT_EQ(a.elapsed_s, 10.0);
  EXPECT_EQ(a.samples[2].time_ms, utc_ms("2024-01-01T10:00:11Z"));
  EXPECT_TRUE(r.reported(TENDON_LEVEL_WARNING,
                         "track-0: time goes backwards at 1 points (by up to 1 s); points kept in file order"))
      << r.dump();
}

TEST(gpxRules, AscentIsFiltered) {
  std::string points;
  const double profile[] = {100, 102, 99, 101, 103, 100, 110, 120, 130, 128, 131, 120, 118, 119};
  for (int i = 0; i < 14; ++i) points += pt(i * 5, i * 10.0, "<ele>" + std::to_string(profile[i]) + "</ele>");
  EXPECT_DOUBLE_EQ(only(run(gpx(trk(seg(points))))).ascent_m, 131.0 - 99.0);
  EXPECT_TRUE(std::isnan(only(run(gpx(trk(seg(pt(0) + pt(5, 10)))))).ascent_m));
}

TEST(gpxRules, BadValuesAreLeftOutWithAWarning) {
  const std::string doc =
      gpx(trk(seg(pt(0, 0, "<ele>NaN</ele><extensions><hr>abc</hr></extensions>") +
                  pt(1, 3, "<ele>1e999</ele><extensions><hr>0</hr></extensions>") +
                  pt(2, 6, "<ele>-5000</ele><extensions><hr>6000</hr><power>-3</power></extensions>") +
                  "<trkpt lat=\"91\" lon=\"14\"><time>2024-01-01T10:00:03Z</time><ele>12</ele></trkpt>"
                  "<trkpt lat=\"x\" lon=\"14\"><time>2024-01-01T10:00:04Z</time><ele>  13 </ele></trkpt>" +
                  pt(5, 15, "<ele>14</ele><extensions><hr> 120 </hr></extensions>"))));
  const ImportRun r = run(doc);
  const ActivityCopy a = only(r);
  ASSERT_EQ(a.samples.size(), 6u);
  EXPECT_TRUE(std::isnan(a.samples[0].altitude_m));
  EXPECT_TRUE(std::isnan(a.samples[1].altitude_m));
  EXPECT_TRUE(std::isnan(a.samples[2].altitude_m));
  EXPECT_TRUE(std::isnan(a.samples[3].latitude_deg));
  EXPECT_TRUE(std::isnan(a.samples[4].latitude_deg));
  EXPECT_EQ(a.samples[4].altitude_m, 13);
  EXPECT_EQ(a.avg_heart_rate_bpm, 120);
  EXPECT_TRUE(r.reported(TENDON_LEVEL_WARNING, "2 points have no valid lat/lon")) << r.dump();
  EXPECT_TRUE(r.reported(TENDON_LEVEL_WARNING, "7 values that are not numbers or out of range")) << r.dump();
}

TEST(gpxRules, UntimedPointsInATimedTrackAreLeftOut) {
  const ImportRun r = run(gpx(trk(seg("<trkpt lat=\"46\" lon=\"14\"/>" + pt(0) + pt(10, 20) +
                                      "<trkpt lat=\"46\" lon=\"14\"><time>garbage</time></trkpt>" + pt(20, 40)))));
  const ActivityCopy a = only(r);
  EXPECT_EQ(a.samples.size(), 3u);
  for (const auto& s : a.samples) EXPECT_NE(s.time_ms, INT64_MIN);
  EXPECT_NEAR(a.distance_m, 40, 0.01);
  EXPECT_TRUE(r.reported(TENDON_LEVEL_WARNING, "track-0: 2 points without a readable <time> were left out"))
      << r.dump();
}

TEST(gpxRules, CreatorIsDecodedAndCleaned) {
  const std::string doc = "<gpx creator=\"Garmin &amp; Co\tEdge&#x20;530 Caf\xE9\" " + std::string(kGpx11) + ">" +
                          trk(seg(pt(0))) + "</gpx>";
  EXPECT_EQ(only(run(doc)).device, "Garmin & Co Edge 530 Caf\xC3\xA9");
  EXPECT_TRUE(only(run("<gpx>" + trk(seg(pt(0))) + "</gpx>")).device_null);
}

TEST(gpxRules, NotActivityReasons) {
  const auto reason = [](const std::string& body) {
    const ImportRun r = run(gpx(body));
    EXPECT_EQ(r.status, TENDON_NOT_ACTIVITY) << r.dump();
    EXPECT_TRUE(r.activities.empty());
    return r.reports.empty() ? std::string() : r.reports.back().message;
  };
  EXPECT_EQ(reason("<rte><rtept lat=\"1\" lon=\"1\"/></rte>"), "GPX route without a recorded track, not an activity");
  EXPECT_EQ(reason("<wpt lat=\"1\" lon=\"1\"/>"), "GPX with waypoints only, not an activity");
  EXPECT_EQ(reason(""), "GPX without tracks, not an activity");
  EXPECT_EQ(reason(trk(seg(""))), "GPX track without points, not an activity");
  EXPECT_EQ(
      reason(trk(seg("<trkpt lat=\"1\" lon=\"1\"><ele>3</ele></trkpt>")) + "<rte><rtept lat=\"1\" lon=\"1\"/></rte>"),
      "GPX track without <time> on (most of) its points, a saved or drawn track, not an activity");
}

}  // namespace
}  // namespace tendon::test
