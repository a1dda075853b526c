#pragma once
// Reads ../shared/scenarios/*.json: a training history with the alerts SPEC.md demands.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/activity.h"

namespace tendon::testing {

struct ExpectedAlert {
  std::string activity;  // the scenario's activity id
  std::string kind;
  std::string category;
  std::map<std::string, double> numbers;      // numeric figures stated by the scenario
  std::map<std::string, std::string> strings; // text figures (shoe)
};

struct Scenario {
  std::string name;
  std::string timezone;
  std::map<std::string, double> shoe_drops;
  std::vector<Activity> activities;  // id = position + 1, source_id = scenario id
  std::vector<ExpectedAlert> expected;
};

Scenario load_scenario(const std::filesystem::path& file);
// Every *.json under ../shared/scenarios, sorted; empty when the folder is absent.
std::vector<std::filesystem::path> scenario_files();
std::filesystem::path shared_dir();

}  // namespace tendon::testing
