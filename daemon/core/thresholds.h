#pragma once
// Every threshold of SPEC.md with its default. The config file can change each of them,
// globally or per athlete (config/tendon.toml documents them one by one).
#include <string>
#include <vector>

#include "alert.h"

namespace tendon {

struct SpikeThresholds {
  int window_days = 30;
  double small = 0.10;     // r above this is a spike (band "small")
  double moderate = 0.30;  // r above this is "moderate"
  double large = 1.00;     // r above this is "large"
};

struct WeeklyThresholds {
  double jump = 0.10;           // W > (1 + jump) * P
  double min_increase_m = 2000; // and W - P >= this
  double steep = 0.30;          // above +30 % the jump is "steep"
};

struct AcwrThresholds {
  bool alert = false;  // reported always, alerted only when enabled (SPEC.md 3)
  double high = 1.5;
};

struct ShoeDropThresholds {
  int habitual_window_days = 30;
  double slight_mm = 2;
  double lower_mm = 4;
  double steep_mm = 8;
  double zero_drop_mm = 1;  // a shoe at or below this is zero-drop
  // Transition exposure: which shoes count as "lower-drop" (delta at first use), how long
  // they stay new, and the cap on their share of the rolling 7-day distance.
  double transition_min_delta_mm = 4;
  int transition_weeks = 8;
  double transition_first_week_share = 0.15;
  double transition_weekly_step = 0.10;
};

struct ShoeMileageThresholds {
  double worn_km = 500;
  double replace_km = 800;
};

struct ReturnThresholds {
  int break_days = 7;
  int significant_days = 14;
  int major_days = 28;
  int prebreak_days = 28;
  int overload_window_days = 7;
  double overload_short = 0.75;
  double overload_significant = 0.50;
  double overload_major = 0.40;
};

struct ClimbThresholds {
  double ratio = 1.5;
  double min_increase_m = 250;
};

struct PainThresholds {
  int during_max = 5;   // pain during above this: warning
  int after_max = 5;    // pain after above this: warning
  int morning_rise = 2; // morning score this far above the median of the previous check-ins
  int morning_median_of = 7;
};

struct Thresholds {
  SpikeThresholds spike;
  WeeklyThresholds weekly;
  AcwrThresholds acwr;
  ShoeDropThresholds shoe_drop;
  ShoeMileageThresholds mileage;
  ReturnThresholds ret;
  ClimbThresholds climb;
  PainThresholds pain;
  // Sports that count as running load; everything else is stored but never counted.
  std::vector<std::string> running_sports = {
      "running",        "trail_running",   "treadmill",     "treadmill_running",
      "track_running",  "virtual_running", "road_running",  "indoor_running",
      "ultra_running",  "street_running",
  };
  // Detectors can be switched off one by one (acwr's alert has its own switch above).
  std::vector<AlertKind> disabled;
};

}  // namespace tendon
