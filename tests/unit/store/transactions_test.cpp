// One import is one transaction: a failure leaves the file as it was.
#include <gtest/gtest.h>

#include <stdexcept>

#include "store_test_support.h"

namespace tendon::test {
namespace {

using TransactionStore = StoreTest;

TEST_F(TransactionStore, CommitPersists) {
  {
    Store::Transaction tx(store());
    const auto id = store().insert_activity(make_run("ana", kT0, 10000, "a"));
    store().add_source(id, SourceKind::summary, "log:1", "");
    tx.commit();
  }
  reopen();
  EXPECT_EQ(store().activities("ana").size(), 1u);
  EXPECT_TRUE(store().find_by_source("ana", SourceKind::summary, "log:1"));
}

TEST_F(TransactionStore, ExceptionRollsEverythingBack) {
  const auto kept = store().insert_activity(make_run("ana", kT0, 10000, "kept"));
  Alert alert;
  alert.subject.activity_id = kept;
  alert.at = kT0;
  alert.figures = {{"x", std::int64_t{1}}};
  store().upsert_alert("ana", alert, kT0);

  const auto import = [&] {
    Store::Transaction tx(store());
    const auto id = store().insert_activity(make_run("ana", kT0 + kDay, 12000, "new"));
    Alert changed = alert;
    changed.figures = {{"x", std::int64_t{2}}};
    store().upsert_alert("ana", changed, kT0 + 1);
    Alert fresh = alert;
    fresh.subject.activity_id = id;
    store().upsert_alert("ana", fresh, kT0 + 1);
    store().ensure_athlete("bob", "UTC");
    store().delete_activity(kept);
    throw std::runtime_error("parser failed half-way");
  };
  EXPECT_THROW(import(), std::runtime_error);

  const auto activities = store().activities("ana");
  ASSERT_EQ(activities.size(), 1u);
  EXPECT_EQ(activities[0].id, kept);
  EXPECT_FALSE(store().find_by_source("ana", SourceKind::gpx, "new"));
  const auto live = store().live_alerts("ana");
  ASSERT_EQ(live.size(), 1u);
  EXPECT_EQ(live[0].figures, alert.figures);
  EXPECT_EQ(store().athletes(), std::vector<std::string>{"ana"});
  // The store is usable afterwards: the transaction really ended.
  EXPECT_NO_THROW(Store::Transaction(store()).commit());
}

TEST_F(TransactionStore, FailedCallInsideATransactionUndoesOnlyItself) {
  Store::Transaction tx(store());
  store().insert_activity(make_run("ana", kT0, 10000, "a"));
  // Same identity again: refused, and its half-written activity row goes with it.
  EXPECT_THROW(store().insert_activity(make_run("ana", kT0 + kDay, 9000, "a")), StoreError);
  store().insert_activity(make_run("ana", kT0 + 2 * kDay, 8000, "b"));
  tx.commit();
  reopen();
  const auto activities = store().activities("ana");
  ASSERT_EQ(activities.size(), 2u);
  EXPECT_EQ(activities[0].source_id, "a");
  EXPECT_EQ(activities[1].source_id, "b");
}

TEST_F(TransactionStore, NotNestable) {
  Store::Transaction tx(store());
  EXPECT_THROW(Store::Transaction inner(store()), StoreError);
  store().ensure_athlete("bob", "UTC");
  tx.commit();
  EXPECT_EQ(store().athletes().size(), 2u);
}

TEST_F(TransactionStore, AnotherConnectionSeesOnlyCommittedData) {
  Store::Transaction tx(store());
  store().insert_activity(make_run("ana", kT0, 10000, "a"));
  // WAL: a reader is not blocked by the open write transaction and does not see it.
  EXPECT_EQ(RawDb(file_).integer("SELECT count(*) FROM activities"), 0);
  tx.commit();
  EXPECT_EQ(RawDb(file_).integer("SELECT count(*) FROM activities"), 1);
}

TEST_F(TransactionStore, SecondStoreOnTheSameFile) {
  Store second(file_);
  EXPECT_EQ(second.athletes(), std::vector<std::string>{"ana"});
  store().insert_activity(make_run("ana", kT0, 10000, "a"));
  EXPECT_EQ(second.activities("ana").size(), 1u);
}

}  // namespace
}  // namespace tendon::test
