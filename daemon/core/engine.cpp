#include "engine.h"

#include <algorithm>
#include <limits>

#include "detectors/detectors.h"

namespace tendon {

namespace {

constexpr Instant kNever = std::numeric_limits<Instant>::max();

bool checkin_before(const Checkin& a, const Checkin& b) {
  return a.at != b.at ? a.at < b.at : a.id < b.id;
}

bool is_pain(const AlertKey& k) { return k.subject.checkin_id != 0; }

}  // namespace

Engine::Engine(const Thresholds& thresholds, std::shared_ptr<const ZoneRules> zone, const std::vector<Shoe>& shoes)
    : thresholds_(thresholds), zone_(std::move(zone)), timeline_(thresholds_, *zone_) {
  timeline_.set_shoes(shoes);
}

bool Engine::enabled(AlertKind kind) const {
  const auto& off = thresholds_.disabled;
  return std::find(off.begin(), off.end(), kind) == off.end();
}

void Engine::restore(const std::vector<Activity>& activities, const std::vector<Checkin>& checkins,
                     const std::vector<Alert>& alerts) {
  for (const auto& a : activities) timeline_.insert(a);
  checkins_ = checkins;
  std::sort(checkins_.begin(), checkins_.end(), checkin_before);
  for (const auto& a : alerts) alerts_[a.key()] = a;
}

AlertDiff Engine::apply(const std::vector<Activity>& added, const std::vector<std::int64_t>& removed_ids) {
  Instant from = kNever;
  for (const auto id : removed_ids) {
    if (const auto start = timeline_.remove(id)) from = std::min(from, *start);
    // An activity that no longer counts as running may still carry alerts from when it did.
    for (const auto& [key, alert] : alerts_) {
      if (!is_pain(key) && key.subject.activity_id == id) from = std::min(from, alert.at);
    }
  }
  for (const auto& a : added) {
    if (timeline_.insert(a)) from = std::min(from, a.start);
  }
  AlertDiff diff;
  if (from != kNever) rejudge_runs_from(from, diff);
  return diff;
}

AlertDiff Engine::add_checkins(const std::vector<Checkin>& checkins) {
  Instant from = kNever;
  for (const auto& c : checkins) {
    checkins_.insert(std::upper_bound(checkins_.begin(), checkins_.end(), c, checkin_before), c);
    from = std::min(from, c.at);
  }
  AlertDiff diff;
  if (from != kNever) rejudge_checkins_from(from, diff);
  return diff;
}

AlertDiff Engine::set_shoes(const std::vector<Shoe>& shoes) {
  timeline_.set_shoes(shoes);
  AlertDiff diff;
  rejudge_runs_from(std::numeric_limits<Instant>::min(), diff);
  return diff;
}

AlertDiff Engine::rejudge_all() {
  AlertDiff diff;
  rejudge_runs_from(std::numeric_limits<Instant>::min(), diff);
  rejudge_checkins_from(std::numeric_limits<Instant>::min(), diff);
  return diff;
}

void Engine::rejudge_runs_from(Instant from, AlertDiff& diff) {
  const std::size_t first = timeline_.first_at_or_after(from);

  // What the history before `first` accumulated: shoe distances, and when the rate-limited
  // detectors last fired (their earlier alerts cannot change, so they are the truth).
  PassState state;
  state.shoe_distance_m.assign(timeline_.shoes().size(), 0);
  for (std::size_t i = 0; i < first; ++i) {
    if (timeline_[i].shoe >= 0) state.shoe_distance_m[static_cast<std::size_t>(timeline_[i].shoe)] += timeline_[i].distance_m;
  }
  for (const auto& [key, alert] : alerts_) {
    if (!is_pain(key) && alert.at < from) {
      auto& last = state.last_fired[key.kind];
      last = std::max(last, alert.at);
    }
  }

  using Detector = void (*)(const RunJudgement&, std::vector<Alert>&);
  static constexpr std::pair<AlertKind, Detector> kDetectors[] = {
      {AlertKind::spike, detect_spike},
      {AlertKind::weekly_jump, detect_weekly_jump},
      {AlertKind::acwr, detect_acwr},
      {AlertKind::shoe_drop, detect_shoe_drop},
      {AlertKind::shoe_transition, detect_shoe_transition},
      {AlertKind::shoe_mileage, detect_shoe_mileage},
      {AlertKind::return_break, detect_return},
      {AlertKind::climb_jump, detect_climb_jump},
  };

  std::vector<Alert> fresh;
  for (std::size_t i = first; i < timeline_.size(); ++i) {
    const RunJudgement j{timeline_, i, state};
    const std::size_t before = fresh.size();
    for (const auto& [kind, detect] : kDetectors) {
      // return_overload is raised by the return detector and switched off with "return".
      if (enabled(kind)) detect(j, fresh);
    }
    fresh.erase(std::remove_if(fresh.begin() + static_cast<std::ptrdiff_t>(before), fresh.end(),
                               [this](const Alert& a) { return !enabled(a.kind); }),
                fresh.end());
    for (std::size_t k = before; k < fresh.size(); ++k) state.last_fired[fresh[k].kind] = fresh[k].at;
    const Run& r = timeline_[i];
    if (r.shoe >= 0) state.shoe_distance_m[static_cast<std::size_t>(r.shoe)] += r.distance_m;
  }
  replace_alerts([from](const AlertKey& key, const Alert& a) { return !is_pain(key) && a.at >= from; },
                 std::move(fresh), diff);
}

void Engine::rejudge_checkins_from(Instant from, AlertDiff& diff) {
  std::vector<Alert> fresh;
  if (enabled(AlertKind::pain)) {
    std::optional<Instant> last_trend;
    for (const auto& [key, alert] : alerts_) {
      if (is_pain(key) && key.category == "trend" && alert.at < from) {
        last_trend = std::max(last_trend.value_or(alert.at), alert.at);
      }
    }
    for (std::size_t i = 0; i < checkins_.size(); ++i) {
      if (checkins_[i].at < from) continue;
      const std::size_t before = fresh.size();
      detect_pain(checkins_, i, thresholds_.pain, last_trend, fresh);
      for (std::size_t k = before; k < fresh.size(); ++k) {
        if (fresh[k].category == "trend") last_trend = fresh[k].at;
      }
    }
  }
  replace_alerts([from](const AlertKey& key, const Alert& a) { return is_pain(key) && a.at >= from; },
                 std::move(fresh), diff);
}

template <typename Scope>
void Engine::replace_alerts(Scope in_scope, std::vector<Alert> fresh, AlertDiff& diff) {
  std::map<AlertKey, Alert> old;
  for (auto it = alerts_.begin(); it != alerts_.end();) {
    if (in_scope(it->first, it->second)) {
      old.insert(std::move(*it));
      it = alerts_.erase(it);
    } else {
      ++it;
    }
  }
  for (auto& a : fresh) {
    const AlertKey key = a.key();
    const auto prev = old.find(key);
    if (prev == old.end()) {
      diff.raised.push_back(a);
    } else {
      if (!a.same_content(prev->second)) diff.updated.push_back(a);
      old.erase(prev);
    }
    alerts_[key] = std::move(a);
  }
  for (auto& [key, a] : old) diff.withdrawn.push_back(std::move(a));
}

}  // namespace tendon
