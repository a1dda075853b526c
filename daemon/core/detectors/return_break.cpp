// Return after a break (SPEC.md 6): the first run after 7 or more days off, and a first
// week back that climbs too fast toward the volume run before the break.
#include "core/figures.h"
#include "detectors.h"

namespace tendon {

namespace {

struct Tier {
  const char* name;
  Severity severity;
  double overload_fraction;
};

std::optional<Tier> break_tier(const Timeline& tl, std::size_t index, const ReturnThresholds& t) {
  if (index == 0) return std::nullopt;  // the first run ever is not a return
  const std::int64_t gap_days = (tl[index].start - tl[index - 1].start) / kSecondsPerDay;
  if (gap_days < t.break_days) return std::nullopt;
  if (gap_days >= t.major_days) return Tier{"major", Severity::warning, t.overload_major};
  if (gap_days >= t.significant_days) return Tier{"significant", Severity::warning, t.overload_significant};
  return Tier{"short", Severity::info, t.overload_short};
}

// Running distance of (b - N days, b], b the start of the last run before the break.
std::int64_t prebreak_total(const Timeline& tl, std::size_t return_index, const ReturnThresholds& t) {
  const Instant b = tl[return_index - 1].start;
  return tl.distance_between(b - days(t.prebreak_days) + 1, b + 1);
}

void raise_return(const RunJudgement& j, const Tier& tier, std::vector<Alert>& out) {
  const Run& run = j.run();
  const Run& last = j.timeline[j.index - 1];
  const auto& t = j.thresholds().ret;
  const std::int64_t gap_days = (run.start - last.start) / kSecondsPerDay;
  const double weekly = static_cast<double>(prebreak_total(j.timeline, j.index, t)) / (t.prebreak_days / 7.0);
  Alert a = alert_for_run(run, AlertKind::return_break, tier.name, tier.severity, "return-to-run");
  a.figures = {
      {"gap_days", gap_days},
      {"last_run_date", format_day(last.local_day)},
      {"prebreak_weekly_m", round_to(weekly, 1)},
      {"first_week_cap_m", round_to(tier.overload_fraction * weekly, 1)},
  };
  a.message = "Welcome back after " + std::to_string(gap_days) + " days off (last run " +
              format_short_day(last.local_day) + ").";
  a.advice = "A rested tendon is not ready for full load: keep this first week under " +
             format_km(tier.overload_fraction * weekly) + " (" + format_percent(tier.overload_fraction) +
             " of the " + format_km(weekly) + " a week you ran before the break) and rebuild gradually.";
  out.push_back(std::move(a));
}

}  // namespace

void detect_return(const RunJudgement& j, std::vector<Alert>& out) {
  const auto& t = j.thresholds().ret;
  const Run& run = j.run();
  if (const auto tier = break_tier(j.timeline, j.index, t)) raise_return(j, *tier, out);

  // The return this run belongs to: a first run back within the last 7 days (this one
  // included). Runs between it and this one are less than 7 days apart by definition.
  std::optional<std::size_t> back;
  std::optional<Tier> tier;
  for (std::size_t k = j.index + 1; k-- > 0;) {
    if (j.timeline[k].start <= run.start - days(t.overload_window_days)) break;
    if ((tier = break_tier(j.timeline, k, t))) {
      back = k;
      break;
    }
  }
  if (!back) return;

  std::int64_t since_before = 0;  // distance since the return, before this run
  for (std::size_t k = *back; k < j.index; ++k) since_before += j.timeline[k].distance_m;
  const std::int64_t since = since_before + run.distance_m;
  const std::int64_t prebreak = prebreak_total(j.timeline, *back, t);
  if (prebreak <= 0) return;  // only zero-distance runs before the break: no volume to cap against
  // since > fraction * prebreak / weeks, exactly: since * weeks_days * 10000 > bp * prebreak * 7
  const auto over = [&](std::int64_t metres) {
    return metres * t.prebreak_days * 10000 > basis_points(tier->overload_fraction) * prebreak * 7;
  };
  if (!over(since) || over(since_before)) return;  // raised once, on the run that crosses

  const double weekly = static_cast<double>(prebreak) / (t.prebreak_days / 7.0);
  const double cap = tier->overload_fraction * weekly;
  Alert a = alert_for_run(run, AlertKind::return_overload, tier->name, Severity::warning, "return-to-run");
  a.figures = {
      {"week_m", since},
      {"cap_m", cap},
      {"prebreak_weekly_m", weekly},
      {"return_activity_id", j.timeline[*back].id},
      {"return_date", format_day(j.timeline[*back].local_day)},
  };
  a.message = "Too fast back: " + format_km(static_cast<double>(since)) + " since your return on " +
              format_short_day(j.timeline[*back].local_day) + ", over the first-week cap of " + format_km(cap) + " (" +
              format_percent(tier->overload_fraction) + " of your pre-break " + format_km(weekly) + " a week).";
  a.advice = "Take an easy or rest day, then rebuild over two to four weeks; pain in the tendon the next "
             "morning means back off.";
  out.push_back(std::move(a));
}

}  // namespace tendon
