#pragma once
// The one SQLite file that holds everything Tendon knows: athletes, shoes, activities with
// their source identities, alerts with their state, pain check-ins.
//
// Opening applies the numbered migrations compiled into the binary, all in one
// transaction; a database whose schema is newer than this binary knows is refused with a
// clear message instead of being touched. WAL, foreign keys and a busy timeout are on for
// every connection. Every mutating call is meant to run inside a Store::Transaction so
// that one import is one transaction: a failure leaves the file as it was.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/activity.h"
#include "core/alert.h"

namespace tendon {

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class AlertState { active, acknowledged, snoozed, withdrawn };
const char* to_string(AlertState s);
std::optional<AlertState> parse_alert_state(std::string_view text);

struct StoredAlert {
  std::int64_t id = 0;
  std::string athlete;
  Alert alert;
  AlertState state = AlertState::active;
  std::optional<Instant> snoozed_until;
  Instant raised_at = 0;
  Instant updated_at = 0;
  std::string activity_source_id;  // the subject activity's source id ("" for check-ins)
};

// Webhook deliveries (the outbox table; docs/delivery.md).
enum class DeliveryEvent { raised, updated, withdrawn };
const char* to_string(DeliveryEvent e);
std::optional<DeliveryEvent> parse_delivery_event(std::string_view text);
enum class DeliveryState { pending, sent, dropped };
const char* to_string(DeliveryState s);

struct OutboxRow {
  std::int64_t id = 0;
  std::string endpoint;
  std::int64_t alert_id = 0;
  DeliveryEvent event = DeliveryEvent::raised;
  // The alert when the row was queued, as a JSON object: id, athlete, kind, category,
  // severity, at (Unix seconds), message, advice, evidence, activity_id, activity, figures.
  std::string payload;
  std::string idempotency_key;  // the same on every attempt of this row
  DeliveryState state = DeliveryState::pending;
  int attempts = 0;
  std::int64_t next_attempt_at_ms = 0;
  std::string last_error;
};

// One platform sync source's position and last round (the sync_sources table; docs/sync.md).
struct SyncState {
  std::string source;                        // "strava"
  std::optional<std::string> cursor;         // nullopt: never synced (the next round backfills)
  std::optional<std::int64_t> last_run_at;   // Unix seconds the last round ended
  std::optional<std::int64_t> last_success_at;
  std::optional<std::int64_t> next_run_at;   // when the next round is due
  std::string last_error;                    // "" after a good round
  int failures = 0;                          // failed rounds in a row
  std::optional<std::int64_t> short_window_left;  // rate budget as last seen (-1: unknown)
  std::optional<std::int64_t> daily_left;
  std::int64_t imported = 0;                 // activities stored by sync, all rounds
};

struct AlertQuery {
  std::optional<std::string> athlete;
  bool include_withdrawn = false;
  bool include_acknowledged = true;
  std::optional<Severity> min_severity;
  std::optional<Instant> since;  // subject time at or after
};

class Store {
 public:
  static constexpr int kSchemaVersion = 4;

  // Opens (creating when missing, with its parent folders) and migrates. Throws StoreError
  // naming the file and the reason (unreadable, not a database, schema too new, ...).
  explicit Store(const std::filesystem::path& file);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::filesystem::path& path() const;
  int schema_version() const;

  // The clock that decides, when alerts are read, whether a snooze has run out. The
  // system clock unless set; tests and replays set their own.
  void set_clock(std::function<Instant()> now);

  // Called on this store's thread after each Store::Transaction commits (the webhook
  // worker is woken this way: what a commit queued is visible to its connection now).
  void on_commit(std::function<void()> listener);

  // RAII: rolls back unless commit() was called. Not nestable.
  class Transaction {
   public:
    explicit Transaction(Store& store);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

   private:
    Store& store_;
    bool done_ = false;
  };

  // --- athletes -----------------------------------------------------------------------
  // Inserts the athlete or updates its time zone; returns the athlete's row id.
  std::int64_t ensure_athlete(const std::string& name, const std::string& timezone);
  std::vector<std::string> athletes();
  // A fingerprint of what the athlete's stored alerts were judged with ("" until set).
  std::string judged_with(const std::string& athlete);
  void set_judged_with(const std::string& athlete, const std::string& fingerprint);

  // --- shoes --------------------------------------------------------------------------
  // Inserts or replaces (by athlete + name) every field of the shoe.
  void upsert_shoe(const std::string& athlete, const Shoe& shoe);
  std::vector<Shoe> shoes(const std::string& athlete);
  std::optional<Shoe> shoe(const std::string& athlete, const std::string& name);

