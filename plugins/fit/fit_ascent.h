#pragma once
// Total ascent from a series of altitudes, for sessions that do not carry total_ascent.
//
// Altitude samples are noisy (GPS altitude wanders by metres, barometric altitude by
// decimetres), and summing every positive step counts that noise as climbing. The filter
// is a hysteresis with two states:
//  - descending: follows the altitude down to its lowest point; a rise of more than
//    kAscentHysteresisM above that low starts a climb, and the whole rise from the low
//    counts;
//  - climbing: every new high counts; a drop of more than kAscentHysteresisM below the
//    last high ends the climb.
// Wobbles smaller than the band never count; a real climb counts in full.
#include <cmath>
#include <limits>

namespace tendon::fit {

inline constexpr double kAscentHysteresisM = 3.0;

class AscentFilter {
 public:
  void add(double altitude_m) {
    if (std::isnan(altitude_m)) return;
    if (!started_) {
      extreme_ = altitude_m;
      started_ = true;
      return;
    }
    if (climbing_) {
      if (altitude_m > extreme_) {
        ascent_ += altitude_m - extreme_;
        extreme_ = altitude_m;
      } else if (altitude_m < extreme_ - kAscentHysteresisM) {
        climbing_ = false;
        extreme_ = altitude_m;
      }
    } else if (altitude_m < extreme_) {
      extreme_ = altitude_m;
    } else if (altitude_m > extreme_ + kAscentHysteresisM) {
      climbing_ = true;
      ascent_ += altitude_m - extreme_;
      extreme_ = altitude_m;
    }
  }

  // NaN when no altitude was seen at all.
  double ascent_m() const { return started_ ? ascent_ : std::numeric_limits<double>::quiet_NaN(); }

 private:
  bool started_ = false;
  bool climbing_ = false;
  double extreme_ = 0;  // the low while descending, the high while climbing
  double ascent_ = 0;
};

}  // namespace tendon::fit
