#pragma once
// Garmin Connect's *_gear.json: the shoes (gearDTOS) and which activity used which
// (gearActivityDTOs, an object keyed by the gear's gearPk as a string, each a list of
// {"activityId": ...}). Bikes and other gear are read too, so that an activity linked to
// both a bike and a shoe takes the shoe, and one linked to a bike takes none.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace tendon::garmin {

struct GarminGear {
  std::string pk;     // gearPk as text: the key of gearActivityDTOs
  std::string name;   // customMakeModel, else displayName, else "Garmin gear <pk>"
  std::string brand;  // gearMakeName when it names a maker, else ""
  std::string model;  // gearModelName when it names a model, else ""
  int retired = -1;   // gearStatusName: "retired" 1, "active" 0, else -1
  bool shoe = true;   // gearTypeName "Shoes" (or absent)
};

class GearBook {
 public:
  // Adds the gear and links of one *_gear.json; problems get one line per thing skipped.
  void add(std::string_view json, std::vector<std::string>& problems);

  const std::vector<GarminGear>& gear() const { return gear_; }
  // The shoe the activity was run in, or nullptr (no link, or only a bike).
  const GarminGear* shoe_of(std::int64_t activity_id) const;

 private:
  std::vector<GarminGear> gear_;
  std::map<std::string, std::size_t> by_pk_;
  std::multimap<std::int64_t, std::size_t> links_;  // activityId -> gear index
};

}  // namespace tendon::garmin
