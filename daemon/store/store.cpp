#include "store/store.h"

#include <chrono>

#include "store/connection.h"
#include "store/migrations.h"
#include "store/store_impl.h"

namespace tendon {

const char* to_string(AlertState s) {
  switch (s) {
    case AlertState::active: return "active";
    case AlertState::acknowledged: return "acknowledged";
    case AlertState::snoozed: return "snoozed";
    case AlertState::withdrawn: return "withdrawn";
  }
  return "active";
}

std::optional<AlertState> parse_alert_state(std::string_view text) {
  for (auto s : {AlertState::active, AlertState::acknowledged, AlertState::snoozed, AlertState::withdrawn}) {
    if (text == to_string(s)) return s;
  }
  return std::nullopt;
}

namespace {

Instant system_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

// --- Impl ------------------------------------------------------------------------------

std::optional<std::int64_t> Store::Impl::find_athlete(const std::string& name) {
  auto q = db->cached("SELECT id FROM athletes WHERE name = ?");
  q->bind_all(name);
  if (!q->step()) return std::nullopt;
  return q->int64(0);
}

std::int64_t Store::Impl::athlete_id(const std::string& name) {
  if (auto id = find_athlete(name)) return *id;
  db->fail_with("unknown athlete \"" + name + "\"");
}

// --- Store -----------------------------------------------------------------------------

Store::Store(const std::filesystem::path& file) : impl_(std::make_unique<Impl>()) {
  impl_->file = file;
  impl_->db = store_detail::open_connection(file);
  store_detail::migrate(*impl_->db);
  impl_->schema_version = store_detail::checked_schema_version(*impl_->db);
  impl_->clock = system_now;
}

Store::~Store() = default;

const std::filesystem::path& Store::path() const { return impl_->file; }

int Store::schema_version() const { return impl_->schema_version; }

void Store::on_commit(std::function<void()> listener) { impl_->commit_listener = std::move(listener); }

void Store::set_clock(std::function<Instant()> now) { impl_->clock = now ? std::move(now) : system_now; }

// --- Transaction -----------------------------------------------------------------------

Store::Transaction::Transaction(Store& store) : store_(store) {
  // IMMEDIATE takes the write lock now, so a competing writer is waited for (busy timeout)
  // here rather than failing the import half-way when its first write needs the lock.
  // A second Transaction while one is open fails here: SQLite does not nest BEGIN.
  store_.impl_->db->exec("BEGIN IMMEDIATE");
}

Store::Transaction::~Transaction() {
  if (done_) return;
  auto& db = *store_.impl_->db;
  if (!db.in_transaction()) return;  // SQLite already rolled back after a hard error
  try {
    db.exec("ROLLBACK");
  } catch (const StoreError&) {
    // Destructors must not throw; an unfinished transaction is discarded on close anyway.
  }
}

void Store::Transaction::commit() {
  if (done_) throw StoreError(store_.path().string() + ": transaction committed twice");
  store_.impl_->db->exec("COMMIT");
  done_ = true;
  if (store_.impl_->commit_listener) store_.impl_->commit_listener();
}

// --- athletes --------------------------------------------------------------------------

std::int64_t Store::ensure_athlete(const std::string& name, const std::string& timezone) {
  auto q = impl_->db->cached(
      "INSERT INTO athletes (name, timezone) VALUES (?, ?) "
      "ON CONFLICT (name) DO UPDATE SET timezone = excluded.timezone RETURNING id");
  q->bind_all(name, timezone);
  if (!q->step()) impl_->db->fail_with("storing athlete \"" + name + "\" returned no id");
  return q->int64(0);
}

std::vector<std::string> Store::athletes() {
  auto q = impl_->db->cached("SELECT name FROM athletes ORDER BY name");
  std::vector<std::string> names;
  while (q->step()) names.push_back(q->text(0));
  return names;
}

std::string Store::judged_with(const std::string& athlete) {
  auto q = impl_->db->cached("SELECT judged_with FROM athletes WHERE name = ?");
  q->bind_all(athlete);
  return q->step() ? q->text(0) : std::string();
}

void Store::set_judged_with(const std::string& athlete, const std::string& fingerprint) {
  auto q = impl_->db->cached("UPDATE athletes SET judged_with = ? WHERE id = ?");
  q->bind_all(fingerprint, impl_->athlete_id(athlete));
  q->step();
}

}  // namespace tendon
