#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "store/store.h"
#include "store/store_impl.h"
#include "store/write_scope.h"

namespace tendon {

namespace {

constexpr const char* kActivityColumns =
    "SELECT a.id, ath.name, a.source_id, a.source_kind, a.source_name, a.start, a.utc_offset_s, a.sport, "
    "a.sub_sport, a.distance_m, a.elapsed_s, a.moving_s, a.ascent_m, a.avg_hr, a.shoe, a.device "
    "FROM activities a JOIN athletes ath ON ath.id = a.athlete_id ";

Activity read_activity(const sqlite::Database& db, const sqlite::Statement& row) {
  Activity a;
  a.id = row.int64(0);
  a.athlete = row.text(1);
  a.source_id = row.text(2);
  const auto kind = row.int64(3);
  if (kind < static_cast<int>(SourceKind::summary) || kind > static_cast<int>(SourceKind::fit)) {
    db.fail_with("activity " + std::to_string(a.id) + " has unknown source kind " + std::to_string(kind));
  }
  a.source_kind = static_cast<SourceKind>(kind);
  a.source_name = row.text(4);
  a.start = row.int64(5);
  if (auto offset = row.optional_int64(6)) {
    if (*offset < std::numeric_limits<std::int32_t>::min() || *offset > std::numeric_limits<std::int32_t>::max()) {
      db.fail_with("activity " + std::to_string(a.id) + " has an impossible UTC offset " + std::to_string(*offset));
    }
    a.utc_offset_s = static_cast<std::int32_t>(*offset);
  }
  a.sport = row.text(7);
  a.sub_sport = row.text(8);
  a.distance_m = row.real(9);
  a.elapsed_s = row.optional_real(10);
  a.moving_s = row.optional_real(11);
  a.ascent_m = row.optional_real(12);
  a.avg_hr = row.optional_real(13);
  a.shoe = row.optional_text(14);
  a.device = row.text(15);
  return a;
}

std::vector<Activity> read_activities(const sqlite::Database& db, sqlite::Statement& q) {
  std::vector<Activity> result;
  while (q.step()) result.push_back(read_activity(db, q));
  return result;
}

int kind_code(SourceKind kind) { return static_cast<int>(kind); }

// Files a source identity under an activity. Seeing the same identity for the same
// activity again is fine (re-import); seeing it for another activity means the caller's
// duplicate detection went wrong, which must not be papered over.
void record_source(sqlite::Database& db, std::int64_t athlete_id, std::int64_t activity_id, SourceKind kind,
                   const std::string& source_id, const std::string& source_name) {
  {
    auto q = db.cached(
        "SELECT activity_id FROM activity_sources WHERE athlete_id = ? AND source_kind = ? AND source_id = ?");
    q->bind_all(athlete_id, kind_code(kind), source_id);
    if (q->step()) {
      const auto owner = q->int64(0);
      if (owner == activity_id) return;
      db.fail_with(std::string("source ") + to_string(kind) + " \"" + source_id + "\" already belongs to activity " +
                   std::to_string(owner));
    }
  }
  auto q = db.cached(
      "INSERT INTO activity_sources (athlete_id, activity_id, source_kind, source_id, source_name) "
      "VALUES (?, ?, ?, ?, ?)");
  q->bind_all(athlete_id, activity_id, kind_code(kind), source_id, source_name);
  q->run();
}

// The owner of a stored activity; a missing activity is a StoreError.
std::int64_t owner_of(sqlite::Database& db, std::int64_t activity_id, std::string* athlete_name = nullptr) {
  auto q = db.cached(
      "SELECT a.athlete_id, ath.name FROM activities a JOIN athletes ath ON ath.id = a.athlete_id WHERE a.id = ?");
  q->bind_all(activity_id);
  if (!q->step()) db.fail_with("no activity " + std::to_string(activity_id));
  if (athlete_name) *athlete_name = q->text(1);
  return q->int64(0);
}

}  // namespace

std::optional<std::int64_t> Store::find_by_source(const std::string& athlete, SourceKind kind,
                                                  const std::string& source_id) {
  auto q = impl_->db->cached(
      "SELECT s.activity_id FROM activity_sources s JOIN athletes ath ON ath.id = s.athlete_id "
      "WHERE ath.name = ? AND s.source_kind = ? AND s.source_id = ?");
  q->bind_all(athlete, kind_code(kind), source_id);
  if (!q->step()) return std::nullopt;
  return q->int64(0);
}

std::vector<Activity> Store::activities_near(const std::string& athlete, Instant start, std::int64_t within_s) {
  if (within_s < 0) return {};
  constexpr auto kMin = std::numeric_limits<Instant>::min();
  constexpr auto kMax = std::numeric_limits<Instant>::max();
  const Instant from = start < kMin + within_s ? kMin : start - within_s;
  const Instant to = start > kMax - within_s ? kMax : start + within_s;
  auto q = impl_->db->cached(std::string(kActivityColumns) +
                             "WHERE ath.name = ? AND a.start BETWEEN ? AND ? ORDER BY a.start, a.id");
  q->bind_all(athlete, from, to);
  return read_activities(*impl_->db, *q);
}

std::int64_t Store::insert_activity(const Activity& activity) {
  auto& db = *impl_->db;
  const auto athlete_id = impl_->athlete_id(activity.athlete);
  sqlite::WriteScope scope(db);
  std::int64_t id = 0;
  {
    auto q = db.cached(
        "INSERT INTO activities (athlete_id, start, utc_offset_s, sport, sub_sport, distance_m, elapsed_s, "
        "moving_s, ascent_m, avg_hr, shoe, device, source_kind, source_id, source_name) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q->bind_all(athlete_id, activity.start, activity.utc_offset_s, activity.sport, activity.sub_sport,
                activity.distance_m, activity.elapsed_s, activity.moving_s, activity.ascent_m, activity.avg_hr,
                activity.shoe, activity.device, kind_code(activity.source_kind), activity.source_id,
                activity.source_name);
    q->run();
    id = db.last_insert_rowid();
  }
  record_source(db, athlete_id, id, activity.source_kind, activity.source_id, activity.source_name);
  scope.commit();
  return id;
}

void Store::replace_activity(std::int64_t id, const Activity& richer) {
  auto& db = *impl_->db;
  sqlite::WriteScope scope(db);
  std::string owner_name;
  const auto athlete_id = owner_of(db, id, &owner_name);
  if (richer.athlete != owner_name) {
    db.fail_with("activity " + std::to_string(id) + " belongs to \"" + owner_name + "\", not \"" + richer.athlete +
                 "\"");
  }
  {
    auto q = db.cached(
        "UPDATE activities SET start = ?, utc_offset_s = ?, sport = ?, sub_sport = ?, distance_m = ?, "
        "elapsed_s = ?, moving_s = ?, ascent_m = ?, avg_hr = ?, shoe = ?, device = ?, source_kind = ?, "
        "source_id = ?, source_name = ? WHERE id = ?");
    q->bind_all(richer.start, richer.utc_offset_s, richer.sport, richer.sub_sport, richer.distance_m,
                richer.elapsed_s, richer.moving_s, richer.ascent_m, richer.avg_hr, richer.shoe, richer.device,
                kind_code(richer.source_kind), richer.source_id, richer.source_name, id);
    q->run();
  }
  // The old identity stays in activity_sources, so re-importing the poorer file is still
  // recognised as this activity.
  record_source(db, athlete_id, id, richer.source_kind, richer.source_id, richer.source_name);
  scope.commit();
}

void Store::add_source(std::int64_t id, SourceKind kind, const std::string& source_id,
                       const std::string& source_name) {
  auto& db = *impl_->db;
  sqlite::WriteScope scope(db);
  record_source(db, owner_of(db, id), id, kind, source_id, source_name);
  scope.commit();
}

void Store::delete_activity(std::int64_t id) {
  // One statement: the foreign keys cascade to the sources and alerts (and unlink
  // check-ins) inside it, so no scope is needed to keep it atomic.
  auto q = impl_->db->cached("DELETE FROM activities WHERE id = ?");
  q->bind_all(id);
  q->run();
}

std::optional<Activity> Store::activity(std::int64_t id) {
  auto q = impl_->db->cached(std::string(kActivityColumns) + "WHERE a.id = ?");
  q->bind_all(id);
  if (!q->step()) return std::nullopt;
  return read_activity(*impl_->db, *q);
}

std::vector<Activity> Store::activities(const std::string& athlete, Instant from, Instant to) {
  auto q = impl_->db->cached(std::string(kActivityColumns) +
                             "WHERE ath.name = ? AND a.start >= ? AND a.start < ? ORDER BY a.start, a.id");
  q->bind_all(athlete, from, to);
  return read_activities(*impl_->db, *q);
}

}  // namespace tendon
