#include "judgement_basis.h"

#include <sstream>

#include "athlete_engine.h"
#include "shoe_sync.h"

namespace tendon {

namespace {

template <typename T>
void field(std::ostringstream& out, const char* name, const T& value) {
  out << name << '=' << value << ';';
}

template <typename T>
void field(std::ostringstream& out, const char* name, const std::optional<T>& value) {
  out << name << '=';
  if (value) out << *value;
  out << ';';
}

}  // namespace

std::string judgement_basis(const AthleteConfig& athlete, const std::vector<Shoe>& shoes) {
  const Thresholds& t = athlete.thresholds;
  std::ostringstream out;
  out.precision(17);
  field(out, "v", 1);  // bump when a detector's definition changes
  field(out, "zone", athlete.timezone);
  field(out, "spike", t.spike.window_days);
  field(out, "s", t.spike.small);
  field(out, "m", t.spike.moderate);
  field(out, "l", t.spike.large);
  field(out, "wj", t.weekly.jump);
  field(out, "wm", t.weekly.min_increase_m);
  field(out, "ws", t.weekly.steep);
  field(out, "aa", t.acwr.alert);
  field(out, "ah", t.acwr.high);
  const auto& d = t.shoe_drop;
  field(out, "dw", d.habitual_window_days);
  field(out, "d1", d.slight_mm);
  field(out, "d2", d.lower_mm);
  field(out, "d3", d.steep_mm);
  field(out, "dz", d.zero_drop_mm);
  field(out, "tm", d.transition_min_delta_mm);
  field(out, "tw", d.transition_weeks);
  field(out, "tf", d.transition_first_week_share);
  field(out, "ts", d.transition_weekly_step);
  field(out, "mw", t.mileage.worn_km);
  field(out, "mr", t.mileage.replace_km);
  const auto& r = t.ret;
  field(out, "rb", r.break_days);
  field(out, "rs", r.significant_days);
  field(out, "rm", r.major_days);
  field(out, "rp", r.prebreak_days);
  field(out, "rw", r.overload_window_days);
  field(out, "o1", r.overload_short);
  field(out, "o2", r.overload_significant);
  field(out, "o3", r.overload_major);
  field(out, "cr", t.climb.ratio);
  field(out, "ci", t.climb.min_increase_m);
  field(out, "pd", t.pain.during_max);
  field(out, "pa", t.pain.after_max);
  field(out, "pr", t.pain.morning_rise);
  field(out, "pm", t.pain.morning_median_of);
  for (const auto& sport : t.running_sports) field(out, "run", sport);
  for (const auto kind : t.disabled) field(out, "off", to_string(kind));
  for (const auto& s : shoes) {
    field(out, "shoe", s.name);
    field(out, "drop", s.drop_mm);
    field(out, "start", s.start_distance_m);
    field(out, "worn", s.worn_km);
    field(out, "replace", s.replace_km);
  }
  return out.str();
}

AlertDiff rejudge_if_basis_changed(Store& store, const Config& config, const AthleteConfig& athlete, Instant now) {
  const std::string basis = judgement_basis(athlete, store.shoes(athlete.name));
  if (store.judged_with(athlete.name) == basis) return {};
  auto engine = load_engine(store, athlete);
  AlertDiff diff = engine->rejudge_all();
  save_alert_diff(store, config, athlete.name, diff, now);
  store.set_judged_with(athlete.name, basis);
  return diff;
}

void apply_config_to_store(Store& store, const Config& config, Instant now) {
  Store::Transaction tx(store);
  for (const auto& a : config.athletes) {
    store.ensure_athlete(a.name, a.timezone);
    sync_configured_shoes(store, a);
    rejudge_if_basis_changed(store, config, a, now);
  }
  tx.commit();
}

}  // namespace tendon
