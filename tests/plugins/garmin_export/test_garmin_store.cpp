// The Garmin export through ImportService on a real SQLite file: a history split between
// the watch's own FIT files and the export is counted once, re-importing changes nothing,
// and the shoe's brand and model from the gear file find its drop in the catalogue.
#include <gtest/gtest.h>

#include "garmin_fixtures.h"
#include "ingest/import_service.h"
#include "support/temp_dir.h"

namespace tendon::testing {
namespace {

constexpr std::int64_t kRunStart = 1714543200;  // 2024-05-01T06:00:00Z
constexpr std::int64_t kDay = 86400;

SummaryFixture summary(std::int64_t id, std::int64_t start_unix, double metres) {
  SummaryFixture s;
  s.id = id;
  s.start_gmt_ms = start_unix * 1000;
  s.distance_cm = metres * 100;
  s.duration_ms = metres * 300;
  s.elapsed_ms = metres * 300;
  s.moving_ms = metres * 300;
  s.avg_hr = 150;
  return s;
}

class GarminStoreTest : public ::testing::Test {
 protected:
  GarminStoreTest() {
    dir.write("tendon.toml", "database = \"tendon.db\"\n[athletes.ana]\ntimezone = \"UTC\"\ninboxes = []\n");
    config = load_config(dir / "tendon.toml");
    catalogue = ShoeCatalogue::bundled();
    store = std::make_unique<Store>(config.database);
    service = std::make_unique<ImportService>(*store, config, catalogue, builtin_host());
  }
  ImportReport import(const std::string& name, const std::string& bytes) {
    dir.write(name, bytes);
    return service->import_file(dir / name, std::nullopt, 1800000000);
  }

  TempDir dir;
  Config config;
  ShoeCatalogue catalogue;
  std::unique_ptr<Store> store;
  std::unique_ptr<ImportService> service;
};

TEST_F(GarminStoreTest, WatchFitsAndExportCountedOnceAndReimportChangesNothing) {
  // The watch's own files, copied off it before the export was requested.
  const std::string uploaded_run = run_fit(kRunStart, 5000, 1500);
  const std::string other_watch_run = run_fit(kRunStart + kDay, 7000, 2100);
  for (const auto& [name, fit] : {std::pair{"first.fit", uploaded_run}, std::pair{"second.fit", other_watch_run}}) {
    const ImportReport watch = import(name, fit);
    ASSERT_FALSE(watch.failed()) << watch.error;
    ASSERT_EQ(watch.total(&AthleteImport::imported), 1u);
  }

  // The export: the first run's FIT among the uploads (with its summary), the second run
  // only as a summary (its FIT was never uploaded), and a run of its own.
  const std::string summaries =
      summaries_json({summary(1, kRunStart, 5000), summary(2, kRunStart + kDay, 7050), summary(3, kRunStart + 2 * kDay, 10000)});
  const std::string gear = gear_json({{9, "Hoka Clifton 9", "", "Hoka", "Clifton 9", "Shoes", "active", {1, 2, 3}}});
  const std::string zip = make_zip(
      {{std::string(kFitness) + "ana_0_summarizedActivities.json", summaries},
       {std::string(kFitness) + "ana_gear.json", gear},
       {std::string(kUploads) + "UploadedFiles_0-_Part1.zip", make_zip({{"ana_5001.fit", uploaded_run}, {"ana_5002.fit", settings_fit()}})}});
  const ImportReport first = import("garmin_export.zip", zip);
  ASSERT_FALSE(first.failed()) << first.error;
  EXPECT_EQ(first.format, "garmin-export");
  EXPECT_EQ(first.total(&AthleteImport::imported), 1u) << "only the run of its own is new";
  EXPECT_EQ(first.total(&AthleteImport::already_imported), 1u) << "the same FIT content";
  EXPECT_EQ(first.total(&AthleteImport::duplicates), 1u) << "the summary of the watch's second run";
  EXPECT_EQ(store->activities("ana").size(), 3u);

  // The gear file's maker and model found the drop: Hoka Clifton 9 is 5 mm in the catalogue.
  const auto shoe = store->shoe("ana", "Hoka Clifton 9");
  ASSERT_TRUE(shoe.has_value());
  EXPECT_EQ(shoe->brand, "Hoka");
  EXPECT_EQ(shoe->model, "Clifton 9");
  EXPECT_EQ(shoe->drop_mm, 5);

  const ImportReport again = import("garmin_export.zip", zip);
  ASSERT_FALSE(again.failed()) << again.error;
  EXPECT_EQ(again.total(&AthleteImport::imported), 0u);
  EXPECT_EQ(again.total(&AthleteImport::replaced), 0u);
  EXPECT_EQ(store->activities("ana").size(), 3u);
}

}  // namespace
}  // namespace tendon::testing
