// Which alert changes become outbox rows (save_alert_diff, in the alert's transaction), and
// the schema 2 -> 3 migration of an existing file.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "core/engine.h"
#include "ingest/athlete_engine.h"
#include "store/migrations.h"
#include "webhook_fixture.h"

namespace tendon::test {
namespace {

constexpr Instant kHour = 3600;

Config config_with(std::vector<std::pair<std::string, Severity>> endpoints) {
  Config c;
  for (const auto& [name, severity] : endpoints) {
    WebhookConfig w;
    w.name = name;
    w.url = "http://127.0.0.1:9/" + name;
    w.min_severity = severity;
    c.webhooks.push_back(w);
  }
  return c;
}

AlertDiff raised(const Alert& a) {
  AlertDiff d;
  d.raised.push_back(a);
  return d;
}
AlertDiff updated(const Alert& a) {
  AlertDiff d;
  d.updated.push_back(a);
  return d;
}
AlertDiff withdrawn(const Alert& a) {
  AlertDiff d;
  d.withdrawn.push_back(a);
  return d;
}

class OutboxQueue : public OutboxFixture {
 protected:
  void save(const Config& config, AlertDiff diff) {
    Store::Transaction tx(store());
    save_alert_diff(store(), config, "anna", diff, wall_now());
    tx.commit();
  }
  std::vector<std::string> rows_text() {
    std::vector<std::string> text;
    for (const auto& r : store().outbox_rows()) text.push_back(r.endpoint + " " + to_string(r.event));
    return text;
  }
};

TEST_F(OutboxQueue, ARecentRaiseIsQueuedPerEndpointAllowingItsSeverity) {
  const Config config = config_with({{"all", Severity::info}, {"loud", Severity::critical}});
  save(config, raised(stored_alert(2 * kHour)));
  EXPECT_EQ(rows_text(), (std::vector<std::string>{"all raised"}));
  const auto row = store().outbox_rows().at(0);
  EXPECT_EQ(row.state, DeliveryState::pending);
  EXPECT_EQ(row.attempts, 0);
  EXPECT_EQ(row.idempotency_key.size(), 32u);
  EXPECT_NE(row.payload.find("\"athlete\":\"anna\""), std::string::npos) << row.payload;
  EXPECT_NE(row.payload.find("\"message\":\"Long run spike"), std::string::npos) << row.payload;
}

TEST_F(OutboxQueue, OldRunsAndLowSeveritiesAreNeverQueued) {
  const Config config = config_with({{"hook", Severity::warning}});
  save(config, raised(stored_alert(73 * kHour, Severity::critical, "old")));
  save(config, raised(stored_alert(kHour, Severity::info, "mild")));
  EXPECT_TRUE(store().outbox_rows().empty());
}

TEST_F(OutboxQueue, PushMaxAgeHoursNarrowsTheWindow) {
  Config config = config_with({{"hook", Severity::warning}});
  config.push_max_age_hours = 24;
  save(config, raised(stored_alert(30 * kHour, Severity::critical, "day-and-a-bit")));
  EXPECT_TRUE(store().outbox_rows().empty());
  save(config, raised(stored_alert(10 * kHour, Severity::critical, "this-morning")));
  EXPECT_EQ(rows_text(), (std::vector<std::string>{"hook raised"}));
}

TEST_F(OutboxQueue, UpdatesAndWithdrawalsFollowOnlyARaiseTheEndpointGot) {
  const Config config = config_with({{"warn", Severity::warning}, {"crit", Severity::critical}});
  Alert alert = stored_alert(kHour, Severity::warning);
  save(config, raised(alert));
  alert.message += " (again)";
  save(config, updated(alert));
  save(config, withdrawn(alert));
  EXPECT_EQ(rows_text(), (std::vector<std::string>{"warn raised", "warn updated", "warn withdrawn"}));
  const auto ids = store().outbox_rows();
  EXPECT_NE(ids[0].idempotency_key, ids[1].idempotency_key);
}

TEST_F(OutboxQueue, AnUpdateThatFirstReachesAnEndpointIsARaiseThere) {
  const Config config = config_with({{"crit", Severity::critical}});
  Alert alert = stored_alert(kHour, Severity::warning);
  save(config, raised(alert));
  alert.severity = Severity::critical;
  save(config, updated(alert));
  EXPECT_EQ(rows_text(), (std::vector<std::string>{"crit raised"}));
}

TEST_F(OutboxQueue, ARolledBackChangeQueuesNothing) {
  const Config config = config_with({{"hook", Severity::info}});
  {
    Store::Transaction tx(store());
    save_alert_diff(store(), config, "anna", raised(stored_alert(kHour)), wall_now());
  }
  EXPECT_TRUE(store().outbox_rows().empty());
}

TEST_F(OutboxQueue, AWithdrawalNeverOvertakesItsPendingRaise) {
  const Config config = config_with({{"hook", Severity::info}});
  Alert alert = stored_alert(kHour);
  save(config, raised(alert));
  save(config, withdrawn(alert));
  const auto rows = store().outbox_rows();
  ASSERT_EQ(rows.size(), 2u);
  store().schedule_delivery_retry(rows[0].id, 0, "HTTP 500");  // the raise failed once, due again
  auto due = store().due_deliveries({"hook"}, 1, 10);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].event, DeliveryEvent::raised);
  store().mark_delivery_sent(rows[0].id, wall_now());
  due = store().due_deliveries({"hook"}, wall_now() * 1000, 10);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].event, DeliveryEvent::withdrawn);
  EXPECT_TRUE(store().due_deliveries({"other"}, wall_now() * 1000, 10).empty()) << "only configured endpoints";
}

// A file as the previous release left it (schema 2, with an alert) is upgraded in place.
TEST(OutboxMigration, UpgradesASchemaTwoDatabaseInPlace) {
  testing::TempDir dir;
  const auto file = dir.path() / "old.db";
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
    std::string sql;
    for (const auto& m : store_detail::migrations()) {
      if (m.version <= 2) sql += std::string(m.sql);
    }
    sql += "PRAGMA application_id = " + std::to_string(store_detail::kApplicationId) + "; PRAGMA user_version = 2;"
           "INSERT INTO athletes (name) VALUES ('anna');"
           "INSERT INTO alerts (athlete_id, kind, severity, at, raised_at, updated_at) VALUES (1, 'pain', 'warning', 5, 5, 5);";
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
  }
  Store store(file);
  EXPECT_EQ(store.schema_version(), Store::kSchemaVersion);
  EXPECT_EQ(store.list_alerts({}).size(), 1u) << "the data stays";
  Store::Transaction tx(store);
  store.queue_delivery("hook", store.list_alerts({}).at(0).id, DeliveryEvent::raised, 10);
  tx.commit();
  EXPECT_EQ(store.outbox_rows().size(), 1u);
}

}  // namespace
}  // namespace tendon::test
