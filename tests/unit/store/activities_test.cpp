// Activities and their source identities.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store_test_support.h"

namespace tendon::test {
namespace {

using ActivityStore = StoreTest;

std::vector<std::int64_t> ids(const std::vector<Activity>& activities) {
  std::vector<std::int64_t> result;
  for (const auto& a : activities) result.push_back(a.id);
  return result;
}

void expect_same_fields(const Activity& got, const Activity& want) {
  EXPECT_EQ(got.athlete, want.athlete);
  EXPECT_EQ(got.source_id, want.source_id);
  EXPECT_EQ(got.source_kind, want.source_kind);
  EXPECT_EQ(got.source_name, want.source_name);
  EXPECT_EQ(got.start, want.start);
  EXPECT_EQ(got.utc_offset_s, want.utc_offset_s);
  EXPECT_EQ(got.sport, want.sport);
  EXPECT_EQ(got.sub_sport, want.sub_sport);
  EXPECT_EQ(got.distance_m, want.distance_m);
  EXPECT_EQ(got.elapsed_s, want.elapsed_s);
  EXPECT_EQ(got.moving_s, want.moving_s);
  EXPECT_EQ(got.ascent_m, want.ascent_m);
  EXPECT_EQ(got.avg_hr, want.avg_hr);
  EXPECT_EQ(got.shoe, want.shoe);
  EXPECT_EQ(got.device, want.device);
}

TEST_F(ActivityStore, InsertRoundTripsEveryField) {
  Activity full = make_run("ana", kT0, 10123.4, "sha256:abc", SourceKind::fit);
  full.utc_offset_s = 3600;
  full.sub_sport = "trail";
  full.elapsed_s = 3700.5;
  full.moving_s = 3600.25;
  full.ascent_m = 0.0;  // known to be flat: not the same as unknown
  full.avg_hr = 151.0;
  full.shoe = "Pegasus 40";
  full.device = "Forerunner 255";
  const auto full_id = store().insert_activity(full);

  Activity bare = make_run("ana", kT0 + kDay, 5000, "log:17", SourceKind::summary);
  bare.source_name = "";
  const auto bare_id = store().insert_activity(bare);
  EXPECT_NE(full_id, bare_id);

  reopen();
  const auto got_full = store().activity(full_id);
  ASSERT_TRUE(got_full);
  EXPECT_EQ(got_full->id, full_id);
  expect_same_fields(*got_full, full);

  const auto got_bare = store().activity(bare_id);
  ASSERT_TRUE(got_bare);
  expect_same_fields(*got_bare, bare);
  EXPECT_FALSE(got_bare->utc_offset_s);
  EXPECT_FALSE(got_bare->elapsed_s);
  EXPECT_FALSE(got_bare->ascent_m);
  EXPECT_FALSE(got_bare->shoe);

  EXPECT_FALSE(store().activity(9999));
}

TEST_F(ActivityStore, UnknownAthleteIsAStoreError) {
  EXPECT_THROW(store().insert_activity(make_run("bob", kT0, 5000, "x")), StoreError);
  EXPECT_TRUE(store().activities("bob").empty());
  EXPECT_FALSE(store().find_by_source("bob", SourceKind::gpx, "x"));
}

TEST_F(ActivityStore, FindBySourceMatchesAthleteKindAndId) {
  store().ensure_athlete("bob", "UTC");
  const auto id = store().insert_activity(make_run("ana", kT0, 10000, "hash1", SourceKind::gpx));
  EXPECT_EQ(store().find_by_source("ana", SourceKind::gpx, "hash1"), id);
  EXPECT_FALSE(store().find_by_source("ana", SourceKind::tcx, "hash1"));
  EXPECT_FALSE(store().find_by_source("ana", SourceKind::gpx, "hash2"));
  EXPECT_FALSE(store().find_by_source("bob", SourceKind::gpx, "hash1"));
  // The same file for another athlete is another activity.
  const auto bob_id = store().insert_activity(make_run("bob", kT0, 10000, "hash1", SourceKind::gpx));
  EXPECT_EQ(store().find_by_source("bob", SourceKind::gpx, "hash1"), bob_id);
}

TEST_F(ActivityStore, SameSourceTwiceIsRefusedAndLeavesNothingBehind) {
  store().insert_activity(make_run("ana", kT0, 10000, "hash1"));
  EXPECT_THROW(store().insert_activity(make_run("ana", kT0 + kDay, 8000, "hash1")), StoreError);
  EXPECT_EQ(store().activities("ana").size(), 1u);
}

TEST_F(ActivityStore, ActivitiesNearIsAnInclusiveWindow) {
  const auto before = store().insert_activity(make_run("ana", kT0 - 61, 10000, "a"));
  const auto edge_lo = store().insert_activity(make_run("ana", kT0 - 60, 10000, "b"));
  const auto exact = store().insert_activity(make_run("ana", kT0, 10000, "c"));
  const auto edge_hi = store().insert_activity(make_run("ana", kT0 + 60, 10000, "d"));
  const auto after = store().insert_activity(make_run("ana", kT0 + 61, 10000, "e"));
  store().ensure_athlete("bob", "UTC");
  store().insert_activity(make_run("bob", kT0, 10000, "f"));

  EXPECT_EQ(ids(store().activities_near("ana", kT0, 60)), (std::vector<std::int64_t>{edge_lo, exact, edge_hi}));
  EXPECT_EQ(ids(store().activities_near("ana", kT0, 0)), (std::vector<std::int64_t>{exact}));
  EXPECT_EQ(ids(store().activities_near("ana", kT0, 61)),
            (std::vector<std::int64_t>{before, edge_lo, exact, edge_hi, after}));
  EXPECT_TRUE(store().activities_near("ana", kT0 + kDay, 60).empty());
  EXPECT_EQ(store().activities_near("ana", 0, std::numeric_limits<std::int64_t>::max()).size(), 5u);
}

TEST_F(ActivityStore, ActivitiesAreSortedByStartThenIdInAHalfOpenRange) {
  // Inserted out of order, as a late import would.
  const auto third = store().insert_activity(make_run("ana", kT0 + 2 * kDay, 10000, "c"));
  const auto first = store().insert_activity(make_run("ana", kT0, 10000, "a"));
  const auto second_a = store().insert_activity(make_run("ana", kT0 + kDay, 10000, "b1"));
  const auto second_b = store().insert_activity(make_run("ana", kT0 + kDay, 3000, "b2"));

  EXPECT_EQ(ids(store().activities("ana")), (std::vector<std::int64_t>{first, second_a, second_b, third}));
  EXPECT_EQ(ids(store().activities("ana", kT0 + kDay, kT0 + 2 * kDay)),
            (std::vector<std::int64_t>{second_a, second_b}));
  EXPECT_EQ(ids(store().activities("ana", kT0 + 1)), (std::vector<std::int64_t>{second_a, second_b, third}));
  EXPECT_TRUE(store().activities("ana", kT0, kT0).empty());
}

TEST_F(ActivityStore, ReplaceKeepsIdAndBothIdentities) {
  Activity gpx = make_run("ana", kT0, 10000, "gpx-hash", SourceKind::gpx);
  gpx.shoe = "Old";
  const auto id = store().insert_activity(gpx);

  Activity fit = make_run("ana", kT0 + 2, 10050, "fit-hash", SourceKind::fit);
  fit.moving_s = 3000;
  fit.avg_hr = 148;
  fit.ascent_m = 85;
  fit.device = "watch";
  store().replace_activity(id, fit);

  const auto got = store().activity(id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->id, id);
  expect_same_fields(*got, fit);
  EXPECT_FALSE(got->shoe);  // the richer source's figures replace, including the unknowns
  EXPECT_EQ(store().activities("ana").size(), 1u);

  EXPECT_EQ(store().find_by_source("ana", SourceKind::gpx, "gpx-hash"), id);
  EXPECT_EQ(store().find_by_source("ana", SourceKind::fit, "fit-hash"), id);

  // Replacing again with the same identity (re-import of the richer file) is fine.
  EXPECT_NO_THROW(store().replace_activity(id, fit));
  EXPECT_THROW(store().replace_activity(9999, fit), StoreError);
  Activity other = fit;
  other.athlete = "bob";
  store().ensure_athlete("bob", "UTC");
  EXPECT_THROW(store().replace_activity(id, other), StoreError);
}

TEST_F(ActivityStore, AddSourceRecordsAPoorerDuplicate) {
  const auto id = store().insert_activity(make_run("ana", kT0, 10000, "fit-hash", SourceKind::fit));
  store().add_source(id, SourceKind::summary, "strava:123", "export.zip");
  EXPECT_EQ(store().find_by_source("ana", SourceKind::summary, "strava:123"), id);
  EXPECT_NO_THROW(store().add_source(id, SourceKind::summary, "strava:123", "export.zip"));
  EXPECT_EQ(store().activity(id)->source_kind, SourceKind::fit);  // the kept source is unchanged
  EXPECT_THROW(store().add_source(9999, SourceKind::gpx, "x", ""), StoreError);

  const auto other = store().insert_activity(make_run("ana", kT0 + kDay, 5000, "other"));
  EXPECT_THROW(store().add_source(other, SourceKind::summary, "strava:123", ""), StoreError);
}

TEST_F(ActivityStore, DeleteRemovesSourcesAndAlertsAndUnlinksCheckins) {
  const auto id = store().insert_activity(make_run("ana", kT0, 10000, "gpx-hash"));
  store().add_source(id, SourceKind::summary, "log:1", "");
  const auto keep = store().insert_activity(make_run("ana", kT0 + kDay, 10000, "keep"));

  Alert alert;
  alert.subject.activity_id = id;
  alert.at = kT0;
  alert.kind = AlertKind::spike;
  alert.category = "10-30";
  store().upsert_alert("ana", alert, kT0);
  Alert kept_alert = alert;
  kept_alert.subject.activity_id = keep;
  store().upsert_alert("ana", kept_alert, kT0);

  Checkin checkin;
  checkin.athlete = "ana";
  checkin.at = kT0 + 3600;
  checkin.activity_id = id;
  checkin.pain_after = 3;
  store().insert_checkin(checkin);

  store().delete_activity(id);
  EXPECT_FALSE(store().activity(id));
  EXPECT_FALSE(store().find_by_source("ana", SourceKind::gpx, "gpx-hash"));
  EXPECT_FALSE(store().find_by_source("ana", SourceKind::summary, "log:1"));
  AlertQuery all;
  all.include_withdrawn = true;
  const auto alerts = store().list_alerts(all);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].alert.subject.activity_id, keep);
  const auto checkins = store().checkins("ana");
  ASSERT_EQ(checkins.size(), 1u);
  EXPECT_FALSE(checkins[0].activity_id);
  EXPECT_EQ(checkins[0].pain_after, 3);

  // The freed identity can be imported again (the run was deleted, not hidden).
  EXPECT_NO_THROW(store().insert_activity(make_run("ana", kT0, 10000, "gpx-hash")));
  EXPECT_EQ(RawDb(file_).integer("SELECT count(*) FROM activity_sources"), 2);
}

}  // namespace
}  // namespace tendon::test
