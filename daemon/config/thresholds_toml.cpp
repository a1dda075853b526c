#include "config/thresholds_toml.h"

#include <algorithm>
#include <map>

#include "config/toml_reader.h"
#include "core/sport.h"

namespace tendon::config_detail {

namespace {

constexpr double kMaxRatio = 100;        // r, shares and ratios
constexpr double kMaxDropMm = 20;        // no running shoe has a drop above 20 mm
constexpr double kMaxDistanceKm = 100000;
constexpr double kMaxMetres = 1e8;
constexpr int kMaxDays = 3650;

// Where each field was set in the table being read ("spike.small" -> position), so an
// order check points at the value the user wrote in this table.
using SetAt = std::map<std::string, toml::source_position>;

// Reads the fields of one section ([thresholds.spike], ...).
class Section {
 public:
  Section(const toml::table& table, std::string name, const std::string& path,
          const std::string& file, SetAt& set_at)
      : reader_(table, path + "." + name, file), name_(std::move(name)), set_at_(set_at) {}

  void number(const char* key, double& out, double min, double max) {
    if (auto v = reader_.number(key, min, max)) {
      out = *v;
      mark(key);
    }
  }
  void integer(const char* key, int& out, int min, int max) {
    if (auto v = reader_.integer(key, min, max)) {
      out = static_cast<int>(*v);
      mark(key);
    }
  }
  void flag(const char* key, bool& out) {
    if (auto v = reader_.boolean(key)) {
      out = *v;
      mark(key);
    }
  }
  void finish() const { reader_.finish(); }

 private:
  void mark(const char* key) { set_at_[name_ + "." + key] = reader_.where(key); }

  TableReader reader_;
  std::string name_;
  SetAt& set_at_;
};

// Calls `read` with a Section when the table has the section; checks it is a table.
template <typename Read>
void section(TableReader& root, const char* name, SetAt& set_at, Read read) {
  if (const toml::table* t = root.table(name)) {
    Section s(*t, name, root.path(), root.file(), set_at);
    read(s);
    s.finish();
  }
}

class OrderCheck {
 public:
  OrderCheck(const TableReader& root, const SetAt& set_at) : root_(root), set_at_(set_at) {}

  // lower must not be above upper. Fields are "section.key".
  void not_above(const std::string& lower, double lower_value, const std::string& upper,
                 double upper_value) const {
    if (lower_value <= upper_value) return;
    toml::source_position where = root_.where();
    if (auto it = set_at_.find(lower); it != set_at_.end()) {
      where = it->second;
    } else if (auto jt = set_at_.find(upper); jt != set_at_.end()) {
      where = jt->second;
    }
    fail_at(root_.file(), where,
            root_.key_path(lower) + " (" + format_number(lower_value) + ") must not be above " +
                root_.key_path(upper) + " (" + format_number(upper_value) + ")");
  }

