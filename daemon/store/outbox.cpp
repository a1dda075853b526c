// The outbox table: webhook deliveries waiting, sent or dropped (store.h, docs/delivery.md).
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "store/store.h"
#include "store/store_impl.h"

namespace tendon {

namespace {

// The endpoint names as a JSON array, so one statement can take any number of them
// (json_each) without building SQL text from config values.
std::string json_names(const std::vector<std::string>& names) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartArray();
  for (const auto& n : names) w.String(n.c_str(), static_cast<rapidjson::SizeType>(n.size()));
  w.EndArray();
  return buffer.GetString();
}

constexpr const char* kOutboxColumns =
    "SELECT id, endpoint, alert_id, event, payload, idempotency_key, state, attempts, next_attempt_at_ms, "
    "last_error FROM outbox o ";

OutboxRow read_row(const sqlite::Database& db, const sqlite::Statement& q) {
  OutboxRow row;
  row.id = q.int64(0);
  row.endpoint = q.text(1);
  row.alert_id = q.int64(2);
  const auto event = parse_delivery_event(q.text(3));
  if (!event) db.fail_with("outbox row " + std::to_string(row.id) + ": unknown event \"" + q.text(3) + "\"");
  row.event = *event;
  row.payload = q.text(4);
  row.idempotency_key = q.text(5);
  const std::string state = q.text(6);
  row.state = state == "sent" ? DeliveryState::sent : state == "dropped" ? DeliveryState::dropped : DeliveryState::pending;
  row.attempts = static_cast<int>(q.int64(7));
  row.next_attempt_at_ms = q.int64(8);
  row.last_error = q.text(9);
  return row;
}

}  // namespace

const char* to_string(DeliveryEvent e) {
  switch (e) {
    case DeliveryEvent::raised: return "raised";
    case DeliveryEvent::updated: return "updated";
    case DeliveryEvent::withdrawn: return "withdrawn";
  }
  return "raised";
}

std::optional<DeliveryEvent> parse_delivery_event(std::string_view text) {
  for (auto e : {DeliveryEvent::raised, DeliveryEvent::updated, DeliveryEvent::withdrawn}) {
    if (text == to_string(e)) return e;
  }
  return std::nullopt;
}

const char* to_string(DeliveryState s) {
  switch (s) {
    case DeliveryState::pending: return "pending";
    case DeliveryState::sent: return "sent";
    case DeliveryState::dropped: return "dropped";
  }
  return "pending";
}

std::int64_t Store::queue_delivery(const std::string& endpoint, std::int64_t alert_id, DeliveryEvent event,
                                   Instant now) {
  auto& db = *impl_->db;
  // Figures with NaN or infinities are not valid JSON for SQLite; the payload then goes
  // without them rather than failing the import.
  auto q = db.cached(
      "INSERT INTO outbox (endpoint, alert_id, event, payload, next_attempt_at_ms, created_at) "
      "SELECT ?1, al.id, ?2, json_object('id', al.id, 'athlete', ath.name, 'kind', al.kind, "
      "'category', al.category, 'severity', al.severity, 'at', al.at, 'message', al.message, "
      "'advice', al.advice, 'evidence', al.evidence, 'activity_id', ifnull(al.activity_id, 0), "
      "'activity', ifnull(act.source_id, ''), "
      "'figures', json(CASE WHEN json_valid(al.figures) THEN al.figures ELSE '[]' END)), ?3 * 1000, ?3 "
      "FROM alerts al JOIN athletes ath ON ath.id = al.athlete_id "
      "LEFT JOIN activities act ON act.id = al.activity_id WHERE al.id = ?4");
  q->bind_all(endpoint, to_string(event), now, alert_id);
  q->run();
  if (db.changes() == 0) db.fail_with("queueing a delivery of alert " + std::to_string(alert_id) + ": no such alert");
  return db.last_insert_rowid();
}

bool Store::raise_delivered_or_pending(const std::string& endpoint, std::int64_t alert_id) {
  auto q = impl_->db->cached(
      "SELECT 1 FROM outbox WHERE alert_id = ? AND endpoint = ? AND event = 'raised' AND state <> 'dropped' LIMIT 1");
  q->bind_all(alert_id, endpoint);
  return q->step();
}

std::vector<OutboxRow> Store::due_deliveries(const std::vector<std::string>& endpoints, std::int64_t now_ms,
                                             std::size_t limit) {
  auto q = impl_->db->cached(
      std::string(kOutboxColumns) +
      "WHERE o.state = 'pending' AND o.next_attempt_at_ms <= ?2 "
      "AND o.endpoint IN (SELECT value FROM json_each(?1)) "
      "AND NOT EXISTS (SELECT 1 FROM outbox older WHERE older.alert_id = o.alert_id "
      "AND older.endpoint = o.endpoint AND older.state = 'pending' AND older.id < o.id) "
      "ORDER BY o.id LIMIT ?3");
  q->bind_all(json_names(endpoints), now_ms, static_cast<std::int64_t>(limit));
  std::vector<OutboxRow> rows;
  while (q->step()) rows.push_back(read_row(*impl_->db, *q));
  return rows;
}

std::optional<std::int64_t> Store::next_delivery_due_ms(const std::vector<std::string>& endpoints) {
  auto q = impl_->db->cached(
      "SELECT min(next_attempt_at_ms) FROM outbox WHERE state = 'pending' "
      "AND endpoint IN (SELECT value FROM json_each(?1))");
  q->bind_all(json_names(endpoints));
  if (!q->step()) return std::nullopt;
  return q->optional_int64(0);
}

void Store::mark_delivery_sent(std::int64_t id, Instant now) {
  auto q = impl_->db->cached(
      "UPDATE outbox SET state = 'sent', attempts = attempts + 1, sent_at = ?, last_error = '' WHERE id = ?");
  q->bind_all(now, id);
  q->run();
}

void Store::schedule_delivery_retry(std::int64_t id, std::int64_t next_attempt_at_ms, const std::string& error) {
  auto q = impl_->db->cached(
      "UPDATE outbox SET attempts = attempts + 1, next_attempt_at_ms = ?, last_error = ? "
      "WHERE id = ? AND state = 'pending'");
  q->bind_all(next_attempt_at_ms, error, id);
  q->run();
}

void Store::drop_delivery(std::int64_t id, const std::string& reason) {
  auto q = impl_->db->cached(
      "UPDATE outbox SET state = 'dropped', attempts = attempts + 1, last_error = ? WHERE id = ? AND state = 'pending'");
  q->bind_all(reason, id);
  q->run();
}

std::vector<OutboxRow> Store::outbox_rows() {
  auto q = impl_->db->cached(std::string(kOutboxColumns) + "ORDER BY o.id");
  std::vector<OutboxRow> rows;
  while (q->step()) rows.push_back(read_row(*impl_->db, *q));
  return rows;
}

}  // namespace tendon
