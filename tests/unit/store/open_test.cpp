// Opening a file: migration, the refusals that leave a file untouched, connection settings.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "store/connection.h"
#include "store/migrations.h"
#include "store/sqlite_handle.h"
#include "store/store.h"
#include "store_test_support.h"

namespace tendon::test {
namespace {

using ::testing::HasSubstr;

std::string open_error(const std::filesystem::path& file) {
  try {
    Store store(file);
  } catch (const StoreError& e) {
    return e.what();
  }
  return "(opened without error)";
}

TEST(StoreOpen, MigrationCreatesSchemaAndSetsVersion) {
  TempDir dir;
  const auto file = dir.path() / "tendon.db";
  {
    Store store(file);
    EXPECT_EQ(store.schema_version(), Store::kSchemaVersion);
    EXPECT_EQ(store.path(), file);
  }
  RawDb raw(file);
  EXPECT_EQ(raw.integer("PRAGMA user_version"), Store::kSchemaVersion);
  EXPECT_EQ(raw.integer("PRAGMA application_id"), store_detail::kApplicationId);
  for (const char* table : {"athletes", "shoes", "activities", "activity_sources", "alerts", "checkins"}) {
    EXPECT_EQ(raw.integer(std::string("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '") +
                          table + "'"),
              1)
        << table;
  }
  EXPECT_EQ(raw.integer("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'alerts_identity'"), 1);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = "
                        "'activities_athlete_start'"),
            1);
}

TEST(StoreOpen, CreatesParentFolders) {
  TempDir dir;
  const auto file = dir.path() / "state" / "tendon" / "tendon.db";
  Store store(file);
  EXPECT_TRUE(std::filesystem::exists(file));
}

TEST(StoreOpen, ReopeningDoesNotRerunMigrations) {
  TempDir dir;
  const auto file = dir.path() / "tendon.db";
  {
    auto db = store_detail::open_connection(file);
    EXPECT_EQ(store_detail::migrate(*db), static_cast<int>(store_detail::migrations().size()));
    EXPECT_EQ(store_detail::migrate(*db), 0);
  }
  {
    Store store(file);
    store.ensure_athlete("ana", "UTC");
  }
  {
    auto db = store_detail::open_connection(file);
    EXPECT_EQ(store_detail::migrate(*db), 0);
  }
  Store store(file);
  EXPECT_EQ(store.athletes(), std::vector<std::string>{"ana"});
}

TEST(StoreOpen, NewerSchemaIsRefusedAndLeftByteIdentical) {
  TempDir dir;
  const auto file = dir.path() / "future.db";
  {
    RawDb raw(file);
    raw.exec("CREATE TABLE athletes (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO athletes (name) VALUES ('ana');");
    raw.exec("PRAGMA application_id = " + std::to_string(store_detail::kApplicationId));
    raw.exec("PRAGMA user_version = 7");
  }
  const std::string before = read_bytes(file);
  ASSERT_FALSE(before.empty());

  const std::string message = open_error(file);
  EXPECT_THAT(message, HasSubstr(file.string() + ": database schema version 7 is newer than this Tendon understands (" +
                                 std::to_string(Store::kSchemaVersion) + "); upgrade Tendon"));
  EXPECT_EQ(read_bytes(file), before);
  EXPECT_FALSE(std::filesystem::exists(file.string() + "-wal"));
  EXPECT_FALSE(std::filesystem::exists(file.string() + "-journal"));
}

TEST(StoreOpen, NonDatabaseFileIsRefusedWithItsPath) {
  TempDir dir;
  const auto file = dir.path() / "notes.db";
  std::string text;
  for (int i = 0; i < 100; ++i) text += "this is a plain text file, not a database\n";
  write_bytes(file, text);

  const std::string message = open_error(file);
  EXPECT_THAT(message, HasSubstr(file.string()));
  EXPECT_THAT(message, HasSubstr("not a database"));
  EXPECT_EQ(read_bytes(file), text);
}

TEST(StoreOpen, ShortNonDatabaseFileIsRefused) {
  TempDir dir;
  const auto file = dir.path() / "short.db";
  write_bytes(file, "hello");
  const std::string message = open_error(file);
  EXPECT_THAT(message, HasSubstr(file.string()));
  EXPECT_EQ(read_bytes(file), "hello");
}

TEST(StoreOpen, OtherProgramsDatabaseIsRefusedUntouched) {
  TempDir dir;
  const auto file = dir.path() / "other.db";
  {
    RawDb raw(file);
    raw.exec("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)");
  }
  const std::string before = read_bytes(file);
  EXPECT_THAT(open_error(file), HasSubstr("not a Tendon database"));
  EXPECT_EQ(read_bytes(file), before);

  {
    RawDb raw(file);
    raw.exec("PRAGMA application_id = 42");
  }
  EXPECT_THAT(open_error(file), HasSubstr("application id 42"));
}

TEST(StoreOpen, FolderInsteadOfFileIsRefused) {
  TempDir dir;
  const std::string message = open_error(dir.path());
  EXPECT_THAT(message, HasSubstr(dir.path().string()));
  EXPECT_THAT(message, HasSubstr("folder"));
}

TEST(StoreOpen, ConnectionSettings) {
  TempDir dir;
  const auto file = dir.path() / "tendon.db";
  auto db = store_detail::open_connection(file);
  const auto pragma = [&db](const char* sql) {
    sqlite::Statement q(*db, sql);
    EXPECT_TRUE(q.step()) << sql;
    return q.text(0);
  };
  EXPECT_EQ(pragma("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(pragma("PRAGMA foreign_keys"), "1");
  EXPECT_EQ(pragma("PRAGMA synchronous"), "1");  // NORMAL
  EXPECT_EQ(pragma("PRAGMA busy_timeout"), std::to_string(store_detail::kBusyTimeoutMs));
}

TEST(StoreOpen, WalAndForeignKeysThroughTheStore) {
  TempDir dir;
  const auto file = dir.path() / "tendon.db";
  Store store(file);
  store.ensure_athlete("ana", "UTC");
  // journal_mode=WAL is recorded in the file: another connection sees it.
  EXPECT_EQ(RawDb(file).text("PRAGMA journal_mode"), "wal");
  // Foreign keys are per connection: only enforcement proves the store's has them on.
  Checkin checkin;
  checkin.athlete = "ana";
  checkin.at = kT0;
  checkin.activity_id = 999;
  EXPECT_THROW(store.insert_checkin(checkin), StoreError);
  Alert alert;
  alert.subject.activity_id = 999;
  EXPECT_THROW(store.upsert_alert("ana", alert, kT0), StoreError);
  EXPECT_TRUE(store.checkins("ana").empty());
  EXPECT_TRUE(store.live_alerts("ana").empty());
}

}  // namespace
}  // namespace tendon::test
