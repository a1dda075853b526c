// The sync_sources table: each platform sync source's position and last round (store.h).
#include "store/store.h"
#include "store/store_impl.h"

namespace tendon {

namespace {

constexpr const char* kColumns =
    "SELECT source, cursor, last_run_at, last_success_at, next_run_at, last_error, failures, short_window_left, "
    "daily_left, imported FROM sync_sources ";

SyncState read_state(const sqlite::Statement& q) {
  SyncState s;
  s.source = q.text(0);
  if (!q.is_null(1)) s.cursor = q.text(1);
  s.last_run_at = q.optional_int64(2);
  s.last_success_at = q.optional_int64(3);
  s.next_run_at = q.optional_int64(4);
  s.last_error = q.text(5);
  s.failures = static_cast<int>(q.int64(6));
  s.short_window_left = q.optional_int64(7);
  s.daily_left = q.optional_int64(8);
  s.imported = q.int64(9);
  return s;
}

}  // namespace

std::optional<SyncState> Store::sync_state(const std::string& source) {
  auto q = impl_->db->cached(std::string(kColumns) + "WHERE source = ?");
  q->bind_all(source);
  if (!q->step()) return std::nullopt;
  return read_state(*q);
}

std::vector<SyncState> Store::sync_states() {
  auto q = impl_->db->cached(std::string(kColumns) + "ORDER BY source");
  std::vector<SyncState> states;
  while (q->step()) states.push_back(read_state(*q));
  return states;
}

void Store::save_sync_state(const SyncState& s) {
  auto q = impl_->db->cached(
      "INSERT OR REPLACE INTO sync_sources (source, cursor, last_run_at, last_success_at, next_run_at, last_error, "
      "failures, short_window_left, daily_left, imported) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q->bind_all(s.source, s.cursor, s.last_run_at, s.last_success_at, s.next_run_at, s.last_error, s.failures,
              s.short_window_left, s.daily_left, s.imported);
  q->run();
}

}  // namespace tendon
