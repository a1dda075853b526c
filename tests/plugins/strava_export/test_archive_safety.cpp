// The archive reader's safety rules (issue 6, item 4), through the Strava importer: each
// hostile entry is refused with its name and the reason, and the rest of the export imports.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "archive/export_tree.h"
#include "export_fixtures.h"
#include "support/temp_dir.h"

namespace tendon::testing {
namespace {

const std::string kCsv =
    "Activity ID,Activity Date,Activity Type,Elapsed Time,Distance,Filename,Moving Time,Distance\n"
    "1,\"Jan 2, 2026, 7:00:00 AM\",Run,1800,3.1,,1750,5000\n"
    "2,\"Jan 3, 2026, 7:00:00 AM\",Run,1800,3.1,activities/link.gpx,1750,5000\n"
    "3,\"Jan 4, 2026, 7:00:00 AM\",Run,1800,3.1,activities/bomb.fit,1750,5000\n";

TEST(ArchiveSafety, HostileZipEntriesAreRefusedByNameAndTheRestImports) {
  const std::string zeros(std::size_t{64} << 20, '\0');  // deflates to ~64 KB: ratio ~1000
  const ParsedFile parsed = parse_file_bytes(builtin_host(), "export.zip",
                                             make_zip({{"activities.csv", kCsv},
                                                       {"../evil", "x"},
                                                       {"/etc/passwd", "root:x:0:0"},
                                                       {"activities/link.gpx", "/etc/passwd", EntryKind::symlink},
                                                       {"activities/bomb.fit", zeros}}));
  ASSERT_TRUE(parsed.fatal.empty()) << parsed.fatal;
  const auto& p = parsed.problems;
  EXPECT_TRUE(has_problem(p, {"entry '../evil'", "escapes"})) << listed(p);
  EXPECT_TRUE(has_problem(p, {"entry '/etc/passwd'", "absolute"})) << listed(p);
  EXPECT_TRUE(has_problem(p, {"entry 'activities/link.gpx'", "symbolic link"})) << listed(p);
  EXPECT_TRUE(has_problem(p, {"entry 'activities/bomb.fit'", "decompression bomb"})) << listed(p);
  // Row 1 is a manual entry; rows 2 and 3 lost their files and keep the CSV's figures.
  EXPECT_EQ(parsed.activities.size(), 3u) << listed(p);
}

TEST(ArchiveSafety, PerEntryAndTotalLimits) {
  const std::string zip = make_zip({{"a.txt", std::string(5000, 'a')}, {"b.txt", "bb"}, {"c.txt", std::string(3000, 'c')}});
  archive::Limits limits;
  limits.max_entry_bytes = 4000;
  limits.max_total_bytes = 2500;
  const auto tree = archive::open_zip(zip, limits);
  std::vector<std::string> read;
  tree->read([](const std::string&) { return true; }, [&](const std::string& path, std::string_view) {
    read.push_back(path);
    return true;
  });
  const auto problems = tree->take_problems();
  EXPECT_EQ(read, (std::vector<std::string>{"b.txt"}));
  EXPECT_TRUE(has_problem(problems, {"entry 'a.txt'", "over the limit"})) << listed(problems);
  EXPECT_TRUE(has_problem(problems, {"entry 'c.txt'", "in all"})) << listed(problems);
}

TEST(ArchiveSafety, FolderLinksAreNotFollowed) {
  TempDir dir;
  dir.write("export/activities.csv", kCsv);
  dir.write("export/activities/bomb.fit", "not a FIT file");
  // Another name of a file outside the export (one only the daemon might read).
  dir.write("secret.fit", "secret");
  std::filesystem::create_hard_link(dir.path() / "secret.fit", dir.path() / "export/activities/hard.fit");
  std::filesystem::create_symlink("/etc/passwd", dir.path() / "export/activities/link.gpx");
  std::filesystem::create_directory_symlink("/etc", dir.path() / "export/etc");
  const int fd = ::open((dir / "export").c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  ASSERT_GE(fd, 0);
  const ParsedFile parsed = parse_folder(builtin_host(), "export", fd);
  ::close(fd);
  ASSERT_TRUE(parsed.fatal.empty()) << parsed.fatal;
  EXPECT_TRUE(has_problem(parsed.problems, {"entry 'activities/link.gpx'", "symbolic link"})) << listed(parsed.problems);
  EXPECT_TRUE(has_problem(parsed.problems, {"entry 'etc'", "symbolic link"})) << listed(parsed.problems);
  EXPECT_TRUE(has_problem(parsed.problems, {"entry 'activities/hard.fit'", "hard links"})) << listed(parsed.problems);
  EXPECT_TRUE(has_problem(parsed.problems, {"activity 3", "activities/bomb.fit"})) << listed(parsed.problems);
  EXPECT_EQ(parsed.activities.size(), 3u);
}

TEST(ArchiveSafety, NotAZipIsOneClearError) {
  const ParsedFile parsed = parse_file_bytes(builtin_host(), "export.zip", std::string("PK\x03\x04garbage", 11));
  EXPECT_TRUE(parsed.activities.empty());
  EXPECT_FALSE(parsed.fatal.empty());
}

}  // namespace
}  // namespace tendon::testing
