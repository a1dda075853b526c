// Loading tendon-*.so plugins: the permission checks, and deliberately broken plugins
// refused with their path and reason while the others load.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ingest/plugin_descriptor.h"
#include "ingest/plugin_host.h"
#include "loader_fixture.h"

namespace tendon::test {
namespace {

using PluginLoaderTest = PluginFolderTest;

// The single problem load_folder reported, as "<path>: <reason>".
std::string only_problem(const std::vector<PluginProblem>& problems) {
  if (problems.size() != 1) {
    std::string all = std::to_string(problems.size()) + " problems:";
    for (const auto& p : problems) all += "\n  " + p.line();
    return all;
  }
  return problems.front().line();
}

TEST_F(PluginLoaderTest, LoadsAGoodPluginAndImportsWithIt) {
  const auto path = install(TENDON_TEST_PLUGIN_GOOD, "tendon-good.so");
  PluginHost host(log_.sink());
  EXPECT_TRUE(host.load_folder(folder()).empty());
  const auto importers = host.importers();
  ASSERT_EQ(importers.size(), 1u);
  EXPECT_EQ(importers[0].id, "test-good");
  EXPECT_EQ(importers[0].plugin_id, "test-good");
  EXPECT_EQ(importers[0].origin, path.string());
  const PluginImport r = host.import("x.good", "anything");
  ASSERT_TRUE(r.ok()) << r.error;
  ASSERT_EQ(r.activities.size(), 1u);
  EXPECT_EQ(r.activities[0].sport, "running");
  EXPECT_EQ(r.activities[0].distance_m, 5000);
}

TEST_F(PluginLoaderTest, RefusesAnotherMajor) {
  const auto path = install(TENDON_TEST_PLUGIN_WRONG_MAJOR, "tendon-wrong-major.so");
  PluginHost host(log_.sink());
  EXPECT_EQ(only_problem(host.load_folder(folder())), path.string() + ": ABI major 2 is not supported (host speaks 1)");
  EXPECT_TRUE(host.importers().empty());
}

TEST_F(PluginLoaderTest, RefusesANewerMinor) {
  const auto path = install(TENDON_TEST_PLUGIN_NEWER_MINOR, "tendon-newer-minor.so");
  PluginHost host(log_.sink());
  EXPECT_EQ(only_problem(host.load_folder(folder())), path.string() + ": built for ABI 1." + std::to_string(TENDON_PLUGIN_ABI_MINOR + 1) +
                ", host speaks 1." + std::to_string(TENDON_PLUGIN_ABI_MINOR));
}

TEST_F(PluginLoaderTest, RefusesAPluginWithoutTheEntrySymbol) {
  const auto path = install(TENDON_TEST_PLUGIN_NO_ENTRY, "tendon-no-entry.so");
  PluginHost host(log_.sink());
  EXPECT_EQ(only_problem(host.load_folder(folder())), path.string() + ": no tendon_entry symbol");
}

TEST_F(PluginLoaderTest, RefusesAShortStruct) {
  const auto path = install(TENDON_TEST_PLUGIN_SHORT_STRUCT, "tendon-short.so");
  PluginHost host(log_.sink());
  EXPECT_EQ(only_problem(host.load_folder(folder())),
            path.string() + ": descriptor struct_size 12 is smaller than the 1.0 layout (" +
                std::to_string(kPluginLayout10Size) + ")");
}

TEST_F(PluginLoaderTest, RefusesAFailedInitWithWhatItLogged) {
  const auto path = install(TENDON_TEST_PLUGIN_INIT_FAILURE, "tendon-init-failure.so");
  PluginHost host(log_.sink());
  EXPECT_EQ(only_problem(host.load_folder(folder())),
            path.string() + ": init failed with TENDON_ERR_INTERNAL: cannot find its calibration table");
  EXPECT_TRUE(log_.contains("test-good: cannot find its calibration table"));
}

TEST_F(PluginLoaderTest, RefusesAnEntryThatReturnsNull) {
  const auto path = install(TENDON_TEST_PLUGIN_ENTRY_NULL, "tendon-null.so");
  PluginHost host(log_.sink());
  EXPECT_EQ(only_problem(host.load_folder(folder())), path.string() + ": tendon_entry returned NULL");
}

TEST_F(PluginLoaderTest, RefusesAnUnresolvedSymbolAtLoadTime) {
  const auto path = install(TENDON_TEST_PLUGIN_UNDEFINED_SYMBOL, "tendon-undefined.so");
  PluginHost host(log_.sink());
  const std::string problem = only_problem(host.load_folder(folder()));
  EXPECT_EQ(problem.rfind(path.string() + ": dlopen failed: ", 0), 0u) << problem;
  EXPECT_NE(problem.find("undefined symbol: tendon_test_missing_function"), std::string::npos) << problem;
}

TEST_F(PluginLoaderTest, AThrowingCppPluginLoadsButItsImportFails) {
  install(TENDON_TEST_PLUGIN_THROWS, "tendon-throws.so");
  PluginHost host(log_.sink());
  ASSERT_TRUE(host.load_folder(folder()).empty());
  const PluginImport r = host.import("run.throws", "x");
  EXPECT_EQ(r.status, TENDON_ERR_INTERNAL);
  EXPECT_EQ(r.error, "plugin test-throws threw an exception");
  EXPECT_TRUE(host.importers().at(0).disabled);
  EXPECT_TRUE(log_.contains("test-throws: plugin test-throws threw an exception while importing 'run.throws'"));
  EXPECT_EQ(host.import("run.throws", "x").status, TENDON_ERR_FORMAT);  // not called again
}

TEST_F(PluginLoaderTest, BrokenPluginsDoNotStopTheOthers) {
  const auto major = install(TENDON_TEST_PLUGIN_WRONG_MAJOR, "tendon-a-major.so");
  const auto entry = install(TENDON_TEST_PLUGIN_NO_ENTRY, "tendon-b-entry.so");
  install(TENDON_TEST_PLUGIN_GOOD, "tendon-c-good.so");
  const auto undefined = install(TENDON_TEST_PLUGIN_UNDEFINED_SYMBOL, "tendon-d-undefined.so");
  PluginHost host(log_.sink());
  const auto problems = host.load_folder(folder());
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].origin, major.string());  // in name order
  EXPECT_EQ(problems[1].origin, entry.string());
  EXPECT_EQ(problems[2].origin, undefined.string());
  EXPECT_EQ(host.importers().size(), 1u);
  EXPECT_TRUE(host.import("x.good", "x").ok());
}

