#pragma once
// Compares alerts with a scenario's expectations: same (activity, kind, category) set for
// the kinds the scenario covers, and every figure the scenario states.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>
#include <string>
#include <variant>

#include "support/scenario.h"

namespace tendon::testing {

struct SeenAlert {
  std::string activity, kind, category;
  std::map<std::string, std::variant<double, std::string>> figures;
};

// The scenarios state figures rounded (half to even) to a few decimals: accept ours when it
// is within half a unit of the last decimal the scenario shows.
inline double stated_precision(double expected) {
  for (int d = 0; d <= 6; ++d) {
    const double scale = std::pow(10.0, d);
    if (std::fabs(expected * scale - std::round(expected * scale)) < 1e-6) return 0.5 / scale + 1e-9;
  }
  return 1e-6;
}

inline void expect_scenario_alerts(const Scenario& s, const std::vector<SeenAlert>& seen) {
  std::map<std::string, const SeenAlert*> by_label;
  std::set<std::string> got, want;
  for (const auto& a : seen) {
    if (!scenario_covers(a.kind)) continue;
    const std::string label = a.activity + " " + a.kind + " " + a.category;
    got.insert(label);
    by_label[label] = &a;
  }
  for (const auto& e : s.expected) want.insert(e.activity + " " + e.kind + " " + e.category);
  EXPECT_EQ(got, want) << s.name;
  for (const auto& e : s.expected) {
    const auto it = by_label.find(e.activity + " " + e.kind + " " + e.category);
    if (it == by_label.end()) continue;
    for (const auto& [name, value] : e.numbers) {
      const auto f = it->second->figures.find(name);
      ASSERT_NE(f, it->second->figures.end()) << s.name << " " << e.activity << " lacks figure " << name;
      ASSERT_TRUE(std::holds_alternative<double>(f->second)) << name;
      EXPECT_NEAR(std::get<double>(f->second), value, stated_precision(value)) << s.name << " " << e.activity << " " << name;
    }
    for (const auto& [name, value] : e.strings) {
      const auto f = it->second->figures.find(name);
      ASSERT_NE(f, it->second->figures.end()) << s.name << " " << e.activity << " lacks figure " << name;
      EXPECT_EQ(std::get<std::string>(f->second), value) << s.name << " " << e.activity << " " << name;
    }
  }
}

}  // namespace tendon::testing
