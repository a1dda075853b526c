// The export through ImportService on a real SQLite file: a history split between the
// watch's FIT file and a Strava export is counted once, re-importing changes nothing, and
// the shoe's brand and model from shoes.csv find its drop in the catalogue.
#include <gtest/gtest.h>

#include "export_fixtures.h"
#include "ingest/import_service.h"
#include "support/temp_dir.h"

namespace tendon::testing {
namespace {

class StravaStoreTest : public ::testing::Test {
 protected:
  StravaStoreTest() {
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

TEST_F(StravaStoreTest, WatchFitAndExportCountedOnceAndReimportChangesNothing) {
  const std::string fit = read_bytes(TENDON_TEST_DATA_DIR "/fit/small-run.fit");
  const ImportReport watch = import("watch.fit", fit);
  ASSERT_FALSE(watch.failed()) << watch.error;
  ASSERT_EQ(watch.total(&AthleteImport::imported), 1u);
  const Activity run = parse_file_bytes(builtin_host(), "watch.fit", fit).activities.at(0);

  // The export holds the same FIT (gzipped, named by upload id), a manual entry Strava
  // made of the same run (same start, same distance) and one run of its own.
  char start[64];
  const std::time_t t = static_cast<std::time_t>(run.start);
  std::strftime(start, sizeof start, "%b %d, %Y, %I:%M:%S %p", std::gmtime(&t));
  const std::string csv =
      "Activity ID,Activity Date,Activity Type,Elapsed Time,Distance,Activity Gear,Filename,Moving Time,Distance\n"
      "1,\"" + std::string(start) + "\",Run,1,1,Hoka Clifton 9 Blue,activities/998877.fit.gz,1,1\n"
      "2,\"" + std::string(start) + "\",Run,1,1,,,1," + std::to_string(run.distance_m) + "\n"
      "3,\"Mar 1, 2026, 7:00:00 AM\",Run,3000,6.2,Hoka Clifton 9 Blue,,2900,10000\n";
  const std::string zip = make_zip({{"activities.csv", csv},
                                    {"shoes.csv", "Shoe Name,Shoe Brand,Shoe Model,Shoe Default Sport Types\nBlue,Hoka,Clifton 9,Run\n"},
                                    {"activities/998877.fit.gz", gzip(fit)}});
  const ImportReport first = import("export_12345.zip", zip);
  ASSERT_FALSE(first.failed()) << first.error;
  EXPECT_EQ(first.format, "strava-export");
  EXPECT_EQ(first.total(&AthleteImport::imported), 1u) << "only the run of its own is new";
  EXPECT_EQ(first.total(&AthleteImport::already_imported), 1u) << "the same FIT content";
  EXPECT_EQ(first.total(&AthleteImport::duplicates), 1u) << "the manual entry of the same run";
  EXPECT_EQ(store->activities("ana").size(), 2u);

  // shoes.csv's brand and model found the drop: Hoka Clifton 9 is 5 mm in the catalogue.
  const auto shoe = store->shoe("ana", "Blue");
  ASSERT_TRUE(shoe.has_value());
  EXPECT_EQ(shoe->brand, "Hoka");
  EXPECT_EQ(shoe->model, "Clifton 9");
  EXPECT_EQ(shoe->drop_mm, 5);

  const ImportReport again = import("export_12345.zip", zip);
  ASSERT_FALSE(again.failed()) << again.error;
  EXPECT_EQ(again.total(&AthleteImport::imported), 0u);
  EXPECT_EQ(again.total(&AthleteImport::replaced), 0u);
  EXPECT_EQ(store->activities("ana").size(), 2u);
}

}  // namespace
}  // namespace tendon::testing
