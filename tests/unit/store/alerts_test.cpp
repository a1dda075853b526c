// Alerts: identity, the state machine across recomputation, figures, queries.
#include <gtest/gtest.h>

#include "store_test_support.h"

namespace tendon::test {
namespace {

class AlertStore : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    run_ = store().insert_activity(make_run("ana", kT0, 12000, "run-hash"));
  }

  Alert spike(const std::string& category = "10-30", std::int64_t longest = 10000) const {
    Alert a;
    a.subject.activity_id = run_;
    a.at = kT0;
    a.kind = AlertKind::spike;
    a.category = category;
    a.severity = Severity::warning;
    a.figures = {{"distance_m", std::int64_t{12000}}, {"longest_30d_m", longest}, {"increase", 0.1001},
                 {"shoe", std::string("Pegasus")}};
    a.message = "Run 20% longer than your longest in 30 days";
    a.advice = "Keep the next runs short";
    a.evidence = "runsafe-2025";
    return a;
  }

  std::vector<StoredAlert> all() {
    AlertQuery q;
    q.include_withdrawn = true;
    return store().list_alerts(q);
  }

  std::int64_t run_ = 0;
};

void expect_same_alert(const Alert& got, const Alert& want) {
  EXPECT_EQ(got.subject, want.subject);
  EXPECT_EQ(got.at, want.at);
  EXPECT_EQ(got.kind, want.kind);
  EXPECT_EQ(got.category, want.category);
  EXPECT_EQ(got.severity, want.severity);
  EXPECT_EQ(got.figures, want.figures);
  EXPECT_EQ(got.message, want.message);
  EXPECT_EQ(got.advice, want.advice);
  EXPECT_EQ(got.evidence, want.evidence);
}

TEST_F(AlertStore, SameKeyTwiceIsOneRow) {
  const auto id1 = store().upsert_alert("ana", spike(), kT0 + 10);
  const auto id2 = store().upsert_alert("ana", spike(), kT0 + 20);
  EXPECT_EQ(id1, id2);
  const auto alerts = all();
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].raised_at, kT0 + 10);
  EXPECT_EQ(alerts[0].updated_at, kT0 + 10);  // an equal recomputation changes nothing

  // Another category, another kind, or a check-in subject is another identity.
  store().upsert_alert("ana", spike("30-100"), kT0);
  Alert acwr = spike();
  acwr.kind = AlertKind::acwr;
  store().upsert_alert("ana", acwr, kT0);
  Checkin checkin;
  checkin.athlete = "ana";
  checkin.at = kT0 + 7200;
  checkin.activity_id = run_;
  checkin.pain_during = 6;
  Alert pain;
  pain.subject.checkin_id = store().insert_checkin(checkin);
  pain.at = checkin.at;
  pain.kind = AlertKind::pain;
  pain.category = "during";
  store().upsert_alert("ana", pain, kT0);
  store().upsert_alert("ana", pain, kT0);
  // No subject at all (an athlete-wide conclusion) still has one identity.
  Alert wide;
  wide.kind = AlertKind::weekly_jump;
  store().upsert_alert("ana", wide, kT0);
  store().upsert_alert("ana", wide, kT0);
  EXPECT_EQ(all().size(), 5u);
  EXPECT_EQ(RawDb(file_).integer("SELECT count(*) FROM alerts"), 5);
}

TEST_F(AlertStore, LiveAlertsRoundTripExactly) {
  const Alert want = spike();
  store().upsert_alert("ana", want, kT0);
  reopen();
  const auto live = store().live_alerts("ana");
  ASSERT_EQ(live.size(), 1u);
  expect_same_alert(live[0], want);
  EXPECT_TRUE(live[0].same_content(want));
  ASSERT_TRUE(live[0].figure("increase"));
  EXPECT_EQ(std::get<double>(*live[0].figure("increase")), 0.1001);
  EXPECT_EQ(std::get<std::int64_t>(*live[0].figure("distance_m")), 12000);
  EXPECT_EQ(std::get<std::string>(*live[0].figure("shoe")), "Pegasus");
  EXPECT_TRUE(store().live_alerts("bob").empty());
}

TEST_F(AlertStore, ReturnKindKeepsItsExternalName) {
  Alert a = spike();
  a.kind = AlertKind::return_break;
  store().upsert_alert("ana", a, kT0);
  EXPECT_EQ(RawDb(file_).text("SELECT kind FROM alerts"), "return");
  EXPECT_EQ(store().live_alerts("ana").at(0).kind, AlertKind::return_break);
}

