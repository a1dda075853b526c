#include "store/migrations.h"

#include <array>
#include <string>

#include "store/write_scope.h"

namespace tendon::store_detail {

namespace {

// NULL subjects would be distinct in a plain UNIQUE constraint, so alert identity is an
// expression index over ifnull(..., 0): the foreign keys stay real (an alert dies with its
// activity or check-in) and "no subject" still compares equal to itself.
constexpr std::string_view kSchema1 = R"sql(
CREATE TABLE athletes (
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL UNIQUE,
  timezone TEXT NOT NULL DEFAULT ''
);

CREATE TABLE shoes (
  id               INTEGER PRIMARY KEY,
  athlete_id       INTEGER NOT NULL REFERENCES athletes(id) ON DELETE CASCADE,
  name             TEXT NOT NULL,
  brand            TEXT NOT NULL DEFAULT '',
  model            TEXT NOT NULL DEFAULT '',
  drop_mm          REAL,
  start_distance_m REAL NOT NULL DEFAULT 0,
  worn_km          REAL,
  replace_km       REAL,
  retired          INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
  UNIQUE (athlete_id, name)
);

CREATE TABLE activities (
  id           INTEGER PRIMARY KEY,
  athlete_id   INTEGER NOT NULL REFERENCES athletes(id) ON DELETE CASCADE,
  start        INTEGER NOT NULL,
  utc_offset_s INTEGER,
  sport        TEXT NOT NULL,
  sub_sport    TEXT NOT NULL DEFAULT '',
  distance_m   REAL NOT NULL,
  elapsed_s    REAL,
  moving_s     REAL,
  ascent_m     REAL,
  avg_hr       REAL,
  shoe         TEXT,
  device       TEXT NOT NULL DEFAULT '',
  source_kind  INTEGER NOT NULL,
  source_id    TEXT NOT NULL,
  source_name  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX activities_athlete_start ON activities (athlete_id, start);

-- Every identity a run was seen under (the kept, richest one and the poorer duplicates),
-- so that re-importing any of them is recognised.
CREATE TABLE activity_sources (
  id          INTEGER PRIMARY KEY,
  athlete_id  INTEGER NOT NULL REFERENCES athletes(id) ON DELETE CASCADE,
  activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  source_kind INTEGER NOT NULL,
  source_id   TEXT NOT NULL,
  source_name TEXT NOT NULL DEFAULT '',
  UNIQUE (athlete_id, source_kind, source_id)
);
-- Without it every activity delete scans the table to cascade.
CREATE INDEX activity_sources_activity ON activity_sources (activity_id);

CREATE TABLE checkins (
  id          INTEGER PRIMARY KEY,
  athlete_id  INTEGER NOT NULL REFERENCES athletes(id) ON DELETE CASCADE,
  at          INTEGER NOT NULL,
  activity_id INTEGER REFERENCES activities(id) ON DELETE SET NULL,
  pain_during INTEGER CHECK (pain_during BETWEEN 0 AND 10),
  pain_after  INTEGER CHECK (pain_after BETWEEN 0 AND 10),
  morning     INTEGER CHECK (morning BETWEEN 0 AND 10)
);
CREATE INDEX checkins_athlete_at ON checkins (athlete_id, at);
CREATE INDEX checkins_activity ON checkins (activity_id);

CREATE TABLE alerts (
  id            INTEGER PRIMARY KEY,
  athlete_id    INTEGER NOT NULL REFERENCES athletes(id) ON DELETE CASCADE,
  activity_id   INTEGER REFERENCES activities(id) ON DELETE CASCADE,
  checkin_id    INTEGER REFERENCES checkins(id) ON DELETE CASCADE,
  kind          TEXT NOT NULL,
  category      TEXT NOT NULL DEFAULT '',
  severity      TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
  at            INTEGER NOT NULL,
  figures       TEXT NOT NULL DEFAULT '[]',
  message       TEXT NOT NULL DEFAULT '',
  advice        TEXT NOT NULL DEFAULT '',
  evidence      TEXT NOT NULL DEFAULT '',
  state         TEXT NOT NULL DEFAULT 'active'
                CHECK (state IN ('active', 'acknowledged', 'snoozed', 'withdrawn')),
  snoozed_until INTEGER,
  raised_at     INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
);
CREATE UNIQUE INDEX alerts_identity
  ON alerts (athlete_id, ifnull(activity_id, 0), ifnull(checkin_id, 0), kind, category);
CREATE INDEX alerts_athlete_at ON alerts (athlete_id, at);
CREATE INDEX alerts_activity ON alerts (activity_id);
CREATE INDEX alerts_checkin ON alerts (checkin_id);
)sql";

// What the stored alerts were judged with (thresholds, zone, shoe table), so a config
// change that alters a verdict is noticed and the history judged again.
constexpr std::string_view kSchema2 = R"sql(
ALTER TABLE athletes ADD COLUMN judged_with TEXT NOT NULL DEFAULT '';
)sql";

// Webhook deliveries (docs/delivery.md): one row per (endpoint, alert change), written in
// the transaction that changes the alert, so a crash can neither lose a delivery nor send
// one for an alert change that was rolled back. `payload` is the alert as it was then (the
// alert row may change or go before the row is sent). The idempotency key is random per
// row and never changes, so a receiver can tell a retry from a new delivery. alert_id has
// no foreign key: an outbox row outlives the alert it reports (a withdrawn activity).
constexpr std::string_view kSchema3 = R"sql(
CREATE TABLE outbox (
  id                 INTEGER PRIMARY KEY,
  endpoint           TEXT NOT NULL,
  alert_id           INTEGER NOT NULL,
  event              TEXT NOT NULL CHECK (event IN ('raised', 'updated', 'withdrawn')),
  payload            TEXT NOT NULL,
  idempotency_key    TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),
  state              TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'dropped')),
  attempts           INTEGER NOT NULL DEFAULT 0,
  next_attempt_at_ms INTEGER NOT NULL,
  last_error         TEXT NOT NULL DEFAULT '',
  created_at         INTEGER NOT NULL,
  sent_at            INTEGER
);
CREATE INDEX outbox_pending ON outbox (state, next_attempt_at_ms);
CREATE INDEX outbox_alert ON outbox (alert_id, endpoint);
)sql";

