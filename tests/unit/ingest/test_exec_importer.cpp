// Exec importers: real little programs (shell scripts in a temporary folder) that print
// activity JSON lines, and the ways such a program can misbehave.
#include <gtest/gtest.h>
#include <dirent.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>

#include "ingest/exec_importer.h"
#include "ingest/plugin_host.h"
#include "plugin_fakes.h"
#include "support/temp_dir.h"

namespace tendon::test {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr const char* kRun =
    R"({"start": "2026-11-02T07:00:00Z", "sport": "run", "distance_m": 5000, "athlete": "ana"})";

int open_descriptors() {
  int count = 0;
  DIR* dir = opendir("/proc/self/fd");
  while (dirent* entry = readdir(dir)) count += entry->d_name[0] != '.' ? 1 : 0;
  closedir(dir);
  return count;
}

class ExecImporterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    bin_ = dir_.path() / "bin";
    fs::create_directories(bin_);
    chmod(bin_.c_str(), 0755);
  }

  // A /bin/sh script in our folder, mode 0755 unless told otherwise.
  std::string script(const std::string& name, const std::string& body, mode_t mode = 0755) const {
    const fs::path path = bin_ / name;
    std::ofstream(path) << "#!/bin/sh\n" << body << "\n";
    chmod(path.c_str(), mode);
    return path.string();
  }

  ExecImporterSpec spec(const std::string& program, const std::string& suffix = ".myexport") const {
    ExecImporterSpec s;
    s.id = "my-platform";
    s.argv = {program};
    s.suffixes = {suffix};
    s.description = "my platform's export";
    return s;
  }

  // A host with the spec added (which must be accepted).
  std::unique_ptr<PluginHost> host_with(const ExecImporterSpec& s) {
    auto host = std::make_unique<PluginHost>(log_.sink());
    const auto problem = host->add_exec_importer(s);
    EXPECT_FALSE(problem) << problem->line();
    return host;
  }

  // No child of ours is left, not even a zombie.
  static void expect_no_children() {
    int status = 0;
    EXPECT_EQ(waitpid(-1, &status, WNOHANG), -1);
    EXPECT_EQ(errno, ECHILD);
  }

  tendon::testing::TempDir dir_;
  fs::path bin_;
  LogCapture log_;
};

TEST_F(ExecImporterTest, ImportsWhatAGoodProgramPrints) {
  // Prints the file name it was given (last argument) and the byte count of its stdin.
  const auto program = script("good", R"(n=$(wc -c | tr -d ' ')
printf '{"id": "%s-%s", "start": "2026-11-02T07:00:00+01:00", "sport": "Run", "distance_m": %s, "duration_s": 3000, "shoe": "Pegasus", "athlete": "ana"}\n' "$1" "$2" "$n"
printf '# a comment line\n'
printf '{"id": "second", "start": "2026-11-03T07:00:00Z", "sport": "ride", "distance_m": 40000}\n')");
  ExecImporterSpec s = spec(program);
  s.argv.push_back("--flag");
  auto host = host_with(s);
  const PluginImport r = host->import("/data/week-44.MyExport", std::string(12345, 'x'));
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.importer_id, "my-platform");
  ASSERT_EQ(r.activities.size(), 2u);
  const Activity& a = r.activities[0];
  EXPECT_EQ(a.source_id, "--flag-week-44.MyExport");
  EXPECT_EQ(a.distance_m, 12345);
  EXPECT_EQ(a.sport, "running");
  EXPECT_EQ(a.utc_offset_s, 3600);
  EXPECT_EQ(a.elapsed_s, 3000);
  EXPECT_EQ(a.shoe, "Pegasus");
  EXPECT_EQ(a.athlete, "ana");
  EXPECT_EQ(a.source_kind, SourceKind::summary);
  EXPECT_EQ(r.activities[1].sport, "cycling");
  EXPECT_EQ(r.sample_counts, (std::vector<std::size_t>{0, 0}));
  EXPECT_TRUE(r.warnings.empty()) << joined(r.warnings);
  expect_no_children();
}