  // --- activities ---------------------------------------------------------------------
  // The activity that a source identity (kind + source id) was stored under, if any.
  std::optional<std::int64_t> find_by_source(const std::string& athlete, SourceKind kind,
                                             const std::string& source_id);
  // Activities of the athlete starting within [start - within_s, start + within_s].
  std::vector<Activity> activities_near(const std::string& athlete, Instant start, std::int64_t within_s);
  // Stores a new activity (athlete must exist) and records its source identity; returns its id.
  std::int64_t insert_activity(const Activity& activity);
  // A richer source describes a stored run: its figures replace the stored ones (the id
  // stays) and its identity is recorded beside the old one.
  void replace_activity(std::int64_t id, const Activity& richer);
  // Records one more source identity for a stored activity (a poorer duplicate).
  void add_source(std::int64_t id, SourceKind kind, const std::string& source_id,
                  const std::string& source_name);
  // Removes an activity, its source identities and its alerts.
  void delete_activity(std::int64_t id);
  std::optional<Activity> activity(std::int64_t id);
  // The athlete's activities with from <= start < to, sorted by start then id.
  std::vector<Activity> activities(const std::string& athlete, Instant from = INT64_MIN,
                                   Instant to = INT64_MAX);

  // --- alerts -------------------------------------------------------------------------
  // Alerts that are not withdrawn: the detector engine's current conclusions.
  std::vector<Alert> live_alerts(const std::string& athlete);
  // New identity: stored active. Withdrawn identity: active again with the new figures.
  // Live identity: figures, message and severity updated, state (ack/snooze) kept.
  // Returns the alert's row id.
  std::int64_t upsert_alert(const std::string& athlete, const Alert& alert, Instant now);
  // Marks a live alert withdrawn (kept for history); false when there was none.
  bool withdraw_alert(const std::string& athlete, const AlertKey& key, Instant now);
  // Ordered by subject time (Alert::at), then id. A snoozed alert whose snoozed_until has
  // passed (<= the store's clock, see set_clock) is reported here and by alert_by_id as
  // active without snoozed_until; reading never rewrites the row.
  std::vector<StoredAlert> list_alerts(const AlertQuery& query);
  std::optional<StoredAlert> alert_by_id(std::int64_t id);
  // Acknowledge, snooze (until a time) or re-activate an alert; false when no such alert.
  // A withdrawn alert counts as none (its cause is gone; only a new upsert brings it
  // back). Snoozing needs snoozed_until (StoreError otherwise); other states clear it.
  bool set_alert_state(std::int64_t id, AlertState state, std::optional<Instant> snoozed_until, Instant now);

  // The row id of the alert with this identity (withdrawn or not), if stored.
  std::optional<std::int64_t> alert_id(const std::string& athlete, const AlertKey& key);

  // --- outbox (webhook deliveries) ----------------------------------------------------
  // Queues a delivery of the stored alert `alert_id`, as it is now, to `endpoint`; due at
  // once. Returns the row id.
  std::int64_t queue_delivery(const std::string& endpoint, std::int64_t alert_id, DeliveryEvent event, Instant now);
  // True when a raise of the alert was sent to the endpoint or is still pending for it.
  bool raise_delivered_or_pending(const std::string& endpoint, std::int64_t alert_id);
  // Pending rows of these endpoints due at now_ms, oldest first. A row waits while an
  // older pending row of the same endpoint and alert does, so a withdrawal never
  // overtakes its raise.
  std::vector<OutboxRow> due_deliveries(const std::vector<std::string>& endpoints, std::int64_t now_ms,
                                        std::size_t limit);
  // When the next pending row of these endpoints is due (ms since the epoch), if any.
  std::optional<std::int64_t> next_delivery_due_ms(const std::vector<std::string>& endpoints);
  // One attempt's outcome. Each counts the attempt.
  void mark_delivery_sent(std::int64_t id, Instant now);
  void schedule_delivery_retry(std::int64_t id, std::int64_t next_attempt_at_ms, const std::string& error);
  void drop_delivery(std::int64_t id, const std::string& reason);
  // Every row (any state), by id: for tests and diagnostics.
  std::vector<OutboxRow> outbox_rows();

  // --- platform sync ------------------------------------------------------------------
  std::optional<SyncState> sync_state(const std::string& source);
  std::vector<SyncState> sync_states();  // by source
  // Inserts or replaces every field.
  void save_sync_state(const SyncState& state);

  // --- check-ins ----------------------------------------------------------------------
  std::int64_t insert_checkin(const Checkin& checkin);
  std::vector<Checkin> checkins(const std::string& athlete);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tendon
