#include "garmin_fixtures.h"

#include "fit_writer.h"

namespace tendon::testing {

namespace {

using tendon::fit::testing::bt::enum_;
using tendon::fit::testing::bt::uint16;
using tendon::fit::testing::bt::uint32;
using tendon::fit::testing::fit_time;
using tendon::fit::testing::FitWriter;

// Garmin writes whole numbers as floats: "1714543200000.0".
std::string number(double v) {
  std::string text = std::to_string(v);
  return text.substr(0, text.find('.') + 2);
}

std::string as_string(const std::vector<std::uint8_t>& bytes) { return std::string(bytes.begin(), bytes.end()); }

}  // namespace

std::string summaries_json(const std::vector<SummaryFixture>& activities) {
  std::string out = "[ {\n  \"summarizedActivitiesExport\" : [ ";
  for (std::size_t i = 0; i < activities.size(); ++i) {
    const SummaryFixture& a = activities[i];
    const double start = static_cast<double>(a.start_gmt_ms);
    out += i ? ", {" : "{";
    if (a.id) out += "\"activityId\" : " + number(static_cast<double>(*a.id)) + ", ";
    out += "\"name\" : \"Morning Run\", \"activityType\" : \"" + a.type + "\", \"sportType\" : \"RUNNING\", ";
    out += "\"startTimeGmt\" : " + number(start) + ", \"beginTimestamp\" : " + number(start) + ", ";
    out += "\"startTimeLocal\" : " + number(start + static_cast<double>(a.local_shift_ms)) + ", ";
    out += "\"duration\" : " + number(a.duration_ms) + ", \"elapsedDuration\" : " + number(a.elapsed_ms) + ", ";
    out += "\"movingDuration\" : " + number(a.moving_ms) + ", \"distance\" : " + number(a.distance_cm) + ", ";
    out += "\"elevationGain\" : " + number(a.elevation_gain_cm) + ", \"avgHr\" : " + number(a.avg_hr) + ", ";
    out += "\"avgSpeed\" : 0.3, \"deviceId\" : 3312345678.0, \"favorite\" : false, \"description\" : null, ";
    // splitSummaries are in metres and seconds: a reader that takes them for the top-level
    // figures gets the run wrong.
    out += "\"splitSummaries\" : [ {\"distance\" : 99.0, \"duration\" : 99.0, \"startTimeGmt\" : 1.0} ] }";
  }
  return out + " ]\n} ]";
}

std::string gear_json(const std::vector<GearFixture>& gear) {
  std::string items, links;
  for (const GearFixture& g : gear) {
    if (!items.empty()) items += ", ";
    items += "{\"gearPk\" : " + number(static_cast<double>(g.pk)) + ", \"uuid\" : \"u" + std::to_string(g.pk) +
             "\", \"displayName\" : \"" + g.display + "\", \"customMakeModel\" : \"" + g.make_model +
             "\", \"gearMakeName\" : \"" + g.make + "\", \"gearModelName\" : \"" + g.model + "\", \"gearTypeName\" : \"" +
             g.type + "\", \"gearStatusName\" : \"" + g.status + "\", \"maximumMeters\" : 800000.0}";
    if (!links.empty()) links += ", ";
    links += "\"" + std::to_string(g.pk) + "\" : [";
    for (std::size_t i = 0; i < g.activities.size(); ++i) {
      links += (i ? ", " : "") + std::string("{\"activityId\" : ") + number(static_cast<double>(g.activities[i])) + "}";
    }
    links += "]";
  }
  return "[ {\"gearDTOS\" : [" + items + "], \"gearActivityDTOs\" : {" + links +
         "}, \"gearActivityTypeDTOS\" : [], \"gearCollections\" : []} ]";
}

std::string run_fit(std::int64_t start_unix, double distance_m, double timer_s) {
  FitWriter w;
  const std::uint32_t t0 = fit_time(start_unix);
  const auto timer_ms = static_cast<std::uint32_t>(timer_s * 1000);
  w.define(0, 0, {{0, 1, enum_}, {1, 2, uint16}, {2, 2, uint16}, {4, 4, uint32}});
  w.data(0, {4, 1, 3076, t0});  // activity, Garmin, Forerunner 245
  // session: timestamp, start_time, sport, total_elapsed_time, total_timer_time, total_distance
  w.define(1, 18, {{253, 4, uint32}, {2, 4, uint32}, {5, 1, enum_}, {7, 4, uint32}, {8, 4, uint32}, {9, 4, uint32}});
  w.data(1, {t0 + static_cast<std::uint32_t>(timer_s), t0, 1, timer_ms, timer_ms, static_cast<std::uint32_t>(distance_m * 100)});
  return as_string(w.file());
}

std::string settings_fit() {
  FitWriter w;
  w.define(0, 0, {{0, 1, enum_}, {1, 2, uint16}, {2, 2, uint16}, {4, 4, uint32}});
  w.data(0, {2, 1, 3076, fit_time(1714543200)});  // type 2: settings
  return as_string(w.file());
}

std::string broken_fit() {
  std::string fit = run_fit(1714543200, 5000, 1500);
  fit.back() = static_cast<char>(fit.back() ^ 0x5a);  // the file CRC no longer matches
  return fit;
}

}  // namespace tendon::testing