TEST_F(ExecImporterTest, IsListedAmongTheImporters) {
  auto host = host_with(spec(script("good", "cat >/dev/null")));
  const auto importers = host->importers();
  ASSERT_EQ(importers.size(), 1u);
  EXPECT_EQ(importers[0].id, "my-platform");
  EXPECT_EQ(importers[0].suffixes, (std::vector<std::string>{".myexport"}));
  EXPECT_EQ(importers[0].origin, "exec:" + (bin_ / "good").string());
  EXPECT_EQ(importers[0].description, "my platform's export");
}

TEST_F(ExecImporterTest, KillsAProgramThatNeverEnds) {
  // The shell waits for a background sleep: both must die (the whole process group).
  const auto pid_file = dir_.path() / "sleeper.pid";
  ExecImporterSpec s = spec(script("sleeper", "sleep 1000 &\necho $! > " + pid_file.string() + "\nwait"));
  s.timeout_s = 0.5;
  auto host = host_with(s);
  const auto started = Clock::now();
  const PluginImport r = host->import("x.myexport", "data");
  const auto took = Clock::now() - started;
  EXPECT_EQ(r.status, TENDON_ERR_LIMIT);
  EXPECT_EQ(r.error, "timed out after 0.5 s");
  EXPECT_LT(took, std::chrono::seconds(5));
  EXPECT_GE(took, std::chrono::milliseconds(450));
  expect_no_children();
  // The grandchild is gone too (or at most a zombie waiting for init).
  pid_t sleeper = 0;
  std::ifstream(pid_file) >> sleeper;
  ASSERT_GT(sleeper, 0);
  for (int i = 0; i < 100; ++i) {
    std::ifstream stat("/proc/" + std::to_string(sleeper) + "/stat");
    std::string pid, comm, state;
    if (!(stat >> pid >> comm >> state) || state == "Z") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (i == 99) ADD_FAILURE() << "sleep " << sleeper << " is still running";
  }
}

TEST_F(ExecImporterTest, ReportsAFailingProgramWithItsLastStderrLine) {
  auto host = host_with(spec(script("fails", R"(cat >/dev/null
echo "reading export" >&2
echo "bad header in export: expected 'date,type'" >&2
echo "" >&2
exit 3)")));
  const PluginImport r = host->import("x.myexport", "data");
  EXPECT_EQ(r.status, TENDON_ERR_FORMAT);
  EXPECT_EQ(r.error, "exited with status 3: bad header in export: expected 'date,type'");
  EXPECT_TRUE(r.activities.empty());
  expect_no_children();
}

TEST_F(ExecImporterTest, ActivitiesPrintedBeforeAFailureAreNotKept) {
  auto host = host_with(spec(script("half", std::string("echo '") + kRun + "'\nexit 1")));
  const PluginImport r = host->import("x.myexport", "");
  EXPECT_EQ(r.status, TENDON_ERR_FORMAT);
  EXPECT_EQ(r.error, "exited with status 1");
  EXPECT_TRUE(r.activities.empty());
}

TEST_F(ExecImporterTest, ReportsAProgramKilledByASignal) {
  auto host = host_with(spec(script("crashes", "echo 'about to crash' >&2\nkill -SEGV $$")));
  const PluginImport r = host->import("x.myexport", "");
  EXPECT_EQ(r.status, TENDON_ERR_INTERNAL);
  EXPECT_EQ(r.error, "killed by signal 11 (Segmentation fault): about to crash");
}

TEST_F(ExecImporterTest, GarbageLinesBecomeWarnings) {
  auto host = host_with(spec(script("garbage", std::string("cat >/dev/null\necho 'this is not json'\necho '") + kRun +
                                                   "'\necho '{\"start\": \"yesterday\"}'")));
  const PluginImport r = host->import("x.myexport", "data");
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.activities.size(), 1u);
  ASSERT_EQ(r.warnings.size(), 2u) << joined(r.warnings);
  EXPECT_EQ(r.warnings[0].rfind("output line 1: ", 0), 0u) << r.warnings[0];
  EXPECT_EQ(r.warnings[1].rfind("output line 3: ", 0), 0u) << r.warnings[1];
}

TEST_F(ExecImporterTest, NothingPrintedIsAWarning) {
  auto host = host_with(spec(script("silent", "cat >/dev/null")));
  const PluginImport r = host->import("x.myexport", "data");
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.warnings, (std::vector<std::string>{"the program printed no activity"}));
}

