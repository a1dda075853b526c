#pragma once
// The detector engine of one athlete. It holds the running history and the current alerts,
// and turns changes (runs added, removed, check-ins logged, shoes edited) into alert
// differences: raised, updated, withdrawn.
//
// Incremental by construction: every detector judges a run from the runs before it only,
// so a change at instant x can alter only the alerts of runs starting at or after x. A run
// arriving in time order re-judges just itself; a late run re-judges the runs after it
// (cumulative shoe mileage and "once per 7 days" limits can reach that far). Importing a
// history in any order therefore yields the alerts of importing it in time order.
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "activity.h"
#include "alert.h"
#include "thresholds.h"
#include "timeline.h"
#include "zone.h"

namespace tendon {

struct AlertDiff {
  std::vector<Alert> raised;
  std::vector<Alert> updated;    // same identity, other figures
  std::vector<Alert> withdrawn;  // the cause disappeared
  bool empty() const { return raised.empty() && updated.empty() && withdrawn.empty(); }
};

class Engine {
 public:
  Engine(const Thresholds& thresholds, std::shared_ptr<const ZoneRules> zone, const std::vector<Shoe>& shoes);
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Puts back what the store holds, judging nothing: the stored alerts are taken as the
  // engine's current conclusions.
  void restore(const std::vector<Activity>& activities, const std::vector<Checkin>& checkins,
               const std::vector<Alert>& alerts);

  // One batch of changes, judged once from the earliest instant it touches. A changed
  // activity is passed as removed (its id) and added (its new figures).
  AlertDiff apply(const std::vector<Activity>& added, const std::vector<std::int64_t>& removed_ids = {});
  AlertDiff add_checkins(const std::vector<Checkin>& checkins);
  // New shoe table (a drop set, a limit changed): every run is judged again.
  AlertDiff set_shoes(const std::vector<Shoe>& shoes);
  // Judges everything from scratch and reports the difference to the current alerts.
  AlertDiff rejudge_all();

  const std::map<AlertKey, Alert>& alerts() const { return alerts_; }
  const Timeline& timeline() const { return timeline_; }
  const Thresholds& thresholds() const { return thresholds_; }
  const ZoneRules& zone() const { return *zone_; }
  const std::vector<Checkin>& checkins() const { return checkins_; }

 private:
  bool enabled(AlertKind kind) const;
  // Judges runs from instant `from` on; diff against the current run alerts at >= from.
  void rejudge_runs_from(Instant from, AlertDiff& diff);
  void rejudge_checkins_from(Instant from, AlertDiff& diff);
  // Replaces the current alerts matching `in_scope` by `fresh`, recording the difference.
  template <typename Scope>
  void replace_alerts(Scope in_scope, std::vector<Alert> fresh, AlertDiff& diff);

  Thresholds thresholds_;
  std::shared_ptr<const ZoneRules> zone_;
  Timeline timeline_;
  std::vector<Checkin> checkins_;  // sorted by (at, id)
  std::map<AlertKey, Alert> alerts_;
};

}  // namespace tendon
