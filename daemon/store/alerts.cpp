#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/figures_json.h"
#include "store/store.h"
#include "store/store_impl.h"
#include "store/write_scope.h"

namespace tendon {

namespace {

constexpr const char* kAlertColumns =
    "SELECT al.id, ath.name, al.activity_id, al.checkin_id, al.at, al.kind, al.category, al.severity, "
    "al.figures, al.message, al.advice, al.evidence, al.state, al.snoozed_until, al.raised_at, al.updated_at, "
    "ifnull(act.source_id, '') "
    "FROM alerts al JOIN athletes ath ON ath.id = al.athlete_id "
    "LEFT JOIN activities act ON act.id = al.activity_id ";

// The store keeps "no subject" as NULL so that the foreign keys hold; core says 0.
std::optional<std::int64_t> subject_column(std::int64_t id) {
  if (id == 0) return std::nullopt;
  return id;
}

StoredAlert read_alert(const sqlite::Database& db, const sqlite::Statement& row, Instant now) {
  StoredAlert s;
  s.id = row.int64(0);
  const auto where = [&s] { return "alert " + std::to_string(s.id) + ": "; };
  s.athlete = row.text(1);
  Alert& a = s.alert;
  a.subject.activity_id = row.int64(2);  // NULL reads as 0
  a.subject.checkin_id = row.int64(3);
  a.at = row.int64(4);
  const auto kind = parse_alert_kind(row.text(5));
  if (!kind) db.fail_with(where() + "unknown kind \"" + row.text(5) + "\"");
  a.kind = *kind;
  a.category = row.text(6);
  const auto severity = parse_severity(row.text(7));
  if (!severity) db.fail_with(where() + "unknown severity \"" + row.text(7) + "\"");
  a.severity = *severity;
  try {
    a.figures = store_detail::decode_figures(row.text(8));
  } catch (const StoreError& e) {
    db.fail_with(where() + e.what());
  }
  a.message = row.text(9);
  a.advice = row.text(10);
  a.evidence = row.text(11);
  const auto state = parse_alert_state(row.text(12));
  if (!state) db.fail_with(where() + "unknown state \"" + row.text(12) + "\"");
  s.state = *state;
  s.snoozed_until = row.optional_int64(13);
  s.raised_at = row.int64(14);
  s.updated_at = row.int64(15);
  s.activity_source_id = row.text(16);
  // Snooze expiry is judged when read, so no timer has to rewrite rows and a clock that
  // jumps (suspend, NTP) is never more than one read out of date.
  if (s.state == AlertState::snoozed && s.snoozed_until && *s.snoozed_until <= now) {
    s.state = AlertState::active;
    s.snoozed_until.reset();
  }
  return s;
}

}  // namespace

std::vector<Alert> Store::live_alerts(const std::string& athlete) {
  auto q = impl_->db->cached(std::string(kAlertColumns) +
                             "WHERE ath.name = ? AND al.state <> 'withdrawn' ORDER BY al.at, al.id");
  q->bind_all(athlete);
  std::vector<Alert> result;
  const Instant now = impl_->clock();
  while (q->step()) result.push_back(read_alert(*impl_->db, *q, now).alert);
  return result;
}

std::int64_t Store::upsert_alert(const std::string& athlete, const Alert& alert, Instant now) {
  auto& db = *impl_->db;
  const auto athlete_id = impl_->athlete_id(athlete);
  const std::string figures = store_detail::encode_figures(alert.figures);
  const auto activity_id = subject_column(alert.subject.activity_id);
  const auto checkin_id = subject_column(alert.subject.checkin_id);
  sqlite::WriteScope scope(db);

  std::optional<std::int64_t> id;
  bool withdrawn = false;
  bool same = false;
  {
    // The WHERE repeats the identity index's expressions so SQLite can use it.
    auto q = db.cached(
        "SELECT id, state, severity, at, figures, message, advice, evidence FROM alerts "
        "WHERE athlete_id = ? AND ifnull(activity_id, 0) = ? AND ifnull(checkin_id, 0) = ? AND kind = ? "
        "AND category = ?");
    q->bind_all(athlete_id, alert.subject.activity_id, alert.subject.checkin_id, to_string(alert.kind),
                alert.category);
    if (q->step()) {
      id = q->int64(0);
      withdrawn = q->text(1) == to_string(AlertState::withdrawn);
      same = q->text(2) == to_string(alert.severity) && q->int64(3) == alert.at && q->text(4) == figures &&
             q->text(5) == alert.message && q->text(6) == alert.advice && q->text(7) == alert.evidence;
    }
  }

  if (!id) {
    auto q = db.cached(
        "INSERT INTO alerts (athlete_id, activity_id, checkin_id, kind, category, severity, at, figures, message, "
        "advice, evidence, state, snoozed_until, raised_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', NULL, ?, ?)");
    q->bind_all(athlete_id, activity_id, checkin_id, to_string(alert.kind), alert.category,
                to_string(alert.severity), alert.at, figures, alert.message, alert.advice, alert.evidence, now, now);
    q->run();
    id = db.last_insert_rowid();
  } else if (withdrawn) {
    // Its cause is back: a new raise as far as the runner is concerned, so an earlier
    // acknowledgement or snooze does not carry over.
    auto q = db.cached(
        "UPDATE alerts SET severity = ?, at = ?, figures = ?, message = ?, advice = ?, evidence = ?, "
        "state = 'active', snoozed_until = NULL, raised_at = ?, updated_at = ? WHERE id = ?");
    q->bind_all(to_string(alert.severity), alert.at, figures, alert.message, alert.advice, alert.evidence, now, now,
                *id);
    q->run();
  } else if (!same) {
    auto q = db.cached(
        "UPDATE alerts SET severity = ?, at = ?, figures = ?, message = ?, advice = ?, evidence = ?, "
        "updated_at = ? WHERE id = ?");
    q->bind_all(to_string(alert.severity), alert.at, figures, alert.message, alert.advice, alert.evidence, now,
                *id);
    q->run();
  }
  scope.commit();
  return *id;
}

bool Store::withdraw_alert(const std::string& athlete, const AlertKey& key, Instant now) {
  auto& db = *impl_->db;
  auto q = db.cached(
      "UPDATE alerts SET state = 'withdrawn', snoozed_until = NULL, updated_at = ? "
      "WHERE athlete_id = (SELECT id FROM athletes WHERE name = ?) AND ifnull(activity_id, 0) = ? "
      "AND ifnull(checkin_id, 0) = ? AND kind = ? AND category = ? AND state <> 'withdrawn'");
  q->bind_all(now, athlete, key.subject.activity_id, key.subject.checkin_id, to_string(key.kind), key.category);
  q->run();
  return db.changes() > 0;
}

std::optional<std::int64_t> Store::alert_id(const std::string& athlete, const AlertKey& key) {
  auto q = impl_->db->cached(
      "SELECT id FROM alerts WHERE athlete_id = (SELECT id FROM athletes WHERE name = ?) "
      "AND ifnull(activity_id, 0) = ? AND ifnull(checkin_id, 0) = ? AND kind = ? AND category = ?");
  q->bind_all(athlete, key.subject.activity_id, key.subject.checkin_id, to_string(key.kind), key.category);
  if (!q->step()) return std::nullopt;
  return q->int64(0);
}

std::vector<StoredAlert> Store::list_alerts(const AlertQuery& query) {
  auto q = impl_->db->cached(
      std::string(kAlertColumns) +
      "WHERE (?1 IS NULL OR ath.name = ?1) "
      "AND (?2 OR al.state <> 'withdrawn') "
      "AND (?3 OR al.state <> 'acknowledged') "
      "AND (?4 IS NULL OR (CASE al.severity WHEN 'critical' THEN 2 WHEN 'warning' THEN 1 ELSE 0 END) >= ?4) "
      "AND (?5 IS NULL OR al.at >= ?5) "
      "ORDER BY al.at, al.id");
  std::optional<int> min_severity;
  if (query.min_severity) min_severity = static_cast<int>(*query.min_severity);
  q->bind_all(query.athlete, query.include_withdrawn, query.include_acknowledged, min_severity, query.since);
  std::vector<StoredAlert> result;
  const Instant now = impl_->clock();
  while (q->step()) result.push_back(read_alert(*impl_->db, *q, now));
  return result;
}

std::optional<StoredAlert> Store::alert_by_id(std::int64_t id) {
  auto q = impl_->db->cached(std::string(kAlertColumns) + "WHERE al.id = ?");
  q->bind_all(id);
  if (!q->step()) return std::nullopt;
  return read_alert(*impl_->db, *q, impl_->clock());
}

bool Store::set_alert_state(std::int64_t id, AlertState state, std::optional<Instant> snoozed_until, Instant now) {
  auto& db = *impl_->db;
  if (state == AlertState::snoozed && !snoozed_until) {
    db.fail_with("snoozing alert " + std::to_string(id) + " needs an end time");
  }
  if (state != AlertState::snoozed) snoozed_until.reset();
  auto q = db.cached("UPDATE alerts SET state = ?, snoozed_until = ?, updated_at = ? WHERE id = ? AND state <> 'withdrawn'");
  q->bind_all(to_string(state), snoozed_until, now, id);
  q->run();
  return db.changes() > 0;
}

}  // namespace tendon