TEST_F(ExecImporterTest, ActivitiesOutOfBoundsAreDropped) {
  auto host = host_with(spec(script("old", R"(echo '{"start": "1985-06-01T07:00:00Z", "sport": "run", "distance_m": 5000}')")));
  const PluginImport r = host->import("x.myexport", "");
  EXPECT_TRUE(r.activities.empty());
  // The activity-log reader refuses it first, with the same range the host enforces.
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].find("1985-06-01T07:00:00Z"), std::string::npos) << r.warnings[0];
  EXPECT_NE(r.warnings[0].find("out of range (years 1990 to 2099)"), std::string::npos) << r.warnings[0];
}

TEST_F(ExecImporterTest, StopsAProgramThatFloodsItsOutput) {
  ExecImporterSpec s = spec(script("flood", std::string("while :; do echo '") + kRun + "'; done"));
  s.max_output_bytes = 1 << 20;
  auto host = host_with(s);
  const auto started = Clock::now();
  const PluginImport r = host->import("x.myexport", "");
  EXPECT_EQ(r.status, TENDON_ERR_LIMIT);
  EXPECT_EQ(r.error, "printed more than 1048576 bytes");
  EXPECT_TRUE(r.activities.empty());
  EXPECT_LT(Clock::now() - started, std::chrono::seconds(10));
  expect_no_children();
}

TEST_F(ExecImporterTest, AProgramThatNeverReadsStdinCannotBlockUs) {
  // 16 MiB is far more than a pipe holds: a blocking write would hang here forever.
  ExecImporterSpec s = spec(script("deaf", std::string("sleep 0.2\necho '") + kRun + "'"));
  s.timeout_s = 20;
  auto host = host_with(s);
  const auto started = Clock::now();
  const PluginImport r = host->import("x.myexport", std::string(16 << 20, 'x'));
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.activities.size(), 1u);
  EXPECT_LT(Clock::now() - started, std::chrono::seconds(10));
  expect_no_children();
}

TEST_F(ExecImporterTest, AProgramThatClosesStdinEarlyIsFine) {
  // head reads a little and exits: our next write meets a closed pipe (EPIPE, no SIGPIPE).
  ExecImporterSpec s = spec(script("early", std::string("head -c 10 >/dev/null\necho '") + kRun + "'"));
  auto host = host_with(s);
  const PluginImport r = host->import("x.myexport", std::string(4 << 20, 'x'));
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.activities.size(), 1u);
}

TEST_F(ExecImporterTest, LeaksNoDescriptor) {
  auto host = host_with(spec(script("good", std::string("cat >/dev/null\necho '") + kRun + "'")));
  host->import("x.myexport", "warm up");
  const int before = open_descriptors();
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(host->import("x.myexport", "data").ok());
  EXPECT_EQ(open_descriptors(), before);
}

TEST_F(ExecImporterTest, TheProgramInheritsOnlyItsThreeStandardDescriptors) {
  // ls, run inside $(...), has exactly three pipes: our stdin and stderr pipes and the
  // shell's substitution pipe. Any other end of ours it inherited would be one more.
  const auto program = script("fds", R"(cat >/dev/null
n=$(ls -l /proc/self/fd | grep -c 'pipe:')
printf '{"start": "2026-11-02T07:00:00Z", "sport": "run", "distance_m": 1, "device": "%s pipes"}\n' "$n")");
  auto host = host_with(spec(program));
  const PluginImport r = host->import("x.myexport", "data");
  ASSERT_EQ(r.activities.size(), 1u) << r.error << joined(r.warnings);
  EXPECT_EQ(r.activities[0].device, "3 pipes");
}

TEST_F(ExecImporterTest, IsChosenBySuffixOverAPluginOfTheSameSuffix) {
  reset_fakes();
  FakePlugin fake("fake");
  fake.importer(0, "fake", {".myexport"});
  auto host = host_with(spec(script("good", std::string("cat >/dev/null\necho '") + kRun + "'")));
  ASSERT_FALSE(host->add(fake.build(), "built-in:fake"));
  EXPECT_EQ(host->import("x.myexport", "data").importer_id, "my-platform");
  reset_fakes();
}

