// Pain monitoring (SPEC.md 8, Silbernagel's model): pain during or after above 5/10, morning
// pain or stiffness that jumps above its usual level, or a rising morning trend.
#include <algorithm>

#include "core/figures.h"
#include "detectors.h"

namespace tendon {

namespace {

Alert pain_alert(const Checkin& c, const char* category, Severity severity) {
  Alert a;
  a.subject.checkin_id = c.id;
  a.subject.activity_id = c.activity_id.value_or(0);
  a.at = c.at;
  a.kind = AlertKind::pain;
  a.category = category;
  a.severity = severity;
  a.evidence = "silbernagel-2007";
  return a;
}

// Median of up to n morning scores before index (most recent first).
std::optional<double> morning_median(const std::vector<Checkin>& cs, std::size_t index, int n) {
  std::vector<int> scores;
  for (std::size_t k = index; k-- > 0 && static_cast<int>(scores.size()) < n;) {
    if (cs[k].morning) scores.push_back(*cs[k].morning);
  }
  if (scores.empty()) return std::nullopt;
  std::sort(scores.begin(), scores.end());
  const std::size_t m = scores.size() / 2;
  return scores.size() % 2 ? scores[m] : (scores[m - 1] + scores[m]) / 2.0;
}

std::optional<double> morning_mean(const std::vector<Checkin>& cs, Instant from, Instant to) {
  int sum = 0, count = 0;
  for (const auto& c : cs) {
    if (c.at > from && c.at <= to && c.morning) {
      sum += *c.morning;
      ++count;
    }
  }
  if (count == 0) return std::nullopt;
  return static_cast<double>(sum) / count;
}

}  // namespace

void detect_pain(const std::vector<Checkin>& cs, std::size_t index, const PainThresholds& t,
                 std::optional<Instant> last_trend, std::vector<Alert>& out) {
  const Checkin& c = cs[index];
  struct Limit {
    const std::optional<int>& score;
    int max;
    const char* category;
    const char* when;
    const char* advice;
  };
  const Limit limits[] = {
      {c.pain_during, t.during_max, "during", "during the run",
       "Cut the next sessions shorter and easier until pain during running stays at 5/10 or less."},
      {c.pain_after, t.after_max, "after", "after the run",
       "Check how it feels tomorrow morning; if it has not settled, reduce the load."},
  };
  for (const auto& limit : limits) {
    if (!limit.score || *limit.score <= limit.max) continue;
    Alert a = pain_alert(c, limit.category, Severity::warning);
    a.figures = {{"pain", static_cast<std::int64_t>(*limit.score)}, {"limit", static_cast<std::int64_t>(limit.max)}};
    a.message = "Pain " + std::to_string(*limit.score) + "/10 " + limit.when + ", above the acceptable " +
                std::to_string(limit.max) + "/10.";
    a.advice = limit.advice;
    out.push_back(std::move(a));
  }
  if (c.morning) {
    const auto median = morning_median(cs, index, t.morning_median_of);
    if (median && *c.morning >= *median + t.morning_rise) {
      Alert a = pain_alert(c, "morning", Severity::warning);
      a.figures = {{"morning", static_cast<std::int64_t>(*c.morning)}, {"median", *median}};
      a.message = "Morning pain/stiffness " + std::to_string(*c.morning) + "/10, up from your usual " +
                  format_fixed(*median, 1) + ": the last session was too much.";
      a.advice = "Make the next session easier or rest; the tendon should settle by the next morning.";
      out.push_back(std::move(a));
    }
    const bool rate_limited = last_trend && c.at - *last_trend < days(7);
    const auto recent = morning_mean(cs, c.at - days(7), c.at);
    const auto before = morning_mean(cs, c.at - days(14), c.at - days(7));
    if (!rate_limited && recent && before && *recent > *before) {
      Alert a = pain_alert(c, "trend", Severity::info);
      a.figures = {{"week_mean", round_to(*recent, 2)}, {"previous_week_mean", round_to(*before, 2)}};
      a.message = "Morning pain/stiffness is rising: " + format_fixed(*recent, 1) + " on average this week against " +
                  format_fixed(*before, 1) + " the week before.";
      a.advice = "Morning symptoms should not rise week on week: hold the load steady or reduce it.";
      out.push_back(std::move(a));
    }
  }
}

}  // namespace tendon
