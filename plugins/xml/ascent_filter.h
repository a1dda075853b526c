#pragma once
// Total ascent with a hysteresis filter against altitude noise.
//
// Rule: a climb starts to count only once the altitude has risen more than
// kAscentThresholdM above the lowest altitude seen since the last climb; from then on the
// whole rise from that low counts, and every new high adds to it, until the altitude
// falls more than kAscentThresholdM below the last high (the climb is over and the
// search for the next low begins). Wobbles smaller than the threshold never count.
//
// Why 5 m: GPS altitude of a receiver standing still wanders by a few metres from fix
// to fix and barometric altimeters by about one metre; summing every positive step of
// such a trace adds tens of metres per hour of nothing (python-tcxparser's raw sum gives
// 153.8 m for tcx/test.tcx). Real terrain that matters for load (a 5 m rise is a
// steep ramp or a flight of stairs) is still counted, and because the whole rise from
// the low is credited, a long climb is not shortened by the threshold.
#include <cmath>

namespace tendon::xml {

inline constexpr double kAscentThresholdM = 5.0;

class AscentFilter {
 public:
  explicit AscentFilter(double threshold_m = kAscentThresholdM) : threshold_(threshold_m) {}

  // Feeds the next altitude (NaN values are passed over).
  void add(double altitude_m);

  double ascent_m() const { return ascent_; }
  bool has_altitude() const { return started_; }

 private:
  double threshold_;
  double ascent_ = 0;
  double anchor_ = 0;  // the last low (not climbing) or the last high (climbing)
  bool climbing_ = false;
  bool started_ = false;
};

}  // namespace tendon::xml
