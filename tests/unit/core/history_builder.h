#pragma once
// Builds small training histories for detector tests: runs by day offset and distance.
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "core/engine.h"
#include "core/time.h"

namespace tendon::testing {

// 2026-03-02 (a Monday) 07:00 UTC: day 0 of every test history.
inline constexpr Instant kDay0 = 1772434800;

class History {
 public:
  // A run `day` days (may be fractional through `seconds`) after kDay0.
  History& run(const std::string& id, double day, std::int64_t metres, std::optional<std::string> shoe = {},
               std::string sport = "running", double ascent = -1) {
    Activity a;
    a.id = static_cast<std::int64_t>(activities.size()) + 1;
    a.athlete = "t";
    a.source_id = id;
    a.start = kDay0 + static_cast<Instant>(day * kSecondsPerDay);
    a.sport = std::move(sport);
    a.distance_m = static_cast<double>(metres);
    a.shoe = std::move(shoe);
    if (ascent >= 0) a.ascent_m = ascent;
    activities.push_back(a);
    return *this;
  }
  History& at(const std::string& id, Instant start, std::int64_t metres) {
    run(id, 0, metres);
    activities.back().start = start;
    return *this;
  }
  History& shoe(const std::string& name, std::optional<double> drop, double start_km = 0) {
    Shoe s;
    s.name = name;
    s.drop_mm = drop;
    s.start_distance_m = start_km * 1000;
    shoes.push_back(s);
    return *this;
  }

  std::unique_ptr<Engine> engine(const Thresholds& t = {}, std::shared_ptr<const ZoneRules> zone = nullptr) const {
    if (!zone) zone = std::make_shared<FixedOffsetZone>(0);
    auto e = std::make_unique<Engine>(t, zone, shoes);
    e->apply(activities);
    return e;
  }

  std::string id_of(std::int64_t activity_id) const {
    for (const auto& a : activities) {
      if (a.id == activity_id) return a.source_id;
    }
    return "?";
  }

  // "activity kind category" for every alert, sorted: easy to compare in EXPECT_EQ.
  std::vector<std::string> labels(const Engine& e) const {
    std::vector<std::string> out;
    for (const auto& [key, alert] : e.alerts()) {
      out.push_back(id_of(key.subject.activity_id) + " " + to_string(key.kind) + " " + key.category);
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  std::vector<std::string> labels(const Engine& e, AlertKind only) const {
    std::vector<std::string> all = labels(e), out;
    const std::string needle = std::string(" ") + to_string(only) + " ";
    for (auto& l : all) {
      if (l.find(needle) != std::string::npos) out.push_back(l);
    }
    return out;
  }

  std::vector<Activity> activities;
  std::vector<Shoe> shoes;
};

inline const Alert* find_alert(const Engine& e, const History& h, const std::string& id, AlertKind kind) {
  for (const auto& [key, alert] : e.alerts()) {
    if (key.kind == kind && h.id_of(key.subject.activity_id) == id) return &alert;
  }
  return nullptr;
}

inline double number(const Alert& a, const std::string& name) {
  const FigureValue* v = a.figure(name);
  if (!v) return -1e300;
  if (const auto* i = std::get_if<std::int64_t>(v)) return static_cast<double>(*i);
  if (const auto* d = std::get_if<double>(v)) return *d;
  return -1e300;
}

}  // namespace tendon::testing
