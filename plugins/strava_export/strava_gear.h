#pragma once
// Strava's gear: shoes.csv (Shoe Name, Shoe Brand, Shoe Model) and bikes.csv (Bike Name),
// and the free-text `Activity Gear` of a row matched to them. For shoes Strava writes
// "<Brand> <Model>" when the nickname is empty, "<Brand> <Model> <Name>" otherwise.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tendon::strava {

struct StravaShoe {
  std::string name;  // the shoe's name in Tendon: the nickname, else "<Brand> <Model>"
  std::string brand, model;
};

class GearBook {
 public:
  // From the texts of shoes.csv and bikes.csv (either may be empty). Rows that cannot be
  // read become problems; the rest is kept.
  void add_shoes(std::string_view shoes_csv, std::vector<std::string>& problems);
  void add_bikes(std::string_view bikes_csv, std::vector<std::string>& problems);

  const std::vector<StravaShoe>& shoes() const { return shoes_; }
  // The shoe an `Activity Gear` text names (case, spaces and '+' folded), or nullptr.
  const StravaShoe* shoe_for(std::string_view activity_gear) const;
  bool is_bike(std::string_view activity_gear) const;

 private:
  struct Key {
    std::string folded;
    std::size_t shoe;
  };
  std::vector<StravaShoe> shoes_;
  std::vector<Key> shoe_keys_;
  std::vector<std::string> bike_keys_;
};

// The matching key: lower-case ASCII, '+' and runs of blanks made one space, trimmed.
std::string gear_key(std::string_view text);

}  // namespace tendon::strava
