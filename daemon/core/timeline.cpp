#include "timeline.h"

#include <algorithm>
#include <cmath>

#include "sport.h"

namespace tendon {

bool run_before(const Run& a, const Run& b) {
  if (a.start != b.start) return a.start < b.start;
  if (a.source_id != b.source_id) return a.source_id < b.source_id;
  return a.id < b.id;
}

Timeline::Timeline(const Thresholds& thresholds, const ZoneRules& zone)
    : thresholds_(&thresholds), zone_(&zone) {}

void Timeline::set_shoes(const std::vector<Shoe>& shoes) {
  shoes_.clear();
  for (const auto& s : shoes) {
    ShoeInfo info{s, std::nullopt};
    if (s.drop_mm) info.drop_tenths = std::llround(*s.drop_mm * 10.0);
    shoes_.push_back(std::move(info));
  }
  for (std::size_t i = 0; i < runs_.size(); ++i) {
    runs_[i].shoe = run_shoe_names_[i] ? shoe_index(*run_shoe_names_[i]) : -1;
  }
}

int Timeline::shoe_index(const std::string& name) const {
  for (std::size_t i = 0; i < shoes_.size(); ++i) {
    if (shoes_[i].shoe.name == name) return static_cast<int>(i);
  }
  return -1;
}

Run Timeline::to_run(const Activity& a) const {
  Run r;
  r.id = a.id;
  r.source_id = a.source_id;
  r.start = a.start;
  r.distance_m = std::llround(std::max(0.0, a.distance_m));
  r.ascent_m = a.ascent_m ? std::llround(std::max(0.0, *a.ascent_m)) : 0;
  r.shoe = a.shoe ? shoe_index(*a.shoe) : -1;
  r.local_day = local_day(a.start, *zone_);
  r.week = week_of_day(r.local_day);
  return r;
}

bool Timeline::insert(const Activity& activity) {
  if (!is_running_sport(activity.sport, thresholds_->running_sports)) return false;
  const Run r = to_run(activity);
  const auto it = std::upper_bound(runs_.begin(), runs_.end(), r, run_before);
  const auto pos = it - runs_.begin();
  runs_.insert(it, r);
  run_shoe_names_.insert(run_shoe_names_.begin() + pos, activity.shoe);
  return true;
}

std::optional<Instant> Timeline::remove(std::int64_t id) {
  for (std::size_t i = 0; i < runs_.size(); ++i) {
    if (runs_[i].id == id) {
      const Instant start = runs_[i].start;
      runs_.erase(runs_.begin() + static_cast<std::ptrdiff_t>(i));
      run_shoe_names_.erase(run_shoe_names_.begin() + static_cast<std::ptrdiff_t>(i));
      return start;
    }
  }
  return std::nullopt;
}

bool Timeline::contains(std::int64_t id) const {
  return std::any_of(runs_.begin(), runs_.end(), [id](const Run& r) { return r.id == id; });
}

std::size_t Timeline::first_at_or_after(Instant t) const {
  const auto it = std::lower_bound(runs_.begin(), runs_.end(), t,
                                   [](const Run& r, Instant value) { return r.start < value; });
  return static_cast<std::size_t>(it - runs_.begin());
}

std::int64_t Timeline::distance_between(Instant from, Instant to) const {
  std::int64_t sum = 0;
  for (std::size_t i = first_at_or_after(from); i < runs_.size() && runs_[i].start < to; ++i) {
    sum += runs_[i].distance_m;
  }
  return sum;
}

std::vector<std::int64_t> Timeline::ids() const {
  std::vector<std::int64_t> out;
  out.reserve(runs_.size());
  for (const auto& r : runs_) out.push_back(r.id);
  return out;
}

}  // namespace tendon
