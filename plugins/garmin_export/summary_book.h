#pragma once
// Every summarized activity of the export, once (the numbered parts may overlap: the
// first copy of an activityId is kept), found again by the start of a FIT file that
// describes the same run, so that the FIT wins and the summary only fills its gaps.
#include <cstdint>
#include <optional>
#include <unordered_set>
#include <vector>

#include "summarized_activities.h"

namespace tendon::garmin {

// A FIT session's start (whole seconds) and the summary's beginTimestamp (ms) of the same
// run agree to the second; a few seconds more allow for a rounded or re-synced clock.
inline constexpr std::int64_t kSameStartToleranceMs = 5'000;

class SummaryBook {
 public:
  // Adds one file's activities; returns how many were already known by their id.
  std::size_t add(std::vector<GarminSummary> activities);

  // The unclaimed summary of the run a FIT activity describes, now claimed: the one named
  // by `activity_id` (a per-activity download's "<activityId>_ACTIVITY.fit"), else the one
  // whose start is closest to `start_ms` within the tolerance. nullptr when none.
  const GarminSummary* claim(std::int64_t start_ms, std::optional<std::int64_t> activity_id);

  // The summaries no FIT claimed, in start order (those without a start last).
  std::vector<const GarminSummary*> unclaimed() const;

  std::size_t size() const { return entries_.size(); }

 private:
  struct Held {
    GarminSummary summary;
    bool claimed = false;
  };
  void sort_by_start();

  std::vector<Held> entries_;     // sorted by start once claim() is first called
  bool sorted_ = false;
  std::unordered_set<std::int64_t> ids_;  // for overlapping parts
};

}  // namespace tendon::garmin
