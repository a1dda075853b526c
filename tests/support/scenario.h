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
// The scenario as the product reads it: an activity log (JSON Lines) and a config file
// with its time zone and shoe drops for one athlete named "runner".
std::string scenario_as_log(const Scenario& s);
std::string scenario_config(const Scenario& s, const std::string& database);

// Kinds the scenario files state expectations for. Their generator does not model the
// transition-exposure cap of SPEC.md 4, so shoe_transition alerts are checked on their
// own figures instead (see docs/detectors.md).
bool scenario_covers(std::string_view kind);

// Every *.json under ../shared/scenarios, sorted; empty when the folder is absent.
std::vector<std::filesystem::path> scenario_files();
std::filesystem::path shared_dir();
// For parameterised tests: every scenario path, or one "" standing for "../shared absent"
// (the test skips it), and a test-name-safe stem of a path.
std::vector<std::string> scenario_params();
std::string scenario_test_name(const std::string& path);

}  // namespace tendon::testing