 private:
  const TableReader& root_;
  const SetAt& set_at_;
};

void read_running_sports(TableReader& root, Thresholds& th) {
  const toml::array* sports = root.array("running_sports");
  if (sports == nullptr) return;
  const std::string path = root.key_path("running_sports");
  if (sports->empty()) root.fail("running_sports", path + " must name at least one sport");
  std::vector<std::string> result;
  for (std::size_t i = 0; i < sports->size(); ++i) {
    const toml::node& node = *sports->get(i);
    const auto* s = node.as_string();
    if (s == nullptr) {
      fail_at(root.file(), node.source().begin,
              element_path(path, i) + " must be a string, not " + type_name(node));
    }
    std::string sport = normalise_sport(s->get());
    if (sport.empty()) fail_at(root.file(), node.source().begin, element_path(path, i) + " is empty");
    if (std::find(result.begin(), result.end(), sport) == result.end()) result.push_back(sport);
  }
  th.running_sports = std::move(result);
}

void read_disabled(TableReader& root, Thresholds& th) {
  const toml::array* kinds = root.array("disabled");
  if (kinds == nullptr) return;
  const std::string path = root.key_path("disabled");
  std::vector<AlertKind> result;
  for (std::size_t i = 0; i < kinds->size(); ++i) {
    const toml::node& node = *kinds->get(i);
    const auto* s = node.as_string();
    if (s == nullptr) {
      fail_at(root.file(), node.source().begin,
              element_path(path, i) + " must be a string, not " + type_name(node));
    }
    const auto kind = parse_alert_kind(s->get());
    if (!kind) {
      std::string known;
      for (int k = 0; k <= static_cast<int>(AlertKind::pain); ++k) {
        known += (known.empty() ? "" : ", ") + std::string(to_string(static_cast<AlertKind>(k)));
      }
      fail_at(root.file(), node.source().begin,
              element_path(path, i) + ": unknown detector '" + s->get() + "' (known: " + known +
                  ")");
    }
    if (std::find(result.begin(), result.end(), *kind) == result.end()) result.push_back(*kind);
  }
  th.disabled = std::move(result);
}

}  // namespace

void read_thresholds(const toml::table& table, const std::string& path, const std::string& file,
                     Thresholds& th) {
  TableReader root(table, path, file);
  SetAt set_at;

  section(root, "spike", set_at, [&](Section& s) {
    s.integer("window_days", th.spike.window_days, 1, kMaxDays);
    s.number("small", th.spike.small, 0, kMaxRatio);
    s.number("moderate", th.spike.moderate, 0, kMaxRatio);
    s.number("large", th.spike.large, 0, kMaxRatio);
  });
  section(root, "weekly_jump", set_at, [&](Section& s) {
    s.number("jump", th.weekly.jump, 0, kMaxRatio);
    s.number("min_increase_m", th.weekly.min_increase_m, 0, kMaxMetres);
    s.number("steep", th.weekly.steep, 0, kMaxRatio);
  });
  section(root, "acwr", set_at, [&](Section& s) {
    s.flag("alert", th.acwr.alert);
    s.number("high", th.acwr.high, 0, kMaxRatio);
  });
  section(root, "shoe_drop", set_at, [&](Section& s) {
    s.integer("habitual_window_days", th.shoe_drop.habitual_window_days, 1, kMaxDays);
    s.number("slight_mm", th.shoe_drop.slight_mm, 0, kMaxDropMm);
    s.number("lower_mm", th.shoe_drop.lower_mm, 0, kMaxDropMm);
    s.number("steep_mm", th.shoe_drop.steep_mm, 0, kMaxDropMm);
    s.number("zero_drop_mm", th.shoe_drop.zero_drop_mm, 0, kMaxDropMm);
    s.number("transition_min_delta_mm", th.shoe_drop.transition_min_delta_mm, 0, kMaxDropMm);
    s.integer("transition_weeks", th.shoe_drop.transition_weeks, 1, 520);
    s.number("transition_first_week_share", th.shoe_drop.transition_first_week_share, 0, 1);
    s.number("transition_weekly_step", th.shoe_drop.transition_weekly_step, 0, 1);
  });
  section(root, "shoe_mileage", set_at, [&](Section& s) {
    s.number("worn_km", th.mileage.worn_km, 0, kMaxDistanceKm);
    s.number("replace_km", th.mileage.replace_km, 0, kMaxDistanceKm);
  });
  section(root, "return", set_at, [&](Section& s) {
    s.integer("break_days", th.ret.break_days, 1, kMaxDays);
    s.integer("significant_days", th.ret.significant_days, 1, kMaxDays);
    s.integer("major_days", th.ret.major_days, 1, kMaxDays);
    s.integer("prebreak_days", th.ret.prebreak_days, 1, kMaxDays);
    s.integer("overload_window_days", th.ret.overload_window_days, 1, kMaxDays);
    s.number("overload_short", th.ret.overload_short, 0, kMaxRatio);
    s.number("overload_significant", th.ret.overload_significant, 0, kMaxRatio);
    s.number("overload_major", th.ret.overload_major, 0, kMaxRatio);
  });
  section(root, "climb_jump", set_at, [&](Section& s) {
    s.number("ratio", th.climb.ratio, 0, kMaxRatio);
    s.number("min_increase_m", th.climb.min_increase_m, 0, kMaxMetres);
  });
  section(root, "pain", set_at, [&](Section& s) {
    s.integer("during_max", th.pain.during_max, 0, 10);
    s.integer("after_max", th.pain.after_max, 0, 10);
    s.integer("morning_rise", th.pain.morning_rise, 0, 10);
    s.integer("morning_median_of", th.pain.morning_median_of, 1, 100);
  });
  read_running_sports(root, th);
  read_disabled(root, th);
  root.finish();

  // Bands must be in order; checked on the merged result (global + this table).
  const OrderCheck order(root, set_at);
  order.not_above("spike.small", th.spike.small, "spike.moderate", th.spike.moderate);
  order.not_above("spike.moderate", th.spike.moderate, "spike.large", th.spike.large);
  order.not_above("weekly_jump.jump", th.weekly.jump, "weekly_jump.steep", th.weekly.steep);
  order.not_above("shoe_drop.slight_mm", th.shoe_drop.slight_mm, "shoe_drop.lower_mm",
                  th.shoe_drop.lower_mm);
  order.not_above("shoe_drop.lower_mm", th.shoe_drop.lower_mm, "shoe_drop.steep_mm",
                  th.shoe_drop.steep_mm);
  order.not_above("shoe_mileage.worn_km", th.mileage.worn_km, "shoe_mileage.replace_km",
                  th.mileage.replace_km);
  order.not_above("return.break_days", th.ret.break_days, "return.significant_days",
                  th.ret.significant_days);
  order.not_above("return.significant_days", th.ret.significant_days, "return.major_days",
                  th.ret.major_days);
}

}  // namespace tendon::config_detail
