#include "status.h"

#include <algorithm>
#include <cmath>

#include "detectors/detectors.h"
#include "detectors/spike_bands.h"
#include "figures.h"

namespace tendon {

namespace {

RunRef ref_of(const Run& r) { return RunRef{r.id, r.source_id, r.start, format_day(r.local_day), r.distance_m}; }

// Runs known as of `now`: everything starting at or before it.
std::size_t end_at(const Timeline& tl, Instant now) { return tl.first_at_or_after(now + 1); }

std::optional<ReturnStatus> returning_at(const Timeline& tl, Instant now) {
  const std::size_t end = end_at(tl, now);
  if (end == 0) return std::nullopt;
  const auto& t = tl.thresholds().ret;
  const Run& last = tl[end - 1];
  const std::int64_t gap_days = (now - last.start) / kSecondsPerDay;
  if (gap_days < t.break_days) return std::nullopt;
  ReturnStatus r;
  r.days_since_last_run = gap_days;
  double fraction = t.overload_short;
  r.tier = "short";
  if (gap_days >= t.major_days) {
    r.tier = "major";
    fraction = t.overload_major;
  } else if (gap_days >= t.significant_days) {
    r.tier = "significant";
    fraction = t.overload_significant;
  }
  const auto prebreak = tl.distance_between(last.start - days(t.prebreak_days) + 1, last.start + 1);
  if (prebreak <= 0) return std::nullopt;  // nothing ran before the break: no cap to state
  r.first_week_cap_m = fraction * static_cast<double>(prebreak) / (t.prebreak_days / 7.0);
  return r;
}

}  // namespace

Status compute_status(const Timeline& tl, Instant now) {
  Status s;
  s.now = now;
  const auto& spike = tl.thresholds().spike;
  const std::size_t end = end_at(tl, now);
  if (end > 0) s.last_run = ref_of(tl[end - 1]);

  // The window of "today" is the 30 days before now, as for a run starting now.
  const auto base = longest_before(tl, now, spike.window_days);
  if (base && base->distance_m > 0) {
    const Run& b = tl[base->index];
    s.longest_30d = ref_of(b);
    s.safe_ceiling_m = safe_ceiling_m(b.distance_m, spike);
    s.baseline_leaves_at = b.start + days(spike.window_days);
    std::optional<std::int64_t> next;
    // The baseline leaves one second after this instant; runs sharing its start leave with it.
    for (std::size_t i = base->index + 1; i < end; ++i) {
      if (tl[i].start > b.start) next = std::max(next.value_or(0), tl[i].distance_m);
    }
    if (next && *next > 0) {
      s.next_baseline_m = *next;
      s.next_ceiling_m = safe_ceiling_m(*next, spike);
    }
  }

  const std::int64_t week = local_week(now, tl.zone());
  s.week_start = format_day(first_day_of_week(week));
  for (std::size_t i = tl.first_at_or_after(now - days(16)); i < end; ++i) {
    if (tl[i].week == week) s.week_m += tl[i].distance_m;
    else if (tl[i].week == week - 1) s.previous_week_m += tl[i].distance_m;
  }
  s.acwr = acwr_at(tl, now);
  if (const auto h = habitual_drop_before(tl, now + 1, tl.thresholds().shoe_drop.habitual_window_days)) {
    s.habitual_drop_mm = round_to(h->mm(), 2);
  }
  s.returning = returning_at(tl, now);

  std::vector<double> run_on(tl.shoes().size(), 0.0);
  for (std::size_t i = 0; i < end; ++i) {
    if (tl[i].shoe >= 0) run_on[static_cast<std::size_t>(tl[i].shoe)] += static_cast<double>(tl[i].distance_m);
  }
  const auto& mileage = tl.thresholds().mileage;
  for (std::size_t k = 0; k < tl.shoes().size(); ++k) {
    const Shoe& shoe = tl.shoes()[k].shoe;
    s.shoes.push_back(ShoeStatus{shoe.name, shoe.drop_mm, shoe.start_distance_m + run_on[k],
                                 shoe.worn_km.value_or(mileage.worn_km), shoe.replace_km.value_or(mileage.replace_km),
                                 shoe.retired});
  }
  return s;
}

PlanCheck check_plan(const Timeline& tl, Instant now, std::int64_t distance_m) {
  PlanCheck p;
  p.distance_m = distance_m;
  const auto& spike = tl.thresholds().spike;
  const std::string planned = format_km(static_cast<double>(distance_m));
  p.returning = returning_at(tl, now);
  const auto base = longest_before(tl, now, spike.window_days);
  if (!base || base->distance_m <= 0) {
    p.answer = "No spike judged: you have no run in the last " + std::to_string(spike.window_days) + " days.";
    p.why = "The spike compares a run with the longest of the previous 30 days; there is none.";
  } else {
    const Run& b = tl[base->index];
    p.baseline = ref_of(b);
    p.safe_ceiling_m = safe_ceiling_m(b.distance_m, spike);
    p.ratio = growth_ratio(distance_m, b.distance_m);
    const auto band = spike_band(distance_m, b.distance_m, spike);
    const std::string base_text = format_km(static_cast<double>(b.distance_m)) + " on " + format_short_day(b.local_day);
    if (band) {
      p.spike = true;
      p.category = band->category;
      p.answer = "Yes: " + planned + " would be a " + band->category + " spike today, " + format_percent(*p.ratio) +
                 " over your 30-day longest. Safe ceiling today: " +
                 format_km_floor(static_cast<double>(*p.safe_ceiling_m)) + ".";
      p.why = "Your longest run of the last 30 days is " + base_text + ".";
      if (bands_match_study(spike)) {
        p.why += std::string(" RUNSAFE 2025 found runs ") + band->band_text +
                 " longer than that raised the injury rate (HRR " + format_fixed(band->hazard_ratio, 2) + ").";
      }
    } else {
      p.answer = "No: " + planned + " is within your safe ceiling of " +
                 format_km_floor(static_cast<double>(*p.safe_ceiling_m)) + " today.";
      p.why = "Your longest run of the last 30 days is " + base_text + "; up to " + allowance_text(spike) +
              " more is not a spike.";
      // "Today" ends at midnight: the baseline may leave the window before then.
      const Instant leaves = b.start + days(spike.window_days);
      if (leaves < now + kSecondsPerDay) {
        std::optional<std::int64_t> next;
        for (std::size_t i = base->index + 1; i < end_at(tl, now); ++i) {
          if (tl[i].start > b.start) next = std::max(next.value_or(0), tl[i].distance_m);
        }
        p.why += " But that run leaves the window at " + format_iso8601_local(leaves + 1, tl.zone().utc_offset_at(leaves)) +
                 (next ? "; from then on the ceiling is " + format_km_floor(static_cast<double>(safe_ceiling_m(*next, spike)))
                       : std::string("; after that no spike is judged")) +
                 ".";
      }
    }
  }
  if (p.returning) {
    p.over_return_cap = static_cast<double>(distance_m) > p.returning->first_week_cap_m;
    p.why += " It would also be your first run after " + std::to_string(p.returning->days_since_last_run) +
             " days off: keep the first week under " + format_km(p.returning->first_week_cap_m) + ".";
  }
  return p;
}

}  // namespace tendon
