#pragma once
// The running history of one athlete as the detectors see it: running activities only,
// distances in whole metres (SPEC.md compares in whole metres so band limits are exact),
// sorted by start with an intrinsic tie-break so that import order never matters.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "activity.h"
#include "thresholds.h"
#include "zone.h"

namespace tendon {

struct Run {
  std::int64_t id = 0;
  std::string source_id;  // tie-break for equal starts: intrinsic, unlike store ids
  Instant start = 0;
  std::int64_t distance_m = 0;
  std::int64_t ascent_m = 0;  // 0 when unknown
  int shoe = -1;              // index into Timeline::shoes(), -1 when none
  std::int64_t local_day = 0;
  std::int64_t week = 0;      // local ISO week index (zone.h)
};

// A shoe with its drop in tenths of a millimetre, so drop arithmetic stays integral.
struct ShoeInfo {
  Shoe shoe;
  std::optional<std::int64_t> drop_tenths;
};

bool run_before(const Run& a, const Run& b);  // (start, source_id, id)

class Timeline {
 public:
  Timeline(const Thresholds& thresholds, const ZoneRules& zone);

  const Thresholds& thresholds() const { return *thresholds_; }
  const ZoneRules& zone() const { return *zone_; }

  void set_shoes(const std::vector<Shoe>& shoes);
  const std::vector<ShoeInfo>& shoes() const { return shoes_; }
  int shoe_index(const std::string& name) const;  // -1 when unknown

  // Converts and places an activity; non-running activities are ignored (false).
  bool insert(const Activity& activity);
  // Removes the run with this id; returns its start when it was there.
  std::optional<Instant> remove(std::int64_t id);
  bool contains(std::int64_t id) const;

  const std::vector<Run>& runs() const { return runs_; }
  std::size_t size() const { return runs_.size(); }
  const Run& operator[](std::size_t i) const { return runs_[i]; }

  // Index of the first run with start >= t.
  std::size_t first_at_or_after(Instant t) const;
  // Sum of distances of runs with from <= start < to (half-open, by start only).
  std::int64_t distance_between(Instant from, Instant to) const;
  // The activity ids of every stored run with their original activities' shoes, for
  // recomputation when shoes change.
  std::vector<std::int64_t> ids() const;

 private:
  Run to_run(const Activity& activity) const;

  const Thresholds* thresholds_;
  const ZoneRules* zone_;
  std::vector<ShoeInfo> shoes_;
  std::vector<Run> runs_;
  std::vector<std::optional<std::string>> run_shoe_names_;  // parallel to runs_, for set_shoes
};

}  // namespace tendon
