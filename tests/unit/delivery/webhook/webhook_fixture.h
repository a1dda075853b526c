#pragma once
// A real store file with one athlete, one run and alerts on it, for the outbox tests.
#include <gtest/gtest.h>

#include <ctime>
#include <memory>
#include <string>

#include "store/store.h"
#include "support/temp_dir.h"

namespace tendon::test {

inline Instant wall_now() { return static_cast<Instant>(std::time(nullptr)); }

class OutboxFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = std::make_unique<Store>(database());
    store_->ensure_athlete("anna", "UTC");
  }
  std::filesystem::path database() const { return dir_.path() / "tendon.db"; }
  Store& store() { return *store_; }

  // A run `age_s` seconds ago and a spike alert about it; returns the alert.
  Alert stored_alert(Instant age_s, Severity severity = Severity::warning, const std::string& source = "run-1") {
    Activity run;
    run.athlete = "anna";
    run.source_id = source;
    run.source_kind = SourceKind::gpx;
    run.start = wall_now() - age_s;
    run.sport = "running";
    run.distance_m = 18000;
    Alert a;
    a.subject.activity_id = store_->insert_activity(run);
    a.at = run.start;
    a.kind = AlertKind::spike;
    a.category = "moderate";
    a.severity = severity;
    a.message = "Long run spike: 18.0 km is 80 % over your 30-day longest (10.0 km, Mar 1)";
    a.advice = "Keep the next runs short.";
    a.evidence = "runsafe-2025";
    return a;
  }

  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
};

}  // namespace tendon::test
