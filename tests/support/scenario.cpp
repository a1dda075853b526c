#include "scenario.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/sport.h"
#include "core/time.h"

namespace tendon::testing {

std::filesystem::path shared_dir() { return TENDON_SHARED_DIR; }

std::vector<std::filesystem::path> scenario_files() {
  std::vector<std::filesystem::path> out;
  const auto dir = shared_dir() / "scenarios";
  if (!std::filesystem::is_directory(dir)) return out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == ".json") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string scenario_as_log(const Scenario& s) {
  std::string out;
  for (const auto& a : s.activities) {
    out += "{\"id\": \"" + a.source_id + "\", \"start\": \"" + format_iso8601_utc(a.start) + "\", \"sport\": \"" +
           a.sport + "\", \"distance_m\": " + std::to_string(a.distance_m);
    if (a.elapsed_s) out += ", \"duration_s\": " + std::to_string(*a.elapsed_s);
    if (a.shoe) out += ", \"shoe\": \"" + *a.shoe + "\"";
    out += "}\n";
  }
  return out;
}

std::string scenario_config(const Scenario& s, const std::string& database) {
  std::string out = "database = \"" + database + "\"\n[athletes.runner]\ntimezone = \"" + s.timezone +
                    "\"\ninboxes = []\n";
  for (const auto& [name, drop] : s.shoe_drops) {
    out += "[[athletes.runner.shoes]]\nname = \"" + name + "\"\ndrop_mm = " + std::to_string(drop) + "\n";
  }
  return out;
}

bool scenario_covers(std::string_view kind) { return kind != "shoe_transition"; }

std::vector<std::string> scenario_params() {
  std::vector<std::string> out;
  for (const auto& f : scenario_files()) out.push_back(f.string());
  if (out.empty()) out.push_back("");
  return out;
}

std::string scenario_test_name(const std::string& path) {
  if (path.empty()) return "missing_shared";
  std::string n = std::filesystem::path(path).stem().string();
  std::replace(n.begin(), n.end(), '-', '_');
  return n;
}

Scenario load_scenario(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  rapidjson::Document d;
  d.Parse(text.c_str());
  if (d.HasParseError() || !d.IsObject()) throw std::runtime_error("bad scenario " + file.string());

  Scenario s;
  s.name = file.stem().string();
  s.timezone = d["timezone"].GetString();
  for (auto it = d["shoes"].MemberBegin(); it != d["shoes"].MemberEnd(); ++it) {
    s.shoe_drops[it->name.GetString()] = it->value.GetDouble();
  }
  std::int64_t next_id = 1;
  for (const auto& a : d["activities"].GetArray()) {
    Activity act;
    act.id = next_id++;
    act.athlete = "scenario";
    act.source_id = a["id"].GetString();
    act.start = parse_iso8601(a["start"].GetString()).value().utc;
    act.sport = normalise_sport(a["sport"].GetString());
    act.distance_m = a["distance_m"].GetDouble();
    if (a.HasMember("duration_s")) act.elapsed_s = a["duration_s"].GetDouble();
    if (a.HasMember("shoe")) act.shoe = std::string(a["shoe"].GetString());
    s.activities.push_back(act);
  }
  for (const auto& e : d["expected"].GetArray()) {
    ExpectedAlert x;
    for (auto it = e.MemberBegin(); it != e.MemberEnd(); ++it) {
      const std::string key = it->name.GetString();
      if (key == "activity") x.activity = it->value.GetString();
      else if (key == "kind") x.kind = it->value.GetString();
      else if (key == "category") x.category = it->value.GetString();
      else if (it->value.IsNumber()) x.numbers[key] = it->value.GetDouble();
      else if (it->value.IsString()) x.strings[key] = it->value.GetString();
    }
    s.expected.push_back(x);
  }
  return s;
}

}  // namespace tendon::testing
