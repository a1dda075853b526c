#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/store.h"
#include "store/store_impl.h"

namespace tendon {

namespace {

std::optional<int> pain_column(const sqlite::Database& db, const sqlite::Statement& row, int column,
                               std::int64_t id) {
  const auto value = row.optional_int64(column);
  if (!value) return std::nullopt;
  // The schema's CHECK keeps 0..10; a value outside means the file was edited by hand.
  if (*value < 0 || *value > 10) {
    db.fail_with("check-in " + std::to_string(id) + " has pain " + std::to_string(*value) + " outside 0..10");
  }
  return static_cast<int>(*value);
}

}  // namespace

std::int64_t Store::insert_checkin(const Checkin& checkin) {
  auto& db = *impl_->db;
  const auto athlete_id = impl_->athlete_id(checkin.athlete);
  auto q = db.cached(
      "INSERT INTO checkins (athlete_id, at, activity_id, pain_during, pain_after, morning) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  q->bind_all(athlete_id, checkin.at, checkin.activity_id, checkin.pain_during, checkin.pain_after, checkin.morning);
  q->run();
  return db.last_insert_rowid();
}

std::vector<Checkin> Store::checkins(const std::string& athlete) {
  auto& db = *impl_->db;
  auto q = db.cached(
      "SELECT c.id, ath.name, c.at, c.activity_id, c.pain_during, c.pain_after, c.morning "
      "FROM checkins c JOIN athletes ath ON ath.id = c.athlete_id WHERE ath.name = ? ORDER BY c.at, c.id");
  q->bind_all(athlete);
  std::vector<Checkin> result;
  while (q->step()) {
    Checkin c;
    c.id = q->int64(0);
    c.athlete = q->text(1);
    c.at = q->int64(2);
    c.activity_id = q->optional_int64(3);
    c.pain_during = pain_column(db, *q, 4, c.id);
    c.pain_after = pain_column(db, *q, 5, c.id);
    c.morning = pain_column(db, *q, 6, c.id);
    result.push_back(std::move(c));
  }
  return result;
}

}  // namespace tendon
