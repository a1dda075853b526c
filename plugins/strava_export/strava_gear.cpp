#include "strava_gear.h"

#include <algorithm>

#include "csv_records.h"

namespace tendon::strava {

namespace {

// The index of the header column called `name` (case-insensitive), or -1.
int find_column(const std::vector<std::string>& header, std::string_view name) {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (gear_key(header[i]) == gear_key(name)) return static_cast<int>(i);
  }
  return -1;
}

std::string field(const CsvRecord& record, int index) {
  if (index < 0 || static_cast<std::size_t>(index) >= record.fields.size()) return "";
  std::string text = record.fields[static_cast<std::size_t>(index)];
  while (!text.empty() && text.back() == ' ') text.pop_back();
  while (!text.empty() && text.front() == ' ') text.erase(text.begin());
  return text;
}

}  // namespace

std::string gear_key(std::string_view text) {
  std::string out;
  bool blank = false;
  for (char c : text) {
    if (c == '+' || c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      blank = true;
      continue;
    }
    if (blank && !out.empty()) out += ' ';
    blank = false;
    out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

void GearBook::add_shoes(std::string_view shoes_csv, std::vector<std::string>& problems) {
  const CsvTable table = read_csv(shoes_csv);
  if (!table.error.empty()) problems.push_back("shoes.csv: " + table.error + "; the rows after it are not read");
  if (table.records.empty()) return;
  const auto& header = table.records.front().fields;
  const int name = find_column(header, "Shoe Name"), brand = find_column(header, "Shoe Brand"),
            model = find_column(header, "Shoe Model");
  if (brand < 0 || model < 0) {
    problems.push_back("shoes.csv: no 'Shoe Brand' and 'Shoe Model' columns; shoes are known by the activities' gear text only");
    return;
  }
  for (std::size_t i = 1; i < table.records.size(); ++i) {
    const CsvRecord& record = table.records[i];
    StravaShoe shoe{field(record, name), field(record, brand), field(record, model)};
    const std::string brand_model = shoe.brand.empty() ? shoe.model : shoe.brand + " " + shoe.model;
    if (brand_model.empty() && shoe.name.empty()) {
      problems.push_back("shoes.csv line " + std::to_string(record.line) + ": a shoe without name, brand or model (skipped)");
      continue;
    }
    const std::string nickname = shoe.name;
    if (shoe.name.empty()) shoe.name = brand_model;
    const std::size_t index = shoes_.size();
    shoes_.push_back(shoe);
    // What Strava writes in Activity Gear, and the nickname alone (other exporters).
    shoe_keys_.push_back(Key{gear_key(brand_model + (nickname.empty() ? "" : " " + nickname)), index});
    if (!nickname.empty()) shoe_keys_.push_back(Key{gear_key(nickname), index});
  }
}

void GearBook::add_bikes(std::string_view bikes_csv, std::vector<std::string>& problems) {
  const CsvTable table = read_csv(bikes_csv);
  if (!table.error.empty()) problems.push_back("bikes.csv: " + table.error + "; the rows after it are not read");
  if (table.records.empty()) return;
  const int name = find_column(table.records.front().fields, "Bike Name");
  for (std::size_t i = 1; i < table.records.size(); ++i) {
    const std::string key = gear_key(field(table.records[i], name));
    if (!key.empty()) bike_keys_.push_back(key);
  }
}

const StravaShoe* GearBook::shoe_for(std::string_view activity_gear) const {
  const std::string key = gear_key(activity_gear);
  if (key.empty()) return nullptr;
  const auto found = std::find_if(shoe_keys_.begin(), shoe_keys_.end(), [&](const Key& k) { return k.folded == key; });
  return found == shoe_keys_.end() ? nullptr : &shoes_[found->shoe];
}

bool GearBook::is_bike(std::string_view activity_gear) const {
  const std::string key = gear_key(activity_gear);
  return !key.empty() && std::find(bike_keys_.begin(), bike_keys_.end(), key) != bike_keys_.end();
}

}  // namespace tendon::strava
