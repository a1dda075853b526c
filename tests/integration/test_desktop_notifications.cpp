// Desktop notifications end to end: the real tendond (and `tendonctl watch --desktop`) on a
// private session bus with python3-dbusmock's notification daemon. Run dates are relative to
// the clock, so the 72-hour push rule is exercised for real.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <ctime>
#include <memory>

#include "support/recent_runs.h"
#include "mock_notification_server.h"
#include "running_daemon.h"
#include "support/background_process.h"
#include "support/process.h"

namespace tendon::testing {
namespace {

constexpr std::time_t kHour = 3600;
constexpr std::time_t kDay = 24 * kHour;

// 10 km twice, then 14 km five hours ago: a moderate spike (warning), 40 % over 10 km.
std::string recent_spike() {
  return recent_run_line("a", 12 * kDay, 10000) + recent_run_line("b", 6 * kDay, 10000) + recent_run_line("c", 5 * kHour, 14000);
}

class DesktopNotifications : public ::testing::Test {
 protected:
  void SetUp() override {
    if (const auto missing = MockNotificationServer::missing_tools(); !missing.empty()) GTEST_SKIP() << missing;
  }

  // tendond with the test bus as its session bus (none: nullptr), `config_toml` as its config.
  // The runs are dated relative to the clock, so an ISO week boundary falls between them on
  // some weekdays and not on others: weekly_jump is off so the alerts do not depend on the day.
  void start_daemon(const MockNotificationServer* bus, const std::string& config_toml = "") {
    dir_.write("tendon.toml", config_toml + "[thresholds]\ndisabled = [\"weekly_jump\"]\n");
    const std::string address = bus ? bus->address() : "";
    daemon_ = std::make_unique<RunningDaemon>(dir_, std::vector<std::string>{"--config", dir_ / "tendon.toml"}, [address] {
      if (address.empty()) unsetenv("DBUS_SESSION_BUS_ADDRESS");
      else setenv("DBUS_SESSION_BUS_ADDRESS", address.c_str(), 1);
    });
    ASSERT_TRUE(daemon_->wait_for("tendond: ready")) << daemon_->log();
  }

  // Drops a log into the inbox and waits until tendond has imported it.
  void drop(const std::string& name, const std::string& runs) {
    dir_.write("staging/" + name, runs);
    std::filesystem::rename(dir_.path() / "staging" / name, dir_.path() / "Tendon/inbox" / name);
    ASSERT_TRUE(daemon_->wait_for("imported " + (dir_.path() / "Tendon/inbox" / name).string())) << daemon_->log();
  }

  std::vector<NotifyCall> wait_for_calls(const MockNotificationServer& bus, std::size_t n) {
    std::vector<NotifyCall> calls;
    eventually([&] {
      calls = bus.notify_calls();
      return calls.size() >= n;
    });
    return calls;
  }

  ProcessResult tendonctl(std::vector<std::string> args) {
    args.insert(args.begin(), {tendonctl_path(), "--socket", socket()});
    return run_process(args);
  }

  std::string socket() const { return dir_ / "run/tendon/tendond.sock"; }