// Platform sync (docs/sync.md): per source, the position the next round starts from (the
// source's own text, committed after what it covers is stored, so a restart resumes
// there) and what `tendonctl sync status` shows of the last round.
constexpr std::string_view kSchema4 = R"sql(
CREATE TABLE sync_sources (
  source          TEXT PRIMARY KEY,
  cursor          TEXT,
  last_run_at     INTEGER,
  last_success_at INTEGER,
  next_run_at     INTEGER,
  last_error      TEXT NOT NULL DEFAULT '',
  failures        INTEGER NOT NULL DEFAULT 0,
  short_window_left INTEGER,
  daily_left      INTEGER,
  imported        INTEGER NOT NULL DEFAULT 0
);
)sql";

constexpr std::array kMigrations{
    Migration{1, kSchema1},
    Migration{2, kSchema2},
    Migration{3, kSchema3},
    Migration{4, kSchema4},
};

constexpr bool versions_are_consecutive() {
  for (std::size_t i = 0; i < kMigrations.size(); ++i) {
    if (kMigrations[i].version != static_cast<int>(i) + 1) return false;
  }
  return true;
}
static_assert(versions_are_consecutive(), "migrations are numbered 1, 2, 3, ... without gaps");
static_assert(kMigrations.back().version == Store::kSchemaVersion,
              "Store::kSchemaVersion must be the last migration's version");

std::int64_t pragma_int(sqlite::Database& db, std::string_view pragma) {
  sqlite::Statement statement(db, pragma);
  return statement.step() ? statement.int64(0) : 0;
}

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

int checked_schema_version(sqlite::Database& db) {
  // The first read of the file: this is where "file is not a database" surfaces.
  const auto version = pragma_int(db, "PRAGMA user_version");
  if (version > Store::kSchemaVersion) {
    db.fail_with("database schema version " + std::to_string(version) +
                 " is newer than this Tendon understands (" + std::to_string(Store::kSchemaVersion) +
                 "); upgrade Tendon");
  }
  if (version < 0) db.fail_with("database schema version " + std::to_string(version) + " is not valid");
  const auto application_id = pragma_int(db, "PRAGMA application_id");
  if (application_id != 0 && application_id != kApplicationId) {
    db.fail_with("not a Tendon database (it belongs to another program, application id " +
                 std::to_string(application_id) + ")");
  }
  if (version == 0 && pragma_int(db, "SELECT count(*) FROM sqlite_schema") != 0) {
    db.fail_with("not a Tendon database (it holds tables but no Tendon schema version)");
  }
  return static_cast<int>(version);
}

int migrate(sqlite::Database& db) {
  if (checked_schema_version(db) == Store::kSchemaVersion) return 0;
  sqlite::WriteScope scope(db);
  // Asked again under the write lock: another process may have migrated in between.
  const int current = checked_schema_version(db);
  int applied = 0;
  for (const auto& migration : kMigrations) {
    if (migration.version <= current) continue;
    try {
      db.exec(migration.sql);
    } catch (const sqlite::SqliteError& e) {
      throw sqlite::SqliteError(std::string(e.what()) + " (in schema migration " +
                                    std::to_string(migration.version) + ")",
                                e.code());
    }
    ++applied;
  }
  db.exec("PRAGMA application_id = " + std::to_string(kApplicationId) +
          "; PRAGMA user_version = " + std::to_string(Store::kSchemaVersion));
  scope.commit();
  return applied;
}

}  // namespace tendon::store_detail
