// A session's records run from its start to its end: the session message's timestamp, or
// start + elapsed when that is later or the timestamp is missing. Devices are loose with
// these fields: the Fenix 2 multisport file's first session starts 45 minutes after its
// first lap and records (its timestamp - elapsed agrees with the lap), and its start +
// elapsed runs into the following legs. So a session's range also reaches back to
// timestamp - elapsed, ends before the next session's start, and ranges are made
// disjoint, earliest first: every record lands in at most one session, and the work is
// one binary search per record whatever the number of sessions.
#include "fit_session_records.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tendon::fit {

namespace {

constexpr std::uint32_t kOpenEnd = std::numeric_limits<std::uint32_t>::max() - 1;

std::uint32_t seconds_ceil(double s) {
  if (!(s >= 0)) return 0;
  if (s >= 4.0e9) return kOpenEnd;
  return static_cast<std::uint32_t>(std::ceil(s));
}

struct Span {
  std::uint32_t lo = 0;
  std::uint32_t hi = kOpenEnd;
  std::size_t session = 0;
};

class Assigner {
 public:
  explicit Assigner(const Decoded& d) : d_(d), out_(d.sessions.size()) {
    times_.resize(d.records.size());
    std::uint32_t last = kNoTime;
    for (std::size_t i = 0; i < d.records.size(); ++i) {
      if (is_time(d.records[i].time)) {
        if (is_time(last) && d.records[i].time < last) sorted_ = false;
        if (!is_time(last)) first_timed_ = i;
        last = d.records[i].time;
      }
      times_[i] = last;
    }
    if (!is_time(last)) first_timed_ = d.records.size();
  }

  std::vector<SessionRecords> run() {
    const std::vector<Span> spans = plan();
    for (std::size_t part = 0; part < d_.parts.size(); ++part) assign_part(part, spans);
    return std::move(out_);
  }

 private:
  std::vector<Span> plan() {
    std::vector<Span> spans(d_.sessions.size());
    for (std::size_t index = 0; index < d_.sessions.size(); ++index) {
      const Session& s = d_.sessions[index];
      Span& span = spans[index];
      span.session = index;
      const bool has_elapsed = !std::isnan(s.total_elapsed_s);
      const std::uint32_t elapsed_ceil = seconds_ceil(s.total_elapsed_s);
      span.hi = is_time(s.timestamp) ? s.timestamp : kOpenEnd;
      std::uint32_t start = s.start_time;
      if (!is_time(start)) {
        const std::uint32_t after =
            index > 0 && is_time(d_.sessions[index - 1].timestamp) ? d_.sessions[index - 1].timestamp : 0;
        start = fallback_start(s, after, span.hi, elapsed_ceil);
      }
      out_[index].start = start;
      if (is_time(start) && has_elapsed) {
        const std::uint64_t by_elapsed = std::uint64_t{start} + elapsed_ceil;
        if (!is_time(s.timestamp) || by_elapsed > span.hi) {
          span.hi = static_cast<std::uint32_t>(std::min<std::uint64_t>(by_elapsed, kOpenEnd));
        }
      }
      if (index + 1 < d_.sessions.size()) {
        // A record at the next session's start belongs to the next session (multisport
        // legs follow each other to the second).
        const std::uint32_t next = d_.sessions[index + 1].start_time;
        if (is_time(next) && is_time(start) && next > start && next <= span.hi) span.hi = next - 1;
      }
      span.lo = is_time(start) ? start : kOpenEnd;
      if (is_time(start) && is_time(s.timestamp) && has_elapsed && s.timestamp > elapsed_ceil) {
        span.lo = std::min(span.lo, s.timestamp - elapsed_ceil - 1);  // 1 s for rounding
      }
    }
    return spans;
  }

  // A session without start_time starts at its first record, else its first lap, after
  // the previous session's end; else at timestamp - elapsed.
  std::uint32_t fallback_start(const Session& s, std::uint32_t after, std::uint32_t until,
                               std::uint32_t elapsed_ceil) const {
    if (sorted_) {
      const auto begin = times_.begin() + static_cast<std::ptrdiff_t>(first_timed_);
      const auto it = std::upper_bound(begin, times_.end(), after);
      if (it != times_.end() && *it <= until) return *it;
    } else {
      for (const Record& r : d_.records) {
        if (is_time(r.time) && r.time > after && r.time <= until) return r.time;
      }
    }
    for (const Lap& lap : d_.laps) {
      if (is_time(lap.start_time) && lap.start_time > after && lap.start_time <= until) return lap.start_time;
    }
    if (is_time(s.timestamp) && !std::isnan(s.total_elapsed_s) && s.timestamp >= elapsed_ceil) {
      return static_cast<std::uint32_t>(std::lround(s.timestamp - s.total_elapsed_s));
    }
    return kNoTime;
  }

  void assign_part(std::size_t part, const std::vector<Span>& all) {
    std::vector<Span> spans;
    for (const Span& span : all) {
      if (d_.sessions[span.session].part == part && span.lo != kOpenEnd) spans.push_back(span);
    }
    if (spans.empty()) return;
    std::stable_sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.lo < b.lo; });
    // Disjoint, earliest first: a span starts after the furthest end before it (the starts
    // stay sorted, so the binary search below holds).
    std::uint32_t furthest = spans[0].hi;
    for (std::size_t k = 1; k < spans.size(); ++k) {
      if (spans[k].lo <= furthest) spans[k].lo = furthest >= kOpenEnd ? kOpenEnd : furthest + 1;
      furthest = std::max(furthest, spans[k].hi);
    }
    const std::size_t first = d_.parts[part].first_record;
    const std::size_t last = first + d_.parts[part].record_count;
    for (std::size_t i = first; i < last; ++i) {
      const std::uint32_t t = times_[i];
      if (!is_time(t)) continue;
      // The last span starting at or before t.
      auto it =
          std::upper_bound(spans.begin(), spans.end(), t, [](std::uint32_t v, const Span& s) { return v < s.lo; });
      if (it == spans.begin()) continue;
      --it;
      if (t <= it->hi && it->lo <= it->hi) out_[it->session].records.push_back(static_cast<std::uint32_t>(i));
    }
  }

  const Decoded& d_;
  std::vector<SessionRecords> out_;
  std::vector<std::uint32_t> times_;
  std::size_t first_timed_ = 0;
  bool sorted_ = true;
};

}  // namespace

std::vector<SessionRecords> assign_records(const Decoded& decoded) { return Assigner(decoded).run(); }

}  // namespace tendon::fit
