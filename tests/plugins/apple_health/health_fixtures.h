#pragma once
// Small Apple Health export.xml documents written by the tests: the DTD Apple writes
// (ATTLIST declarations only), workouts in both styles, and route GPX files.
#include <string>

namespace tendon::testing {

// A <HealthData> document with Apple's kind of internal DTD subset around `body`.
std::string health_xml(const std::string& body);

// An old-style workout: totals as attributes.
std::string attribute_workout(const std::string& type, const std::string& source, const std::string& start,
                              const std::string& end, const std::string& duration, const std::string& duration_unit,
                              const std::string& distance, const std::string& distance_unit, const std::string& children = "");

// An iOS 16+ workout: totals as WorkoutStatistics children.
std::string statistics_workout(const std::string& source, const std::string& start, const std::string& end,
                               const std::string& duration_min, const std::string& distance_sum,
                               const std::string& distance_unit, const std::string& children = "");

// A route GPX as Apple writes it: two points `seconds` apart, 0.001° of latitude apart.
std::string route_gpx(const std::string& first_time, const std::string& second_time);

}  // namespace tendon::testing
