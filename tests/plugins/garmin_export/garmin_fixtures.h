#pragma once
// Fixtures for the Garmin export tests: summarizedActivities and gear JSON written from
// a few figures in Garmin's own units, FIT files from the FIT tests' writer (a run at a
// chosen start, a settings file, a broken one), and the export zip around them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "export_fixtures.h"

namespace tendon::testing {

// One summarized activity, in the units Garmin writes (cm, ms, epoch ms).
struct SummaryFixture {
  std::optional<std::int64_t> id;  // absent: an incomplete record
  std::string type = "running";
  std::int64_t start_gmt_ms = 0;
  std::int64_t local_shift_ms = 0;  // startTimeLocal - startTimeGmt
  double distance_cm = 0;
  double duration_ms = 0;
  double elapsed_ms = 0;
  double moving_ms = 0;
  double elevation_gain_cm = 0;
  double avg_hr = 0;
};

// `[{"summarizedActivitiesExport":[...]}]` with numbers as floats ("1234.0") like Garmin,
// the activity type as a string, and a nested splitSummaries in metres that must be ignored.
std::string summaries_json(const std::vector<SummaryFixture>& activities);

struct GearFixture {
  std::int64_t pk;
  std::string make_model, display, make, model, type = "Shoes", status = "active";
  std::vector<std::int64_t> activities;
};
std::string gear_json(const std::vector<GearFixture>& gear);

// A FIT running activity: file_id (Garmin FR245), one session (running) with the given start,
// distance and timer; no heart rate and no ascent (the summary fills those).
std::string run_fit(std::int64_t start_unix, double distance_m, double timer_s);
std::string settings_fit();
std::string broken_fit();  // a run whose last bytes (and file CRC) are damaged

inline constexpr const char* kFitness = "DI_CONNECT/DI-Connect-Fitness/";
inline constexpr const char* kUploads = "DI_CONNECT/DI-Connect-Uploaded-Files/";

}  // namespace tendon::testing