TEST_F(AlertStore, WithdrawAndReraise) {
  const auto id = store().upsert_alert("ana", spike(), kT0);
  ASSERT_TRUE(store().set_alert_state(id, AlertState::acknowledged, std::nullopt, kT0 + 5));

  EXPECT_TRUE(store().withdraw_alert("ana", spike().key(), kT0 + 10));
  EXPECT_FALSE(store().withdraw_alert("ana", spike().key(), kT0 + 11));  // already withdrawn
  EXPECT_FALSE(store().withdraw_alert("ana", spike("30-100").key(), kT0 + 11));
  EXPECT_FALSE(store().withdraw_alert("bob", spike().key(), kT0 + 11));
  EXPECT_TRUE(store().live_alerts("ana").empty());
  EXPECT_TRUE(store().list_alerts({}).empty());
  auto stored = store().alert_by_id(id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->state, AlertState::withdrawn);
  EXPECT_EQ(stored->updated_at, kT0 + 10);
  // Withdrawn is not the user's to change.
  EXPECT_FALSE(store().set_alert_state(id, AlertState::acknowledged, std::nullopt, kT0 + 12));

  Alert again = spike("10-30", 9000);
  EXPECT_EQ(store().upsert_alert("ana", again, kT0 + 20), id);
  stored = store().alert_by_id(id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->state, AlertState::active);  // the old acknowledgement does not carry over
  EXPECT_EQ(stored->raised_at, kT0 + 20);
  EXPECT_EQ(stored->updated_at, kT0 + 20);
  EXPECT_EQ(stored->alert.figures, again.figures);
  EXPECT_EQ(store().live_alerts("ana").size(), 1u);
  EXPECT_EQ(all().size(), 1u);
}

TEST_F(AlertStore, AcknowledgedStateIsKeptAcrossAnUpdate) {
  const auto id = store().upsert_alert("ana", spike(), kT0);
  ASSERT_TRUE(store().set_alert_state(id, AlertState::acknowledged, std::nullopt, kT0 + 5));

  Alert updated = spike("10-30", 9500);
  updated.severity = Severity::critical;
  updated.message = "Run 26% longer than your longest in 30 days";
  EXPECT_EQ(store().upsert_alert("ana", updated, kT0 + 30), id);

  const auto stored = store().alert_by_id(id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->state, AlertState::acknowledged);
  EXPECT_EQ(stored->raised_at, kT0);
  EXPECT_EQ(stored->updated_at, kT0 + 30);
  expect_same_alert(stored->alert, updated);
  // Acknowledged alerts are still live: the detector's conclusion stands.
  ASSERT_EQ(store().live_alerts("ana").size(), 1u);
  expect_same_alert(store().live_alerts("ana")[0], updated);
}

TEST_F(AlertStore, SnoozeIsKeptAcrossAnUpdateAndExpiresWhenRead) {
  Instant now = kT0 + 100;
  store().set_clock([&now] { return now; });
  const auto id = store().upsert_alert("ana", spike(), kT0);
  EXPECT_THROW(store().set_alert_state(id, AlertState::snoozed, std::nullopt, now), StoreError);
  ASSERT_TRUE(store().set_alert_state(id, AlertState::snoozed, kT0 + kDay, now));

  Alert updated = spike("10-30", 9000);
  store().upsert_alert("ana", updated, kT0 + 200);
  auto stored = store().alert_by_id(id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->state, AlertState::snoozed);
  EXPECT_EQ(stored->snoozed_until, kT0 + kDay);
  EXPECT_EQ(stored->alert.figures, updated.figures);

  now = kT0 + kDay;  // the snooze has run out
  stored = store().alert_by_id(id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->state, AlertState::active);
  EXPECT_FALSE(stored->snoozed_until);
  EXPECT_EQ(store().list_alerts({}).at(0).state, AlertState::active);
  // Reading did not rewrite the row.
  EXPECT_EQ(RawDb(file_).text("SELECT state FROM alerts"), "snoozed");

  // Re-activating clears the snooze for good.
  now = kT0 + 300;
  ASSERT_TRUE(store().set_alert_state(id, AlertState::active, kT0 + 9 * kDay, now));
  stored = store().alert_by_id(id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->state, AlertState::active);
  EXPECT_FALSE(stored->snoozed_until);
  EXPECT_FALSE(store().set_alert_state(9999, AlertState::acknowledged, std::nullopt, now));
}

TEST_F(AlertStore, FiguresRoundTripWithTheirTypes) {
  Alert a = spike();
  a.figures = {{"int", std::int64_t{-42}},
               {"double", 0.1001},
               {"whole_double", 2.0},
               {"text", std::string("6 mm -> 0 mm")},
               {"max", std::numeric_limits<std::int64_t>::max()},
               {"third", 1.0 / 3.0}};
  store().upsert_alert("ana", a, kT0);
  reopen();
  const auto live = store().live_alerts("ana");
  ASSERT_EQ(live.size(), 1u);
  EXPECT_EQ(live[0].figures, a.figures);
  EXPECT_TRUE(std::holds_alternative<double>(live[0].figures[2].value));
  // Updating only a figure's type (int 2 instead of double 2.0) is an update, not a no-op.
  Alert b = a;
  b.figures[2].value = std::int64_t{2};
  store().upsert_alert("ana", b, kT0 + 50);
  EXPECT_EQ(store().live_alerts("ana")[0].figures, b.figures);
  EXPECT_EQ(store().list_alerts({}).at(0).updated_at, kT0 + 50);
}