TEST_F(PluginLoaderTest, TheSamePluginTwiceIsRefusedTheSecondTime) {
  const auto first = install(TENDON_TEST_PLUGIN_GOOD, "tendon-good-1.so");
  const auto second = install(TENDON_TEST_PLUGIN_GOOD, "tendon-good-2.so");
  PluginHost host(log_.sink());
  EXPECT_EQ(only_problem(host.load_folder(folder())),
            second.string() + ": plugin id 'test-good' is already taken by " + first.string());
}

TEST_F(PluginLoaderTest, RefusesAFileWritableByGroupOrOthers) {
  const auto group = install(TENDON_TEST_PLUGIN_GOOD, "tendon-group.so", 0664);
  PluginHost host(log_.sink());
  EXPECT_EQ(only_problem(host.load_folder(folder())),
            group.string() + ": is writable by group or others (mode 0664)");
  std::filesystem::remove(group);
  const auto others = install(TENDON_TEST_PLUGIN_GOOD, "tendon-others.so", 0646);
  EXPECT_EQ(only_problem(host.load_folder(folder())),
            others.string() + ": is writable by group or others (mode 0646)");
  EXPECT_TRUE(host.importers().empty());
  EXPECT_FALSE(mapped());  // refused before dlopen: its code never ran
}

TEST_F(PluginLoaderTest, RefusesAFolderWritableByGroup) {
  install(TENDON_TEST_PLUGIN_GOOD, "tendon-good.so");
  chmod(folder().c_str(), 0775);
  PluginHost host(log_.sink());
  EXPECT_EQ(only_problem(host.load_folder(folder())),
            folder().string() + ": folder is writable by group or others (mode 0775)");
  EXPECT_TRUE(host.importers().empty());
  // load_file checks the folder too.
  const auto problem = host.load_file(folder() / "tendon-good.so");
  ASSERT_TRUE(problem);
  EXPECT_EQ(problem->reason, "folder is writable by group or others (mode 0775)");
}

