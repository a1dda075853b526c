// ImportService on a real SQLite file: duplicates across sources, re-import, bad lines,
// and one import as one transaction.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "ingest/import_service.h"
#include "support/process.h"

namespace tendon::testing {
namespace {

class ImportServiceTest : public ::testing::Test {
 protected:
  ImportServiceTest() {
    dir.write("tendon.toml", "database = \"tendon.db\"\n[athletes.ana]\ntimezone = \"Europe/Berlin\"\ninboxes = []\n"
                             "[athletes.ben]\ntimezone = \"UTC\"\ninboxes = []\n");
    config = load_config(dir / "tendon.toml");
    catalogue = ShoeCatalogue::bundled();
    store = std::make_unique<Store>(config.database);
    register_builtin_plugins(plugins);
    service = std::make_unique<ImportService>(*store, config, catalogue, plugins);
  }
  ImportReport import(const std::string& name, const std::string& content) {
    dir.write(name, content);
    return service->import_file(dir / name, std::nullopt, 1800000000);
  }

  TempDir dir;
  Config config;
  ShoeCatalogue catalogue;
  PluginHost plugins;
  std::unique_ptr<Store> store;
  std::unique_ptr<ImportService> service;
};

const char* kTwoRuns =
    "{\"id\": \"r1\", \"start\": \"2026-03-02T07:00:00Z\", \"sport\": \"running\", \"distance_m\": 10000}\n"
    "{\"id\": \"r2\", \"start\": \"2026-03-04T07:00:00Z\", \"sport\": \"running\", \"distance_m\": 13000}\n";

TEST_F(ImportServiceTest, ImportsJudgesAndRecognisesTheSameFileAgain) {
  const ImportReport first = import("log.jsonl", kTwoRuns);
  ASSERT_FALSE(first.failed()) << first.error;
  EXPECT_EQ(first.total(&AthleteImport::imported), 2u);
  ASSERT_EQ(first.athletes.size(), 1u);
  EXPECT_EQ(first.athletes[0].athlete, "ana") << "records without athlete go to the first athlete";
  ASSERT_EQ(first.athletes[0].alerts.raised.size(), 1u);
  EXPECT_EQ(first.athletes[0].alerts.raised[0].kind, AlertKind::spike);
  EXPECT_EQ(store->live_alerts("ana").size(), 1u);

  const ImportReport again = import("log.jsonl", kTwoRuns);
  EXPECT_EQ(again.total(&AthleteImport::imported), 0u);
  EXPECT_EQ(again.total(&AthleteImport::already_imported), 2u);
  EXPECT_TRUE(again.athletes[0].alerts.empty());
  EXPECT_EQ(store->activities("ana").size(), 2u);
}

TEST_F(ImportServiceTest, TheSameRunFromAnotherSourceIsCountedOnce) {
  import("a.jsonl", kTwoRuns);
  // 40 s later and 2 % longer: the same run as r2 logged elsewhere.
  const ImportReport dup = import(
      "b.csv", "id,start,sport,distance_m\nother-r2,2026-03-04T07:00:40Z,running,13260\n");
  ASSERT_FALSE(dup.failed()) << dup.error;
  // Equally rich: the smaller source id ("other-r2" < "r2") keeps its figures.
  EXPECT_EQ(dup.total(&AthleteImport::replaced), 1u);
  EXPECT_EQ(store->activities("ana").back().distance_m, 13260);
  EXPECT_EQ(store->activities("ana").size(), 2u);
  EXPECT_TRUE(store->find_by_source("ana", SourceKind::summary, "other-r2")) << "both identities are known";
  // 61 s after the kept copy (07:00:40) is another run.
  const ImportReport other = import("c.csv", "id,start,sport,distance_m\nr3,2026-03-04T07:01:41Z,running,13000\n");
  EXPECT_EQ(other.total(&AthleteImport::imported), 1u);
}

TEST_F(ImportServiceTest, WhichCopyOfADuplicateIsKeptDoesNotDependOnImportOrder) {
  const std::string a = "id,start,sport,distance_m\nstrava-1,2026-03-04T07:00:00Z,running,10000\n";
  const std::string b = "id,start,sport,distance_m\ngarmin-1,2026-03-04T07:00:30Z,running,10290\n";
  import("a.csv", a);
  const ImportReport second = import("b.csv", b);
  EXPECT_EQ(second.total(&AthleteImport::replaced), 1u);
  const double kept_forward = store->activities("ana").at(0).distance_m;

  TempDir other;
  other.write("tendon.toml", "database = \"t.db\"\n[athletes.ana]\ntimezone = \"UTC\"\ninboxes = []\n");
  const Config reverse_config = load_config(other / "tendon.toml");
  Store reverse_store(reverse_config.database);
  ImportService reverse(reverse_store, reverse_config, catalogue, plugins);
  other.write("b.csv", b);
  other.write("a.csv", a);
  reverse.import_file(other / "b.csv", std::nullopt, 0);
  const ImportReport kept = reverse.import_file(other / "a.csv", std::nullopt, 0);
  EXPECT_EQ(kept.total(&AthleteImport::duplicates), 1u);
  ASSERT_EQ(reverse_store.activities("ana").size(), 1u);
  EXPECT_EQ(reverse_store.activities("ana").at(0).distance_m, kept_forward);
  EXPECT_EQ(kept_forward, 10290) << "garmin-1 < strava-1";
}

TEST_F(ImportServiceTest, BadLinesAreReportedAndTheRestImports) {
  const ImportReport r = import("log.jsonl", std::string(kTwoRuns) +
                                                 "{\"id\": \"bad\", \"start\": \"2026-03-04T07:00:00\", \"sport\": "
                                                 "\"running\", \"distance_m\": 5000}\nnot json\n");
  ASSERT_FALSE(r.failed());
  EXPECT_EQ(r.total(&AthleteImport::imported), 2u);
  ASSERT_EQ(r.problems.size(), 2u);
  EXPECT_NE(r.problems[0].find("line 3"), std::string::npos) << r.problems[0];
  EXPECT_NE(r.problems[1].find("line 4"), std::string::npos) << r.problems[1];
}

TEST_F(ImportServiceTest, RecordsGoToTheirNamedAthleteAndUnknownOnesAreSkipped) {
  const ImportReport r = import(
      "log.jsonl",
      "{\"id\": \"b1\", \"athlete\": \"ben\", \"start\": \"2026-03-01T07:00:00Z\", \"sport\": \"run\", \"distance_m\": 5000}\n"
      "{\"id\": \"z1\", \"athlete\": \"zoe\", \"start\": \"2026-03-01T07:00:00Z\", \"sport\": \"run\", \"distance_m\": 5000}\n");
  EXPECT_EQ(store->activities("ben").size(), 1u);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_NE(r.problems[0].find("zoe"), std::string::npos);
}

TEST_F(ImportServiceTest, UnsupportedAndUnreadableFilesFailWithAReasonAndStoreNothing) {
  const ImportReport r = import("notes.txt", "hello");
  ASSERT_TRUE(r.failed());
  EXPECT_NE(r.error_line().find("notes.txt"), std::string::npos);
  EXPECT_NE(r.error.find("unsupported"), std::string::npos);
  const ImportReport missing = service->import_file(dir / "absent.jsonl", std::nullopt, 0);
  EXPECT_TRUE(missing.failed());
  EXPECT_TRUE(store->activities("ana").empty());
}

TEST_F(ImportServiceTest, AFailureMidImportLeavesTheDatabaseAsItWas) {
  import("first.jsonl", kTwoRuns);
  const auto alerts_before = store->live_alerts("ana");
  {
    // A real SQLite failure on the third record of the next file.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(config.database.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db,
                           "CREATE TRIGGER boom BEFORE INSERT ON activities WHEN NEW.source_id = 'boom' "
                           "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  store = std::make_unique<Store>(config.database);
  service = std::make_unique<ImportService>(*store, config, catalogue, plugins);
  const ImportReport r = import(
      "second.jsonl",
      "{\"id\": \"r4\", \"start\": \"2026-03-05T07:00:00Z\", \"sport\": \"running\", \"distance_m\": 20000}\n"
      "{\"id\": \"r5\", \"start\": \"2026-03-06T07:00:00Z\", \"sport\": \"running\", \"distance_m\": 9000}\n"
      "{\"id\": \"boom\", \"start\": \"2026-03-07T07:00:00Z\", \"sport\": \"running\", \"distance_m\": 9000}\n");
  ASSERT_TRUE(r.failed());
  EXPECT_NE(r.error.find("disk on fire"), std::string::npos) << r.error;
  EXPECT_TRUE(r.athletes.empty()) << "no alert of a rolled-back import is reported";
  EXPECT_EQ(store->activities("ana").size(), 2u);
  EXPECT_EQ(store->live_alerts("ana").size(), alerts_before.size());
  EXPECT_FALSE(store->find_by_source("ana", SourceKind::summary, "r4"));
}

}  // namespace
}  // namespace tendon::testing