TEST_F(AlertStore, ListFiltersAndOrder) {
  store().ensure_athlete("bob", "UTC");
  const auto early = store().insert_activity(make_run("ana", kT0 - 2 * kDay, 8000, "early"));
  const auto bob_run = store().insert_activity(make_run("bob", kT0 - kDay, 8000, "bob-run"));

  Alert late = spike();  // at kT0
  late.severity = Severity::info;
  const auto late_id = store().upsert_alert("ana", late, kT0);
  Alert first = spike();
  first.subject.activity_id = early;
  first.at = kT0 - 2 * kDay;
  first.severity = Severity::critical;
  const auto first_id = store().upsert_alert("ana", first, kT0);
  Alert late_too = spike("30-100");  // same time as `late`: id decides
  late_too.severity = Severity::warning;
  const auto late_too_id = store().upsert_alert("ana", late_too, kT0);
  Alert bobs = spike();
  bobs.subject.activity_id = bob_run;
  bobs.at = kT0 - kDay;
  const auto bob_id = store().upsert_alert("bob", bobs, kT0);

  const auto ids = [](const std::vector<StoredAlert>& alerts) {
    std::vector<std::int64_t> result;
    for (const auto& a : alerts) result.push_back(a.id);
    return result;
  };
  using V = std::vector<std::int64_t>;
  EXPECT_EQ(ids(store().list_alerts({})), (V{first_id, bob_id, late_id, late_too_id}));

  AlertQuery only_ana;
  only_ana.athlete = "ana";
  EXPECT_EQ(ids(store().list_alerts(only_ana)), (V{first_id, late_id, late_too_id}));

  AlertQuery warning_up = only_ana;
  warning_up.min_severity = Severity::warning;
  EXPECT_EQ(ids(store().list_alerts(warning_up)), (V{first_id, late_too_id}));
  warning_up.min_severity = Severity::critical;
  EXPECT_EQ(ids(store().list_alerts(warning_up)), (V{first_id}));

  AlertQuery since = only_ana;
  since.since = kT0 - kDay;
  EXPECT_EQ(ids(store().list_alerts(since)), (V{late_id, late_too_id}));

  ASSERT_TRUE(store().set_alert_state(late_id, AlertState::acknowledged, std::nullopt, kT0));
  AlertQuery unacknowledged = only_ana;
  unacknowledged.include_acknowledged = false;
  EXPECT_EQ(ids(store().list_alerts(unacknowledged)), (V{first_id, late_too_id}));

  ASSERT_TRUE(store().withdraw_alert("ana", first.key(), kT0));
  EXPECT_EQ(ids(store().list_alerts(only_ana)), (V{late_id, late_too_id}));
  AlertQuery with_withdrawn = only_ana;
  with_withdrawn.include_withdrawn = true;
  EXPECT_EQ(ids(store().list_alerts(with_withdrawn)), (V{first_id, late_id, late_too_id}));

  AlertQuery nobody;
  nobody.athlete = "carol";
  EXPECT_TRUE(store().list_alerts(nobody).empty());
}

TEST_F(AlertStore, StoredAlertCarriesAthleteAndTheActivitysSourceId) {
  const auto id = store().upsert_alert("ana", spike(), kT0);
  auto stored = store().alert_by_id(id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->athlete, "ana");
  EXPECT_EQ(stored->activity_source_id, "run-hash");

  // After a richer source replaced the run, the kept source's id is reported.
  Activity fit = make_run("ana", kT0, 12010, "fit-hash", SourceKind::fit);
  store().replace_activity(run_, fit);
  stored = store().alert_by_id(id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->activity_source_id, "fit-hash");

  Checkin checkin;
  checkin.athlete = "ana";
  checkin.at = kT0;
  checkin.morning = 4;
  Alert pain;
  pain.subject.checkin_id = store().insert_checkin(checkin);
  pain.kind = AlertKind::pain;
  pain.category = "morning";
  stored = store().alert_by_id(store().upsert_alert("ana", pain, kT0));
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->activity_source_id, "");
  EXPECT_EQ(stored->alert.subject.activity_id, 0);
  EXPECT_FALSE(store().alert_by_id(9999));
}

TEST_F(AlertStore, UnknownAthleteIsAStoreError) {
  EXPECT_THROW(store().upsert_alert("bob", spike(), kT0), StoreError);
}

}  // namespace
}  // namespace tendon::test