TEST_F(ExecImporterTest, ValidatesTheSpec) {
  const auto good = script("good", "cat >/dev/null");
  const auto reason = [&](const ExecImporterSpec& s) {
    PluginHost host(log_.sink());
    const auto problem = host.add_exec_importer(s);
    return problem ? problem->reason : "(accepted)";
  };
  EXPECT_EQ(reason(spec(good)), "(accepted)");
  {
    ExecImporterSpec s = spec(good);
    s.id = "My Platform";
    EXPECT_EQ(reason(s), "id 'My Platform' may only contain a-z, 0-9, '.', '_' and '-'");
  }
  {
    ExecImporterSpec s = spec(good);
    s.argv.clear();
    EXPECT_EQ(reason(s), "no program given");
  }
  {
    ExecImporterSpec s = spec(good);
    s.argv = {"convert.sh"};
    EXPECT_EQ(reason(s), "program 'convert.sh' is not an absolute path");
  }
  {
    ExecImporterSpec s = spec(good);
    s.suffixes.clear();
    EXPECT_EQ(reason(s), "declares no suffix (an exec importer is chosen by suffix only)");
    s.suffixes = {".MyExport"};
    EXPECT_EQ(reason(s), "suffix '.MyExport' is not lower-case");
  }
  {
    ExecImporterSpec s = spec(good);
    s.timeout_s = 0;
    EXPECT_EQ(reason(s), "timeout_s 0 is outside (0, 86400]");
    s.timeout_s = std::nan("");
    EXPECT_EQ(reason(s), "timeout_s nan is outside (0, 86400]");
  }
  {
    ExecImporterSpec s = spec(good);
    s.max_output_bytes = 0;
    EXPECT_EQ(reason(s), "max_output_bytes 0 is outside 1..1073741824");
  }
  EXPECT_EQ(reason(spec((bin_ / "missing").string())),
            "program " + (bin_ / "missing").string() + " cannot be read: No such file or directory");
  const auto not_executable = script("plain", "true", 0644);
  EXPECT_EQ(reason(spec(not_executable)), "program " + not_executable + " is not executable");
  const auto group_writable = script("shared", "true", 0775);
  EXPECT_EQ(reason(spec(group_writable)),
            "program " + group_writable + " is writable by group or others (mode 0775)");
  EXPECT_EQ(reason(spec(bin_.string())), "program " + bin_.string() + " is not a regular file");
  chmod(bin_.c_str(), 0777);
  EXPECT_EQ(reason(spec(good)), "program " + good + ": " + bin_.string() + " folder is writable by group or others (mode 0777)");
  chmod(bin_.c_str(), 0755);
  // A system program passes: root-owned, in a root-owned folder.
  EXPECT_EQ(reason(spec("/bin/cat")), "(accepted)");
}

TEST_F(ExecImporterTest, RefusesATakenId) {
  const auto good = script("good", "cat >/dev/null");
  reset_fakes();
  FakePlugin fake("fake");
  fake.importer(0, "my-platform", {".x"});
  PluginHost host(log_.sink());
  ASSERT_FALSE(host.add(fake.build(), "built-in:fake"));
  const auto problem = host.add_exec_importer(spec(good));
  ASSERT_TRUE(problem);
  EXPECT_EQ(problem->line(),
            "exec:" + good + ": importer id 'my-platform' is already taken by plugin 'fake' (built-in:fake)");
  ExecImporterSpec other = spec(good);
  other.id = "other";
  ASSERT_FALSE(host.add_exec_importer(other));
  const auto again = host.add_exec_importer(other);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->reason, "importer id 'other' is already taken by exec importer (" + good + ")");
  reset_fakes();
}

TEST_F(ExecImporterTest, RunsConcurrently) {
  ExecImporterSpec s = spec(script("slow", std::string("cat >/dev/null\nsleep 0.3\necho '") + kRun + "'"));
  auto host = host_with(s);
  const auto started = Clock::now();
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] { ok += host->import("x.myexport", "data").activities.size() == 1 ? 1 : 0; });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 4);
  EXPECT_LT(Clock::now() - started, std::chrono::milliseconds(1100));
  expect_no_children();
}

}  // namespace
}  // namespace tendon::test
