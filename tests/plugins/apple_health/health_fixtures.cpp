#include "health_fixtures.h"

namespace tendon::testing {

std::string health_xml(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<!DOCTYPE HealthData [\n"
         "<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary)*)>\n"
         "<!ATTLIST HealthData\n  locale CDATA #REQUIRED\n>\n"
         "<!ELEMENT Workout ((MetadataEntry|WorkoutEvent|WorkoutRoute|WorkoutStatistics)*)>\n"
         "<!ATTLIST Workout\n  workoutActivityType CDATA #REQUIRED\n  duration CDATA #IMPLIED\n  durationUnit CDATA #IMPLIED\n>\n"
         "]>\n"
         "<HealthData locale=\"en_US\">\n"
         " <ExportDate value=\"2026-01-10 10:00:00 +0100\"/>\n" +
         body + "</HealthData>\n";
}

std::string attribute_workout(const std::string& type, const std::string& source, const std::string& start,
                              const std::string& end, const std::string& duration, const std::string& duration_unit,
                              const std::string& distance, const std::string& distance_unit, const std::string& children) {
  return " <Workout workoutActivityType=\"" + type + "\" duration=\"" + duration + "\" durationUnit=\"" + duration_unit +
         "\" totalDistance=\"" + distance + "\" totalDistanceUnit=\"" + distance_unit +
         "\" totalEnergyBurned=\"300\" totalEnergyBurnedUnit=\"kcal\" sourceName=\"" + source +
         "\" sourceVersion=\"1\" creationDate=\"" + end + "\" startDate=\"" + start + "\" endDate=\"" + end + "\">\n" +
         children + " </Workout>\n";
}

std::string statistics_workout(const std::string& source, const std::string& start, const std::string& end,
                               const std::string& duration_min, const std::string& distance_sum,
                               const std::string& distance_unit, const std::string& children) {
  return " <Workout workoutActivityType=\"HKWorkoutActivityTypeRunning\" duration=\"" + duration_min +
         "\" durationUnit=\"min\" sourceName=\"" + source +
         "\" device=\"&lt;&lt;HKDevice: 0x1&gt;, name:Apple Watch, manufacturer:Apple Inc., model:Watch, hardware:Watch7,2&gt;\""
         " startDate=\"" + start + "\" endDate=\"" + end + "\">\n"
         "  <MetadataEntry key=\"HKElevationAscended\" value=\"6575 cm\"/>\n"
         "  <MetadataEntry key=\"HKIndoorWorkout\" value=\"0\"/>\n"
         "  <WorkoutActivity uuid=\"x\" startDate=\"" + start + "\" endDate=\"" + end + "\" duration=\"1\" durationUnit=\"min\">\n"
         "   <WorkoutStatistics type=\"HKQuantityTypeIdentifierDistanceWalkingRunning\" sum=\"1\" unit=\"km\"/>\n"
         "  </WorkoutActivity>\n"
         "  <WorkoutStatistics type=\"HKQuantityTypeIdentifierActiveEnergyBurned\" sum=\"655.465\" unit=\"kcal\"/>\n"
         "  <WorkoutStatistics type=\"HKQuantityTypeIdentifierDistanceWalkingRunning\" startDate=\"" + start +
         "\" endDate=\"" + end + "\" sum=\"" + distance_sum + "\" unit=\"" + distance_unit + "\"/>\n"
         "  <WorkoutStatistics type=\"HKQuantityTypeIdentifierHeartRate\" average=\"130.153\" minimum=\"87\" maximum=\"139\" unit=\"count/min\"/>\n" +
         children + " </Workout>\n";
}

std::string route_gpx(const std::string& first_time, const std::string& second_time) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gpx version=\"1.1\" creator=\"Apple Health Export\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n"
         " <trk><name>Route</name><trkseg>\n"
         "  <trkpt lon=\"6.0\" lat=\"49.600\"><ele>300</ele><time>" + first_time +
         "</time><extensions><speed>3</speed><course>0</course><hAcc>5</hAcc><vAcc>4</vAcc></extensions></trkpt>\n"
         "  <trkpt lon=\"6.0\" lat=\"49.601\"><ele>301</ele><time>" + second_time +
         "</time><extensions><speed>3</speed><course>0</course><hAcc>5</hAcc><vAcc>4</vAcc></extensions></trkpt>\n"
         " </trkseg></trk>\n</gpx>\n";
}

}  // namespace tendon::testing