TEST_F(PluginLoaderTest, RefusesAFileOwnedBySomeoneElse) {
  if (geteuid() != 0) GTEST_SKIP() << "needs root to give a file away";
  const auto path = install(TENDON_TEST_PLUGIN_GOOD, "tendon-theirs.so");
  ASSERT_EQ(chown(path.c_str(), 12345, static_cast<gid_t>(-1)), 0);
  PluginHost host(log_.sink());
  EXPECT_EQ(only_problem(host.load_folder(folder())), path.string() + ": is owned by uid 12345, not by uid 0 or root");
}

TEST_F(PluginLoaderTest, IgnoresFilesNotNamedTendonStarSo) {
  for (const char* name : {"libfoo.so", "tendon.so", "tendon-.so", "tendon-x.so.1", "tendon-x.txt", "README", "x-tendon-y.so"}) {
    install(TENDON_TEST_PLUGIN_WRONG_MAJOR, name);
  }
  PluginHost host(log_.sink());
  EXPECT_TRUE(host.load_folder(folder()).empty());
  EXPECT_TRUE(host.importers().empty());
  const auto problem = host.load_file(folder() / "libfoo.so");
  ASSERT_TRUE(problem);
  EXPECT_EQ(problem->reason, "not named tendon-*.so");
}

TEST_F(PluginLoaderTest, AMissingFolderIsNotAProblem) {
  PluginHost host(log_.sink());
  EXPECT_TRUE(host.load_folder(dir().path() / "no-such-folder").empty());
}

TEST_F(PluginLoaderTest, AFileInsteadOfAFolderIsAProblem) {
  const auto file = dir().write("not-a-folder", "x");
  PluginHost host(log_.sink());
  EXPECT_EQ(only_problem(host.load_folder(file)), file.string() + ": is not a folder");
}

TEST_F(PluginLoaderTest, RefusesADirectoryNamedLikeAPlugin) {
  std::filesystem::create_directory(folder() / "tendon-dir.so");
  chmod((folder() / "tendon-dir.so").c_str(), 0755);
  PluginHost host(log_.sink());
  EXPECT_EQ(only_problem(host.load_folder(folder())), (folder() / "tendon-dir.so").string() + ": is not a regular file");
}

TEST_F(PluginLoaderTest, FollowsASymlinkAndChecksItsTarget) {
  const auto elsewhere = dir().path() / "store";
  std::filesystem::create_directory(elsewhere);
  chmod(elsewhere.c_str(), 0755);
  const auto target = elsewhere / "good.so";
  std::filesystem::copy_file(TENDON_TEST_PLUGIN_GOOD, target);
  chmod(target.c_str(), 0644);
  std::filesystem::create_symlink(target, folder() / "tendon-link.so");
  {
    PluginHost host(log_.sink());
    EXPECT_TRUE(host.load_folder(folder()).empty());
    EXPECT_EQ(host.importers().size(), 1u);
  }
  chmod(target.c_str(), 0666);
  PluginHost host(log_.sink());
  const std::string problem = only_problem(host.load_folder(folder()));
  EXPECT_EQ(problem, (folder() / "tendon-link.so").string() + ": (a symlink to " + target.string() +
                         ") is writable by group or others (mode 0666)");
}

TEST_F(PluginLoaderTest, LoadFileLoadsOnePlugin) {
  const auto path = install(TENDON_TEST_PLUGIN_GOOD, "tendon-good.so");
  PluginHost host(log_.sink());
  EXPECT_FALSE(host.load_file(path));
  EXPECT_EQ(host.importers().size(), 1u);
  const auto missing = host.load_file(folder() / "tendon-missing.so");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->reason, "cannot be read: No such file or directory");
}

TEST_F(PluginLoaderTest, ClosesRefusedPluginsAtOnceAndLoadedOnesWithTheHost) {
  install(TENDON_TEST_PLUGIN_WRONG_MAJOR, "tendon-a-major.so");
  install(TENDON_TEST_PLUGIN_GOOD, "tendon-b-good.so");
  {
    PluginHost host(log_.sink());
    EXPECT_EQ(host.load_folder(folder()).size(), 1u);
    EXPECT_TRUE(mapped());  // the good one
    std::ifstream maps("/proc/self/maps");
    const std::string all((std::istreambuf_iterator<char>(maps)), std::istreambuf_iterator<char>());
    EXPECT_EQ(all.find("tendon-a-major.so"), std::string::npos);
  }
  EXPECT_FALSE(mapped());
}

}  // namespace
}  // namespace tendon::test
