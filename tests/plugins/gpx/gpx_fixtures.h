#pragma once
// Small GPX documents for the rule tests, built from parts.
#include <cstdio>
#include <string>

namespace tendon::test {

inline constexpr const char* kGpx11 = "xmlns=\"http://www.topografix.com/GPX/1/1\"";
inline constexpr const char* kTpxV1 = "http://www.garmin.com/xmlschemas/TrackPointExtension/v1";
inline constexpr const char* kTpxV2 = "http://www.garmin.com/xmlschemas/TrackPointExtension/v2";

// <gpx ...attributes>body</gpx> with an XML declaration.
inline std::string gpx(const std::string& body, const std::string& attributes = kGpx11) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"fixture\" " + attributes + ">\n" +
         body + "</gpx>\n";
}

inline std::string trk(const std::string& segments, const std::string& type = "") {
  return "<trk>" + (type.empty() ? std::string() : "<type>" + type + "</type>") + segments + "</trk>\n";
}

inline std::string seg(const std::string& points) { return "<trkseg>" + points + "</trkseg>\n"; }

// A point `seconds` after 2024-01-01T10:00:00Z, `north_m` metres north of 46N 14E.
inline std::string pt(int seconds, double north_m = 0, const std::string& inner = "") {
  char head[160];
  std::snprintf(head, sizeof head, "<trkpt lat=\"%.9f\" lon=\"14.0\"><time>2024-01-01T%02d:%02d:%02dZ</time>",
                46.0 + north_m / 111195.08, 10 + seconds / 3600, seconds / 60 % 60, seconds % 60);
  return head + inner + "</trkpt>\n";
}

}  // namespace tendon::test
