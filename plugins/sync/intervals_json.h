#pragma once
// intervals.icu answers (intervals.icu/api/v1/docs): the activity list of
// /api/v1/athlete/{id}/activities. Pure functions over the body text.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tendon::sync {

struct IntervalsActivity {
  std::string id;                 // "i12345678"
  std::string sport;              // type ("Run")
  std::int64_t start_ms = 0;      // start_date (UTC); start_date_local read as UTC without it
  std::optional<std::int32_t> utc_offset_s;  // local minus UTC, when both are given
  double distance_m = 0;
  std::optional<double> moving_s;
  std::optional<double> elapsed_s;
  std::optional<double> ascent_m;
  std::optional<double> avg_hr;
  std::string gear_name;          // gear.name, "" none
  std::string device;             // device_name
  bool has_file = false;          // file_type set: the original file can be downloaded
};

struct IntervalsList {
  std::vector<IntervalsActivity> activities;  // sorted by start, oldest first
  std::vector<std::string> skipped;
  std::string error;
};

IntervalsList parse_intervals_activities(const std::string& body);

}  // namespace tendon::sync
