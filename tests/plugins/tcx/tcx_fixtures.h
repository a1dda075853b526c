#pragma once
// Small TCX documents for the rule tests, built from parts.
#include <cstdio>
#include <string>

namespace tendon::test {

inline constexpr const char* kTcdNs = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2";
inline constexpr const char* kAxNs = "http://www.garmin.com/xmlschemas/ActivityExtension/v2";

inline std::string tcx(const std::string& body, const std::string& attributes = "") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TrainingCenterDatabase xmlns=\"" + std::string(kTcdNs) +
         "\" xmlns:ns3=\"" + kAxNs + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" " + attributes +
         ">\n" + body + "</TrainingCenterDatabase>\n";
}

inline std::string activities(const std::string& inner) { return "<Activities>" + inner + "</Activities>\n"; }

// "2024-01-01T10:MM:SSZ" `seconds` after 10:00:00 (up to one hour).
inline std::string at(int seconds) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "2024-01-01T%02d:%02d:%02dZ", 10 + seconds / 3600, seconds / 60 % 60, seconds % 60);
  return buf;
}

inline std::string activity(const std::string& sport, const std::string& inner, const std::string& id = at(0)) {
  return "<Activity Sport=\"" + sport + "\"><Id>" + id + "</Id>" + inner + "</Activity>\n";
}

// A lap starting `start_s` after 10:00 with optional summary values (empty: left out).
inline std::string lap(int start_s, const std::string& total_s, const std::string& distance_m,
                       const std::string& tracks, const std::string& avg_hr = "") {
  std::string out = "<Lap StartTime=\"" + at(start_s) + "\">";
  if (!total_s.empty()) out += "<TotalTimeSeconds>" + total_s + "</TotalTimeSeconds>";
  if (!distance_m.empty()) out += "<DistanceMeters>" + distance_m + "</DistanceMeters>";
  out += "<Calories>10</Calories>";
  if (!avg_hr.empty()) out += "<AverageHeartRateBpm><Value>" + avg_hr + "</Value></AverageHeartRateBpm>";
  out += "<Intensity>Active</Intensity><TriggerMethod>Manual</TriggerMethod>" + tracks + "</Lap>\n";
  return out;
}

inline std::string track(const std::string& points) { return "<Track>" + points + "</Track>\n"; }

// A trackpoint `seconds` after 10:00 with `inner` after its <Time>.
inline std::string tp(int seconds, const std::string& inner = "") {
  return "<Trackpoint><Time>" + at(seconds) + "</Time>" + inner + "</Trackpoint>\n";
}

inline std::string position(double lat, double lon) {
  char buf[160];
  std::snprintf(buf, sizeof buf,
                "<Position><LatitudeDegrees>%.9f</LatitudeDegrees><LongitudeDegrees>%.9f</LongitudeDegrees></Position>",
                lat, lon);
  return buf;
}

inline std::string hr(int bpm) { return "<HeartRateBpm><Value>" + std::to_string(bpm) + "</Value></HeartRateBpm>"; }

}  // namespace tendon::test
