// What the daemon logs about an inbox file and what a .reason file holds.
#include "sys/inbox_report.h"

#include <gtest/gtest.h>

namespace tendon {
namespace {

TEST(InboxReport, AnImportIsOneLineWithItsCountsAndAlerts) {
  ImportReport r;
  r.file = "/in/run.fit";
  AthleteImport a;
  a.imported = 1;
  a.alerts.raised.resize(2);
  r.athletes.push_back(a);
  EXPECT_EQ(inbox_log_line(r),
            "tendond: imported /in/run.fit: 1 imported, 0 duplicates, 0 already imported, 0 warnings (2 alerts raised)");
}

TEST(InboxReport, AFailureNamesItsReasonOnOneLine) {
  ImportReport r;
  r.file = "/in/bad.fit";
  r.error = "not a FIT file\n(header too short)";
  EXPECT_EQ(inbox_log_line(r), "tendond: failed /in/bad.fit: not a FIT file (header too short)");
  r.problems = {"line 2: bad start"};
  EXPECT_EQ(inbox_reason_text(r), "not a FIT file (header too short)\nline 2: bad start\n");
}

TEST(InboxReport, ASkippedFileSaysWhatItIs) {
  ImportReport r;
  r.file = "/in/settings.fit";
  r.skipped = "a FIT settings file, no activity";
  EXPECT_EQ(inbox_log_line(r), "tendond: skipped /in/settings.fit: a FIT settings file, no activity");
}

}  // namespace
}  // namespace tendon