  TempDir dir_;
  std::unique_ptr<RunningDaemon> daemon_;
};

TEST_F(DesktopNotifications, RecentWarningIsNotifiedUpdatedAndAcknowledged) {
  MockNotificationServer bus("body actions");
  start_daemon(&bus);
  drop("runs.jsonl", recent_spike());
  auto calls = wait_for_calls(bus, 1);
  ASSERT_EQ(calls.size(), 1u) << daemon_->log();
  EXPECT_EQ(calls[0].app_name, "Tendon");
  EXPECT_EQ(calls[0].summary, "Long run spike");
  EXPECT_EQ(calls[0].body.rfind("14.0 km is 40.0 % over your 30-day longest (10.0 km, ", 0), 0u) << calls[0].body;
  ASSERT_TRUE(calls[0].urgency);
  EXPECT_EQ(*calls[0].urgency, 1);
  EXPECT_EQ(calls[0].replaces_id, 0u);

  // A late 10.5 km run lifts the baseline: same alert (still 30-100 %), other figures.
  drop("late.jsonl", recent_run_line("d", 8 * kDay, 10500));
  calls = wait_for_calls(bus, 2);
  ASSERT_EQ(calls.size(), 2u) << daemon_->log();
  EXPECT_EQ(calls[1].replaces_id, 1u);
  EXPECT_NE(calls[1].body.find("(10.5 km, "), std::string::npos) << calls[1].body;

  bus.emit_action_invoked(1, "ack");
  ASSERT_TRUE(daemon_->wait_for("acknowledged from its desktop notification")) << daemon_->log();
  const auto alerts = tendonctl({"alerts", "--json"});
  EXPECT_NE(alerts.out.find("\"acknowledged\""), std::string::npos) << alerts.out << alerts.err;
}

TEST_F(DesktopNotifications, RunOlderThan72HoursIsNotNotified) {
  MockNotificationServer bus("body actions");
  start_daemon(&bus);
  // A spike, a return and an overload, all about a run of 4 days ago.
  drop("old.jsonl", recent_run_line("o1", 40 * kDay, 10000) + recent_run_line("o2", 36 * kDay, 10000) +
                        recent_run_line("o3", 30 * kDay, 10000) + recent_run_line("o4", 4 * kDay, 14000));
  ASSERT_NE(daemon_->log().find("alerts raised"), std::string::npos) << daemon_->log();
  // Then a recent spike: notifications go out in order, so it must be the first one.
  drop("recent.jsonl", recent_run_line("s1", 5 * kHour, 20000));
  const auto calls = wait_for_calls(bus, 1);
  ASSERT_FALSE(calls.empty()) << daemon_->log();
  EXPECT_EQ(calls[0].body.rfind("20.0 km is", 0), 0u) << calls[0].body;
}

TEST_F(DesktopNotifications, InfoAlertIsNotNotified) {
  MockNotificationServer bus("body actions");
  start_daemon(&bus);
  // 3 km after 9 days off: a short break (info), under the first-week cap.
  drop("info.jsonl", recent_run_line("i1", 24 * kDay, 10000) + recent_run_line("i2", 10 * kDay, 10000) +
                         recent_run_line("i3", 5 * kHour, 3000));
  const auto listed = tendonctl({"alerts"});
  ASSERT_NE(listed.out.find("[info] return/short"), std::string::npos) << "the data must raise the info alert\n"
                                                                       << listed.out << listed.err;
  drop("recent.jsonl", recent_run_line("s2", 2 * kHour, 14000));
  const auto calls = wait_for_calls(bus, 1);
  ASSERT_FALSE(calls.empty()) << daemon_->log();
  EXPECT_EQ(calls[0].summary, "Long run spike");
  EXPECT_EQ(calls[0].body.rfind("14.0 km is", 0), 0u) << calls[0].body;
}

TEST_F(DesktopNotifications, NoSessionBusWarnsOnceAndImportsGoOn) {
  start_daemon(nullptr);
  drop("runs.jsonl", recent_spike());
  drop("more.jsonl", recent_run_line("e", 1 * kHour, 20000));
  const std::string log = daemon_->log();
  const std::string warning = "tendond: desktop notifications off: no session bus";
  const auto first = log.find(warning);
  ASSERT_NE(first, std::string::npos) << log;
  EXPECT_EQ(log.find(warning, first + 1), std::string::npos) << log;
  EXPECT_NE(log.find("more.jsonl: 1 imported"), std::string::npos) << log;
}

TEST_F(DesktopNotifications, WatchDesktopForwardsAndAcknowledgesOverTheSocket) {
  MockNotificationServer bus("body actions");
  // The daemon itself does not notify (as a system service would not).
  start_daemon(nullptr, "[desktop]\nnotifications = false\n");
  // A background `tendonctl watch --desktop`, as the user unit runs it.
  BackgroundProcess watcher({tendonctl_path(), "--socket", socket(), "watch", "--desktop"}, {bus.address_env()},
                            dir_ / "watch.log");
  ASSERT_TRUE(eventually([&] { return watcher.output().find("showing tendond's alerts") != std::string::npos; }))
      << watcher.output();
  drop("runs.jsonl", recent_spike());
  const auto calls = wait_for_calls(bus, 1);
  ASSERT_EQ(calls.size(), 1u) << watcher.output();
  EXPECT_EQ(calls[0].summary, "Long run spike");
  EXPECT_EQ(daemon_->log().find("desktop notifications off"), std::string::npos) << daemon_->log();

  bus.emit_action_invoked(1, "ack");
  ASSERT_TRUE(eventually([&] { return watcher.output().find("acknowledged") != std::string::npos; }))
      << watcher.output();
  const auto alerts = tendonctl({"alerts", "--json"});
  EXPECT_NE(alerts.out.find("\"acknowledged\""), std::string::npos) << alerts.out << alerts.err;
}

}  // namespace
}  // namespace tendon::testing
