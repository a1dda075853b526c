#include "generated_gpx.h"

#include <cmath>
#include <cstdint>
#include <cstdio>

namespace tendon::bench {

std::string generated_gpx(std::size_t points) {
  std::string out;
  out.reserve(points * 330 + 1024);
  out +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gpx creator=\"Garmin Connect\" version=\"1.1\" "
      "xsi:schemaLocation=\"http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/11.xsd\" "
      "xmlns:ns3=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\" "
      "xmlns=\"http://www.topografix.com/GPX/1/1\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xmlns:ns2=\"http://www.garmin.com/xmlschemas/GpxExtensions/v3\">\n"
      "  <metadata>\n    <time>2024-05-01T06:00:00.000Z</time>\n  </metadata>\n"
      "  <trk>\n    <name>Morning Run</name>\n    <type>running</type>\n    <trkseg>\n";
  double lat = 46.0512345678;
  double lon = 14.5012345678;
  const std::int64_t start_s = 1714543200;  // 2024-05-01T06:00:00Z
  char line[512];
  for (std::size_t i = 0; i < points; ++i) {
    const double t = static_cast<double>(i);
    const double heading = std::sin(t / 300.0) * 3.0 + t / 5000.0;
    lat += std::cos(heading) * 3.0 / 111195.0;
    lon += std::sin(heading) * 3.0 / (111195.0 * std::cos(lat * 3.14159265358979 / 180.0));
    const double ele = 295.0 + 40.0 * std::sin(t / 900.0) + 3.0 * std::sin(t / 17.0);
    const int hr = 120 + static_cast<int>(40.0 * (0.5 + 0.5 * std::sin(t / 1200.0))) + static_cast<int>(i % 3);
    const int cad = 82 + static_cast<int>(i % 7);
    const std::int64_t secs = start_s + static_cast<std::int64_t>(i);
    const std::int64_t day_s = secs % 86400;
    const int day = 1 + static_cast<int>((secs - start_s) / 86400);
    std::snprintf(line, sizeof line,
                  "      <trkpt lat=\"%.10f\" lon=\"%.10f\">\n"
                  "        <ele>%.1f</ele>\n"
                  "        <time>2024-05-%02dT%02d:%02d:%02d.000Z</time>\n"
                  "        <extensions>\n"
                  "          <ns3:TrackPointExtension>\n"
                  "            <ns3:hr>%d</ns3:hr>\n"
                  "            <ns3:cad>%d</ns3:cad>\n"
                  "          </ns3:TrackPointExtension>\n"
                  "        </extensions>\n"
                  "      </trkpt>\n",
                  lat, lon, ele, day, static_cast<int>(day_s / 3600), static_cast<int>(day_s / 60 % 60),
                  static_cast<int>(day_s % 60), hr, cad);
    out += line;
  }
  out += "    </trkseg>\n  </trk>\n</gpx>\n";
  return out;
}

}  // namespace tendon::bench
