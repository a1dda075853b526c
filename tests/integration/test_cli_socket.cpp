// tendonctl over the real tendond's control socket: every verb a method call, files
// passed by descriptor, events followed as they come, and the clear failures (no daemon,
// --config without --offline).
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <tendon/protocol.h>

#include "running_daemon.h"
#include "support/process.h"

namespace tendon::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(TENDON_SHARED_DIR) / "corpus";

std::string read_text(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

rapidjson::Document parse_json(const std::string& text) {
  rapidjson::Document d;
  d.Parse(text.c_str());
  return d;
}

std::string run_line(const std::string& id, const std::string& start, int metres) {
  return "{\"id\":\"" + id + "\",\"start\":\"" + start + "\",\"sport\":\"running\",\"distance_m\":" +
         std::to_string(metres) + "}\n";
}

// A tendonctl left running (watch, alerts --follow), its stdout and stderr in files.
class BackgroundTendonctl {
 public:
  BackgroundTendonctl(const TempDir& dir, const std::string& name, std::vector<std::string> args,
                      const std::vector<std::string>& env)
      : out_(dir.path() / (name + ".out")), err_(dir.path() / (name + ".err")) {
    pid_ = fork();
    if (pid_ == 0) {
      const int out = ::open(out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      const int err = ::open(err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      dup2(out, 1);
      dup2(err, 2);
      for (const auto& e : env) putenv(const_cast<char*>(e.c_str()));
      std::vector<char*> argv{const_cast<char*>(tendonctl_path())};
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
  }
  ~BackgroundTendonctl() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  BackgroundTendonctl(const BackgroundTendonctl&) = delete;
  BackgroundTendonctl& operator=(const BackgroundTendonctl&) = delete;

  std::string out() const { return read_text(out_); }
  std::string err() const { return read_text(err_); }
  // The exit code once it ended by itself; -1 when it is still running after the deadline.
  int wait_exit() {
    int status = 0;
    const bool ended = eventually([&] { return waitpid(pid_, &status, WNOHANG) == pid_; });
    if (!ended) return -1;
    exited_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

 private:
  fs::path out_, err_;
  pid_t pid_ = -1;
  bool exited_ = false;
};

class CliSocket : public ::testing::Test {
 protected:
  CliSocket() : inbox(dir.path() / "inbox") {
    fs::create_directories(inbox);
    dir.write("tendon.toml", "database = \"" + dir / "t.db" + "\"\n"
                             "[athletes.ana]\ntimezone = \"UTC\"\ninboxes = [\"" + inbox.string() + "\"]\n"
                             "[athletes.bob]\ntimezone = \"Europe/Berlin\"\ninboxes = []\n");
    // No --socket: the daemon binds the user socket under the test's own XDG_RUNTIME_DIR,
    // where tendonctl must find it by itself.
    daemon = std::make_unique<RunningDaemon>(dir, std::vector<std::string>{"--config", dir / "tendon.toml"});
    EXPECT_TRUE(daemon->wait_for("ready")) << daemon->log();
  }

  // The environment tendonctl runs in: the daemon's runtime folder, no TENDON_SOCKET.
  std::vector<std::string> env() const { return {"XDG_RUNTIME_DIR=" + dir / "run", "TENDON_SOCKET="}; }

  ProcessResult tendonctl(std::vector<std::string> args) const {
    args.insert(args.begin(), tendonctl_path());
    return run_process(args, env());
  }

  rapidjson::Document alerts_json(const std::vector<std::string>& extra = {}) const {
    std::vector<std::string> args{"alerts", "--json"};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = tendonctl(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    auto d = parse_json(r.out);
    EXPECT_TRUE(d.IsArray()) << r.out;
    return d;
  }

  // Two runs four days apart, the second 40 % longer: one spike alert.
  std::string spike_log(const std::string& name, const std::string& prefix) const {
    return dir.write(name, run_line(prefix + "1", "2026-05-04T07:00:00Z", 10000) +
                               run_line(prefix + "2", "2026-05-08T07:00:00Z", 14000))
        .string();
  }

  void deliver(const std::string& name, const std::string& text) const {
    const fs::path part = dir.path() / (name + ".part");
    std::ofstream(part, std::ios::binary) << text;
    fs::rename(part, inbox / name);
  }

  TempDir dir;
  fs::path inbox;
  std::unique_ptr<RunningDaemon> daemon;
};

TEST_F(CliSocket, AFitFilePassedByDescriptorIsImportedAndItsAlertsListed) {
  if (!fs::is_directory(kCorpus)) GTEST_SKIP() << "../shared/corpus is not beside the checkout";
  // 5 km three days before the 10.2 km of the FIT file: the FIT run is a large spike.
  const std::string log = dir.write("before.jsonl", run_line("before", "2013-06-10T04:00:00Z", 5000)).string();
  ASSERT_EQ(tendonctl({"import", log}).exit_code, 0);
  const fs::path fit = dir.path() / "watch" / "run.fit";
  fs::create_directories(fit.parent_path());
  fs::copy_file(kCorpus / "fit/garmin-forerunner-10.fit", fit);

  const auto text = tendonctl({"import", fit.string()});
  ASSERT_EQ(text.exit_code, 0) << text.out << text.err;
  EXPECT_NE(text.out.find(fit.string() + ": 1 imported"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("spike/"), std::string::npos) << "the alert it raised is shown\n" << text.out;

  const auto again = tendonctl({"import", "--json", fit.string()});
  const auto report = parse_json(again.out);
  ASSERT_TRUE(report.IsArray()) << again.out;
  EXPECT_EQ(report[0]["file"].GetString(), fit.string()) << "the report names the file as given";
  EXPECT_STREQ(report[0]["format"].GetString(), "fit");
  EXPECT_EQ(report[0]["already_imported"].GetInt(), 1);

  bool spike_on_fit_run = false;
  const auto alerts = alerts_json();  // kept: the loop walks its array
  for (const auto& a : alerts.GetArray()) {
    spike_on_fit_run |= std::string(a["kind"].GetString()) == "spike" && std::string(a["activity_id"].GetString()) != "before";
  }
  EXPECT_TRUE(spike_on_fit_run);
}

TEST_F(CliSocket, StatusAckAndSnoozeChangeWhatTheDaemonShows) {
  ASSERT_EQ(tendonctl({"import", spike_log("log.jsonl", "a")}).exit_code, 0);
  const auto before = tendonctl({"status", "--now", "2026-05-09T07:00:00Z"});
  ASSERT_EQ(before.exit_code, 0) << before.err;
  EXPECT_NE(before.out.find("Athlete ana (UTC)"), std::string::npos) << before.out;
  EXPECT_NE(before.out.find("Longest run, last 30 days: 14.0 km on 2026-05-08"), std::string::npos) << before.out;
  EXPECT_NE(before.out.find("Active alerts: 0 critical, 1 warning"), std::string::npos) << before.out;

  const auto listed = alerts_json();
  ASSERT_EQ(listed.Size(), 1u);
  const std::string id = std::to_string(listed[0]["id"].GetInt64());
  const auto ack = tendonctl({"ack", id});
  ASSERT_EQ(ack.exit_code, 0) << ack.err;
  EXPECT_EQ(ack.out, "Alert " + id + " acknowledged.\n");
  EXPECT_STREQ(alerts_json()[0]["state"].GetString(), "acknowledged");
  const auto after = tendonctl({"status", "--now", "2026-05-09T07:00:00Z"});
  EXPECT_NE(after.out.find("Active alerts: 0 critical, 0 warning"), std::string::npos) << after.out;

  const auto snooze = tendonctl({"snooze", id, "2d", "--json"});
  ASSERT_EQ(snooze.exit_code, 0) << snooze.err;
  EXPECT_STREQ(parse_json(snooze.out)["state"].GetString(), "snoozed") << snooze.out;
  const auto missing = tendonctl({"ack", "9999"});
  EXPECT_EQ(missing.exit_code, 4) << missing.err;
  EXPECT_NE(missing.err.find("9999"), std::string::npos) << missing.err;
}

TEST_F(CliSocket, WatchJsonPrintsTheImportOfAnInboxFileAndEndsWhenTheDaemonStops) {
  BackgroundTendonctl watch(dir, "watch", {"watch", "--json", "--events", "Import.*"}, env());
  ASSERT_TRUE(eventually([&] { return watch.err().find("watching") != std::string::npos; })) << watch.err();
  deliver("morning.jsonl", run_line("m1", "2026-05-04T07:00:00Z", 8000));
  ASSERT_TRUE(eventually([&] { return watch.out().find('\n') != std::string::npos; })) << watch.err();
  std::istringstream lines(watch.out());
  std::string first;
  std::getline(lines, first);
  const auto event = parse_json(first);
  ASSERT_TRUE(event.IsObject()) << "one compact JSON object per line: " << first;
  EXPECT_STREQ(event["method"].GetString(), "Import.Finished");
  EXPECT_NE(std::string(event["params"]["file"].GetString()).find("morning.jsonl"), std::string::npos) << first;
  EXPECT_EQ(event["params"]["imported"].GetInt(), 1) << first;

  daemon->signal(SIGTERM);
  EXPECT_EQ(watch.wait_exit(), 0) << watch.err();
  EXPECT_NE(watch.err().find("tendond closed the connection"), std::string::npos) << watch.err();
}

TEST_F(CliSocket, AlertsFollowPrintsAnAlertRaisedAfterTheListing) {
  BackgroundTendonctl follow(dir, "follow", {"alerts", "--follow"}, env());
  ASSERT_TRUE(eventually([&] { return follow.err().find("following") != std::string::npos; })) << follow.err();
  EXPECT_EQ(follow.out(), "No alerts.\n");
  ASSERT_EQ(tendonctl({"import", spike_log("log.jsonl", "f")}).exit_code, 0);
  EXPECT_TRUE(eventually([&] { return follow.out().find("alert for ana: [warning] spike/") != std::string::npos; }))
      << follow.out() << follow.err();
}

TEST_F(CliSocket, SquadShowsEveryAthleteWorstFirst) {
  ASSERT_EQ(tendonctl({"import", "--athlete", "bob",
                       dir.write("bob.jsonl", run_line("b1", "2026-05-05T07:00:00Z", 6000)).string()})
                .exit_code,
            0);
  ASSERT_EQ(tendonctl({"import", spike_log("ana.jsonl", "a")}).exit_code, 0);

  const auto json = tendonctl({"squad", "--json", "--now", "2026-05-09T07:00:00Z"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto squad = parse_json(json.out);
  ASSERT_EQ(squad["athletes"].Size(), 2u) << json.out;
  EXPECT_STREQ(squad["athletes"][0]["athlete"].GetString(), "ana") << "the one with a warning first";
  EXPECT_STREQ(squad["athletes"][1]["athlete"].GetString(), "bob");

  const auto text = tendonctl({"squad", "--now", "2026-05-09T07:00:00Z"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  std::istringstream lines(text.out);
  std::vector<std::string> rows;
  for (std::string line; std::getline(lines, line);) rows.push_back(line);
  ASSERT_EQ(rows.size(), 4u) << text.out;  // title, header, two athletes
  EXPECT_EQ(rows[2].rfind("ana ", 0), 0u) << text.out;
  EXPECT_EQ(rows[3].rfind("bob ", 0), 0u) << text.out;
  EXPECT_NE(rows[2].find("1 warning"), std::string::npos) << text.out;
  EXPECT_NE(rows[3].find("2026-05-05 6.0 km"), std::string::npos) << text.out;
  // Aligned: every column starts at the same place on each row.
  EXPECT_EQ(rows[1].find("ACWR"), rows[2].find("4.00")) << text.out;
}

TEST_F(CliSocket, AShoeIsSetChangedRetiredAndBackInUse) {
  const auto set = tendonctl({"shoe", "set", "Trail", "--drop", "4", "--brand", "Acme", "--limit", "600"});
  ASSERT_EQ(set.exit_code, 0) << set.err;
  EXPECT_NE(set.out.find("Trail: drop 4.0 mm (set)"), std::string::npos) << set.out;

  const auto listed = parse_json(tendonctl({"shoes", "--json"}).out);
  ASSERT_TRUE(listed.IsObject());
  EXPECT_STREQ(listed["athlete"].GetString(), "ana");
  ASSERT_EQ(listed["shoes"].Size(), 1u);
  const auto& shoe = listed["shoes"][0];
  EXPECT_STREQ(shoe["name"].GetString(), "Trail");
  EXPECT_STREQ(shoe["brand"].GetString(), "Acme");
  EXPECT_DOUBLE_EQ(shoe["drop_mm"].GetDouble(), 4);
  EXPECT_DOUBLE_EQ(shoe["limit_km"].GetDouble(), 600);
  EXPECT_FALSE(shoe["retired"].GetBool());

  EXPECT_EQ(tendonctl({"shoe", "retire", "Trail"}).out, "Shoe Trail retired.\n");
  EXPECT_NE(tendonctl({"shoes"}).out.find("retired"), std::string::npos);
  const auto undo = tendonctl({"shoe", "retire", "Trail", "--undo", "--json"});
  EXPECT_FALSE(parse_json(undo.out)["retired"].GetBool()) << undo.out;
  EXPECT_EQ(tendonctl({"shoe", "retire", "Trail", "--drop", "3"}).exit_code, 2) << "--drop belongs to set";
}

TEST_F(CliSocket, ReloadAsksTheDaemonAndIsRefusedOffline) {
  const auto r = tendonctl({"reload"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "tendond reloaded its config.\n");
  const auto offline = tendonctl({"--offline", "--config", dir / "tendon.toml", "reload"});
  EXPECT_EQ(offline.exit_code, 2) << offline.err;
}

// What needs no daemon: help, usage errors and the not-running message.
const std::vector<std::string> kVerbs = {"import", "status", "runs",  "alerts", "ack",   "snooze", "plan",
                                         "checkin", "shoes", "shoe", "squad",  "watch", "reload"};

TEST(CliWithoutDaemon, EveryVerbHasItsOwnHelpAndRefusesUnknownOptions) {
  TempDir empty;
  for (const auto& verb : kVerbs) {
    const auto help = run_process({tendonctl_path(), verb, "--help"});
    EXPECT_EQ(help.exit_code, 0) << verb;
    EXPECT_EQ(help.out.rfind("usage: tendonctl " + verb, 0), 0u) << help.out;
    EXPECT_NE(help.out.find("--offline"), std::string::npos) << help.out;
    const auto bad = run_process({tendonctl_path(), verb, "--no-such-option", "--socket", empty / "s.sock"});
    EXPECT_EQ(bad.exit_code, 2) << verb << ": " << bad.err;
    EXPECT_NE(bad.err.find("unknown option --no-such-option for '" + verb + "'"), std::string::npos) << bad.err;
  }
  const auto runs_help = run_process({tendonctl_path(), "runs", "--help"});
  EXPECT_NE(runs_help.out.find("--limit N"), std::string::npos) << runs_help.out;
}

TEST(CliWithoutDaemon, NoDaemonIsExitFiveWithTheSocketAndWhatToDo) {
  TempDir empty;
  const std::string socket = empty / "tendond.sock";
  const auto r = run_process({tendonctl_path(), "--socket", socket, "alerts"});
  EXPECT_EQ(r.exit_code, 5) << r.err;
  EXPECT_EQ(r.err, "tendonctl: tendond is not running (no socket at " + socket +
                       "). Start it with 'tendond' or 'systemctl --user start tendond.socket', or use --offline to "
                       "read the database directly.\n");
  EXPECT_EQ(r.out, "");

  if (fs::exists(TENDON_SYSTEM_SOCKET_PATH)) GTEST_SKIP() << "a system tendond runs here: the default is taken";
  const auto by_default = run_process({tendonctl_path(), "status"}, {"XDG_RUNTIME_DIR=" + empty / "run", "TENDON_SOCKET="});
  EXPECT_EQ(by_default.exit_code, 5) << by_default.err;
  EXPECT_NE(by_default.err.find("no socket at " + empty / "run/tendon/tendond.sock"), std::string::npos) << by_default.err;
  const auto by_env = run_process({tendonctl_path(), "status"}, {"TENDON_SOCKET=" + empty / "env.sock"});
  EXPECT_NE(by_env.err.find("no socket at " + empty / "env.sock"), std::string::npos) << by_env.err;
}

TEST(CliWithoutDaemon, ConfigWithoutOfflineIsAUsageErrorThatSaysWhy) {
  TempDir dir;
  dir.write("tendon.toml", "database = \"" + dir / "t.db" + "\"\n");
  const auto r = run_process({tendonctl_path(), "--config", dir / "tendon.toml", "status"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("--config is for --offline only"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir / "t.db")) << "nothing was opened";
}

}  // namespace
}  // namespace tendon::testing
