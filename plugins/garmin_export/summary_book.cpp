#include "summary_book.h"

#include <algorithm>
#include <limits>

namespace tendon::garmin {

namespace {

std::int64_t start_key(const GarminSummary& s) { return s.start_ms.value_or(std::numeric_limits<std::int64_t>::max()); }

}  // namespace

std::size_t SummaryBook::add(std::vector<GarminSummary> activities) {
  std::size_t known = 0;
  for (GarminSummary& s : activities) {
    if (!ids_.insert(s.activity_id).second) {
      ++known;
      continue;
    }
    entries_.push_back(Held{std::move(s), false});
  }
  sorted_ = false;
  return known;
}

void SummaryBook::sort_by_start() {
  std::stable_sort(entries_.begin(), entries_.end(),
                   [](const Held& a, const Held& b) { return start_key(a.summary) < start_key(b.summary); });
  sorted_ = true;
}

const GarminSummary* SummaryBook::claim(std::int64_t start_ms, std::optional<std::int64_t> activity_id) {
  if (!sorted_) sort_by_start();
  if (activity_id) {
    for (Held& held : entries_) {
      if (held.summary.activity_id == *activity_id && !held.claimed) {
        held.claimed = true;
        return &held.summary;
      }
    }
  }
  const auto first = std::lower_bound(entries_.begin(), entries_.end(), start_ms - kSameStartToleranceMs,
                                      [](const Held& h, std::int64_t t) { return start_key(h.summary) < t; });
  Held* best = nullptr;
  std::int64_t best_gap = kSameStartToleranceMs + 1;
  for (auto it = first; it != entries_.end() && start_key(it->summary) <= start_ms + kSameStartToleranceMs; ++it) {
    const std::int64_t gap = std::llabs(start_key(it->summary) - start_ms);
    if (!it->claimed && gap < best_gap) best = &*it, best_gap = gap;
  }
  if (best == nullptr) return nullptr;
  best->claimed = true;
  return &best->summary;
}

std::vector<const GarminSummary*> SummaryBook::unclaimed() const {
  std::vector<const GarminSummary*> out;
  for (const Held& held : entries_) {
    if (!held.claimed) out.push_back(&held.summary);
  }
  std::stable_sort(out.begin(), out.end(), [](const GarminSummary* a, const GarminSummary* b) { return start_key(*a) < start_key(*b); });
  return out;
}

}  // namespace tendon::garmin
