// Athletes, shoes and pain check-ins.
#include <gtest/gtest.h>

#include "store_test_support.h"

namespace tendon::test {
namespace {

using SmallTables = StoreTest;

TEST_F(SmallTables, EnsureAthleteIsIdempotentAndUpdatesTheZone) {
  const auto id = store().ensure_athlete("ana", "Europe/Lisbon");
  EXPECT_EQ(store().ensure_athlete("ana", "Europe/Lisbon"), id);
  EXPECT_NE(store().ensure_athlete("bob", "UTC"), id);
  EXPECT_EQ(store().athletes(), (std::vector<std::string>{"ana", "bob"}));
  EXPECT_EQ(RawDb(file_).text("SELECT timezone FROM athletes WHERE name = 'ana'"), "Europe/Lisbon");
}

TEST_F(SmallTables, ShoesUpsertAndRoundTrip) {
  Shoe pegasus;
  pegasus.name = "Pegasus";
  pegasus.brand = "Nike";
  pegasus.model = "Pegasus 40";
  pegasus.drop_mm = 10;
  pegasus.start_distance_m = 120000.5;
  Shoe racer;
  racer.name = "Adios";
  racer.worn_km = 400;
  racer.replace_km = 600;
  racer.retired = true;
  store().upsert_shoe("ana", pegasus);
  store().upsert_shoe("ana", racer);
  EXPECT_THROW(store().upsert_shoe("bob", racer), StoreError);

  reopen();
  const auto shoes = store().shoes("ana");
  ASSERT_EQ(shoes.size(), 2u);
  EXPECT_EQ(shoes[0].name, "Adios");  // by name
  EXPECT_FALSE(shoes[0].drop_mm);
  EXPECT_EQ(shoes[0].worn_km, 400.0);
  EXPECT_EQ(shoes[0].replace_km, 600.0);
  EXPECT_TRUE(shoes[0].retired);
  const auto got = store().shoe("ana", "Pegasus");
  ASSERT_TRUE(got);
  EXPECT_EQ(got->brand, "Nike");
  EXPECT_EQ(got->model, "Pegasus 40");
  EXPECT_EQ(got->drop_mm, 10.0);
  EXPECT_EQ(got->start_distance_m, 120000.5);
  EXPECT_FALSE(got->worn_km);
  EXPECT_FALSE(got->retired);

  // Upsert replaces every field, including turning known values back into unknown ones.
  Shoe changed = pegasus;
  changed.drop_mm.reset();
  changed.retired = true;
  store().upsert_shoe("ana", changed);
  EXPECT_EQ(store().shoes("ana").size(), 2u);
  EXPECT_FALSE(store().shoe("ana", "Pegasus")->drop_mm);
  EXPECT_TRUE(store().shoe("ana", "Pegasus")->retired);
  EXPECT_FALSE(store().shoe("ana", "Nope"));
  EXPECT_FALSE(store().shoe("bob", "Pegasus"));
}

TEST_F(SmallTables, CheckinsRoundTrip) {
  const auto run = store().insert_activity(make_run("ana", kT0, 10000, "a"));
  Checkin after_run;
  after_run.athlete = "ana";
  after_run.at = kT0 + 7200;
  after_run.activity_id = run;
  after_run.pain_during = 2;
  after_run.pain_after = 4;
  Checkin morning;
  morning.athlete = "ana";
  morning.at = kT0 + kDay;
  morning.morning = 0;  // zero pain is an answer, not a missing one
  // Inserted out of order: listed by time.
  const auto morning_id = store().insert_checkin(morning);
  const auto after_id = store().insert_checkin(after_run);

  reopen();
  const auto checkins = store().checkins("ana");
  ASSERT_EQ(checkins.size(), 2u);
  EXPECT_EQ(checkins[0].id, after_id);
  EXPECT_EQ(checkins[0].athlete, "ana");
  EXPECT_EQ(checkins[0].at, after_run.at);
  EXPECT_EQ(checkins[0].activity_id, run);
  EXPECT_EQ(checkins[0].pain_during, 2);
  EXPECT_EQ(checkins[0].pain_after, 4);
  EXPECT_FALSE(checkins[0].morning);
  EXPECT_EQ(checkins[1].id, morning_id);
  EXPECT_FALSE(checkins[1].activity_id);
  EXPECT_FALSE(checkins[1].pain_during);
  EXPECT_EQ(checkins[1].morning, 0);
  EXPECT_TRUE(store().checkins("bob").empty());
}

TEST_F(SmallTables, CheckinOutOfRangeIsRefused) {
  Checkin c;
  c.athlete = "ana";
  c.at = kT0;
  c.pain_during = 11;
  EXPECT_THROW(store().insert_checkin(c), StoreError);
  c.pain_during = -1;
  EXPECT_THROW(store().insert_checkin(c), StoreError);
  c.pain_during = 10;
  c.athlete = "bob";
  EXPECT_THROW(store().insert_checkin(c), StoreError);
  EXPECT_TRUE(store().checkins("ana").empty());
}

}  // namespace
}  // namespace tendon::test
