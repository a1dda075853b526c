#include "ascent_filter.h"

namespace tendon::xml {

void AscentFilter::add(double altitude_m) {
  if (std::isnan(altitude_m)) return;
  if (!started_) {
    started_ = true;
    anchor_ = altitude_m;
    return;
  }
  if (climbing_) {
    if (altitude_m > anchor_) {
      ascent_ += altitude_m - anchor_;  // a new high within the climb
      anchor_ = altitude_m;
    } else if (altitude_m < anchor_ - threshold_) {
      climbing_ = false;  // fell clearly below the high: the climb is over
      anchor_ = altitude_m;
    }
    return;
  }
  if (altitude_m < anchor_) {
    anchor_ = altitude_m;  // a lower low
  } else if (altitude_m > anchor_ + threshold_) {
    ascent_ += altitude_m - anchor_;  // rose clearly above the low: a climb, counted from the low
    anchor_ = altitude_m;
    climbing_ = true;
  }
}

}  // namespace tendon::xml
