#pragma once
// One field-by-field comparison of two activities, so that a test failure names the field.
#include <gtest/gtest.h>

#include "core/activity.h"

namespace tendon::testing {

// Every field but the store id (which only the store assigns).
inline void expect_same_activity(const Activity& a, const Activity& b) {
  EXPECT_EQ(a.athlete, b.athlete);
  EXPECT_EQ(a.source_id, b.source_id);
  EXPECT_EQ(a.source_kind, b.source_kind);
  EXPECT_EQ(a.source_name, b.source_name);
  EXPECT_EQ(a.start, b.start);
  EXPECT_EQ(a.utc_offset_s, b.utc_offset_s);
  EXPECT_EQ(a.sport, b.sport);
  EXPECT_EQ(a.sub_sport, b.sub_sport);
  EXPECT_EQ(a.distance_m, b.distance_m);
  EXPECT_EQ(a.elapsed_s, b.elapsed_s);
  EXPECT_EQ(a.moving_s, b.moving_s);
  EXPECT_EQ(a.ascent_m, b.ascent_m);
  EXPECT_EQ(a.avg_hr, b.avg_hr);
  EXPECT_EQ(a.shoe, b.shoe);
  EXPECT_EQ(a.device, b.device);
}

}  // namespace tendon::testing
