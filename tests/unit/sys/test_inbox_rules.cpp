// The inbox rules: which names are taken for import, and moving a handled file aside
// without ever replacing one already there.
#include "sys/inbox_rules.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "support/temp_dir.h"

namespace tendon {
namespace {

using testing::TempDir;
namespace fs = std::filesystem;

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(InboxRules, ActivityFilesAreTaken) {
  EXPECT_FALSE(is_ignored_inbox_name("run.fit"));
  EXPECT_FALSE(is_ignored_inbox_name("Morning Run.fit.gz"));
  EXPECT_FALSE(is_ignored_inbox_name("log.jsonl"));
  EXPECT_FALSE(is_ignored_inbox_name("partner.gpx"));  // "part" inside a name is fine
  EXPECT_FALSE(is_ignored_inbox_name("tmp.csv"));
}

TEST(InboxRules, HiddenPartialAndTemporaryFilesAreIgnored) {
  EXPECT_TRUE(is_ignored_inbox_name(".run.fit"));
  EXPECT_TRUE(is_ignored_inbox_name(".goutputstream-XYZ"));
  EXPECT_TRUE(is_ignored_inbox_name("run.fit.part"));
  EXPECT_TRUE(is_ignored_inbox_name("run.fit.PART"));
  EXPECT_TRUE(is_ignored_inbox_name("export.zip.crdownload"));
  EXPECT_TRUE(is_ignored_inbox_name("run.tmp"));
  EXPECT_TRUE(is_ignored_inbox_name(""));
}

TEST(InboxRules, TheResultFoldersAreIgnored) {
  EXPECT_TRUE(is_ignored_inbox_name("processed"));
  EXPECT_TRUE(is_ignored_inbox_name("failed"));
}

TEST(InboxRules, AClashNumberGoesBeforeTheSuffix) {
  EXPECT_EQ(numbered_name("run.fit", 0), "run.fit");
  EXPECT_EQ(numbered_name("run.fit", 2), "run-2.fit");
  EXPECT_EQ(numbered_name("run.fit.gz", 1), "run-1.fit.gz");
  EXPECT_EQ(numbered_name("Morning 12.5km.fit", 1), "Morning 12.5km-1.fit");
  EXPECT_EQ(numbered_name("notes", 3), "notes-3");
  EXPECT_EQ(numbered_name("archive.gz", 1), "archive-1.gz");
}

TEST(InboxRules, AMovedFileKeepsItsNameWhenFree) {
  TempDir dir;
  const fs::path file = dir.write("inbox/run.fit", "one");
  std::error_code ec;
  const fs::path to = move_without_overwrite(file, dir.path() / "inbox/processed", ec);
  ASSERT_FALSE(ec) << ec.message();
  EXPECT_EQ(to, dir.path() / "inbox/processed/run.fit");
  EXPECT_FALSE(fs::exists(file));
  EXPECT_EQ(read(to), "one");
}

TEST(InboxRules, ANameClashGetsTheNextFreeNumberAndNothingIsOverwritten) {
  TempDir dir;
  dir.write("inbox/processed/run.fit", "old");
  dir.write("inbox/processed/run-1.fit", "older");
  const fs::path file = dir.write("inbox/run.fit", "new");
  std::error_code ec;
  const fs::path to = move_without_overwrite(file, dir.path() / "inbox/processed", ec);
  ASSERT_FALSE(ec) << ec.message();
  EXPECT_EQ(to, dir.path() / "inbox/processed/run-2.fit");
  EXPECT_EQ(read(dir.path() / "inbox/processed/run.fit"), "old");
  EXPECT_EQ(read(dir.path() / "inbox/processed/run-1.fit"), "older");
  EXPECT_EQ(read(to), "new");
}

TEST(InboxRules, ALeftoverReasonFileCountsAsAClash) {
  TempDir dir;
  dir.write("inbox/failed/bad.fit.reason", "an older failure");
  const fs::path file = dir.write("inbox/bad.fit", "garbage");
  std::error_code ec;
  const fs::path to = move_without_overwrite(file, dir.path() / "inbox/failed", ec, ".reason");
  ASSERT_FALSE(ec) << ec.message();
  EXPECT_EQ(to, dir.path() / "inbox/failed/bad-1.fit");
  EXPECT_EQ(read(dir.path() / "inbox/failed/bad.fit.reason"), "an older failure");
}

TEST(InboxRules, AMoveThatCannotHappenSaysWhyAndLeavesTheFile) {
  TempDir dir;
  std::error_code ec;
  const fs::path to = move_without_overwrite(dir.path() / "inbox/missing.fit", dir.path() / "inbox/processed", ec);
  EXPECT_TRUE(ec);
  EXPECT_TRUE(to.empty());
}

}  // namespace
}  // namespace tendon
