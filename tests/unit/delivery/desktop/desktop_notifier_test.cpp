// The notifier against a real session bus (a private dbus-daemon) with python3-dbusmock's
// notification daemon: what reaches the server, and what the server's signals do.
#include "delivery/desktop/desktop_notifier.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <memory>
#include <sstream>

#include "delivery/desktop/test_notification.h"
#include "mock_notification_server.h"
#include "run_until.h"
#include "service/service_events.h"
#include "support/temp_dir.h"

namespace tendon::desktop {
namespace {

using testing::MockNotificationServer;
using testing::NotifyCall;
using testing::run_until;

constexpr Instant kNow = 1'790'000'000;
constexpr std::int64_t kHour = 3600;

Alert spike(Severity severity, Instant at, const std::string& figures_text) {
  Alert a;
  a.subject.activity_id = 3;
  a.at = at;
  a.kind = AlertKind::spike;
  a.category = "moderate";
  a.severity = severity;
  a.message = "Long run spike: " + figures_text + ". Runners with runs 30-100 % longer had a 52 % higher injury rate.";
  return a;
}

const std::string kFirst = "18.4 km is 31.0 % over your 30-day longest (14.0 km, Nov 2)";
const std::string kSecond = "18.4 km is 35.0 % over your 30-day longest (13.6 km, Nov 1)";

// The session bus a notifier finds: the variables it reads, set for one test and put back.
class SessionEnvironment {
 public:
  SessionEnvironment(const std::string* address, const std::string& runtime_dir) {
    save("DBUS_SESSION_BUS_ADDRESS");
    save("XDG_RUNTIME_DIR");
    if (address) setenv("DBUS_SESSION_BUS_ADDRESS", address->c_str(), 1);
    else unsetenv("DBUS_SESSION_BUS_ADDRESS");
    setenv("XDG_RUNTIME_DIR", runtime_dir.c_str(), 1);
  }
  ~SessionEnvironment() {
    for (const auto& [name, value] : saved_) {
      if (value) setenv(name.c_str(), value->c_str(), 1);
      else unsetenv(name.c_str());
    }
  }

 private:
  void save(const std::string& name) {
    const char* value = std::getenv(name.c_str());
    saved_.emplace_back(name, value ? std::optional<std::string>(value) : std::nullopt);
  }
  std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

class DesktopNotifierTest : public ::testing::Test {
 protected:
  virtual std::optional<std::string> capabilities() const { return "body actions"; }
  virtual bool with_bus() const { return true; }

  void SetUp() override {
    if (const auto missing = MockNotificationServer::missing_tools(); !missing.empty()) GTEST_SKIP() << missing;
    if (with_bus()) server_ = std::make_unique<MockNotificationServer>(capabilities());
    environment_ = std::make_unique<SessionEnvironment>(server_ ? &server_->address() : nullptr,
                                                        runtime_dir_.path().string());
    NotifierOptions options;
    options.clock = [] { return kNow; };
    options.acknowledge = [this](std::int64_t id) { acknowledged_.push_back(id); };
    options.log = &log_;
    notifier_ = std::make_unique<DesktopNotifier>(io_, std::move(options));
  }
  void TearDown() override {
    notifier_.reset();
    environment_.reset();
  }

  void send(const char* event, std::int64_t id, const Alert& alert) {
    notifier_->on_event(event, alert_event_params("ana", id, alert));
  }

  // Waits until the server has answered `n` Notify calls and returns them all.
  std::vector<NotifyCall> notified(std::size_t n) {
    std::vector<NotifyCall> calls;
    run_until(io_, [&] {
      calls = server_->notify_calls();
      return calls.size() >= n;
    });
    return calls;
  }

  boost::asio::io_context io_;
  tendon::testing::TempDir runtime_dir_;  // no "bus" inside: only the address counts
  std::unique_ptr<MockNotificationServer> server_;
  std::unique_ptr<SessionEnvironment> environment_;
  std::ostringstream log_;
  std::vector<std::int64_t> acknowledged_;
  std::unique_ptr<DesktopNotifier> notifier_;
};

TEST_F(DesktopNotifierTest, RecentWarningIsShownWithEverythingTheSpecAsks) {
  send("Alert.Raised", 7, spike(Severity::warning, kNow - kHour, kFirst));
  const auto calls = notified(1);
  ASSERT_EQ(calls.size(), 1u);
  const NotifyCall& c = calls[0];
  EXPECT_EQ(c.app_name, "Tendon");
  EXPECT_EQ(c.replaces_id, 0u);
  EXPECT_EQ(c.icon, "dialog-warning");
  EXPECT_EQ(c.summary, "Long run spike");
  EXPECT_EQ(c.body, kFirst);
  EXPECT_EQ(c.actions, (std::vector<std::string>{"ack", "Acknowledge"}));
  ASSERT_TRUE(c.urgency) << "urgency must be sent as a byte";
  EXPECT_EQ(*c.urgency, 1);
  EXPECT_EQ(c.expire_timeout, -1);
  EXPECT_EQ(log_.str(), "");
}

TEST_F(DesktopNotifierTest, OldAndBelowMinimumAlertsAreNotPushed) {
  send("Alert.Raised", 1, spike(Severity::critical, kNow - 73 * kHour, kFirst));  // a run of 3 days ago
  send("Alert.Raised", 2, spike(Severity::info, kNow - kHour, kFirst));
  send("Alert.Updated", 1, spike(Severity::critical, kNow - 73 * kHour, kSecond));  // never shown, still old
  send("Alert.Withdrawn", 2, spike(Severity::info, kNow - kHour, kFirst));         // never shown
  send("Alert.Raised", 3, spike(Severity::critical, kNow - 71 * kHour, kSecond));
  // Notify calls go out one at a time in event order: a wrongly pushed earlier alert would
  // be the first call.
  const auto calls = notified(1);
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].body, kSecond);
  ASSERT_TRUE(calls[0].urgency);
  EXPECT_EQ(*calls[0].urgency, 2);
  EXPECT_EQ(calls[0].icon, "dialog-error");
}

TEST_F(DesktopNotifierTest, UpdateReplacesWhatWasShown) {
  send("Alert.Raised", 7, spike(Severity::warning, kNow - kHour, kFirst));
  send("Alert.Updated", 7, spike(Severity::warning, kNow - kHour, kSecond));
  const auto calls = notified(2);
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[1].replaces_id, 1u);  // the mock numbers its notifications from 1
  EXPECT_EQ(calls[1].body, kSecond);
}

TEST_F(DesktopNotifierTest, WithdrawalReplacesWithALowUrgencyNotice) {
  send("Alert.Raised", 7, spike(Severity::critical, kNow - kHour, kFirst));
  send("Alert.Withdrawn", 7, spike(Severity::critical, kNow - kHour, kFirst));
  const auto calls = notified(2);
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[1].replaces_id, 1u);
  EXPECT_EQ(calls[1].summary, "Withdrawn: Long run spike");
  ASSERT_TRUE(calls[1].urgency);
  EXPECT_EQ(*calls[1].urgency, 0);
  EXPECT_TRUE(calls[1].actions.empty());
}

TEST_F(DesktopNotifierTest, AcknowledgeActionCallsBackWithTheAlertId) {
  send("Alert.Raised", 7, spike(Severity::warning, kNow - kHour, kFirst));
  ASSERT_EQ(notified(1).size(), 1u);
  server_->emit_action_invoked(99, "ack");  // another application's notification
  server_->emit_action_invoked(1, "default");
  server_->emit_action_invoked(1, "ack");
  EXPECT_TRUE(run_until(io_, [&] { return !acknowledged_.empty(); }));
  EXPECT_EQ(acknowledged_, std::vector<std::int64_t>{7});
}

TEST_F(DesktopNotifierTest, ClosedNotificationIsForgotten) {
  send("Alert.Raised", 7, spike(Severity::warning, kNow - kHour, kFirst));
  ASSERT_EQ(notified(1).size(), 1u);
  server_->emit_notification_closed(1, 2);
  // The server's signals and answers come in order: once this one is answered, the closing
  // was seen.
  send("Alert.Raised", 8, spike(Severity::warning, kNow - kHour, kFirst));
  ASSERT_EQ(notified(2).size(), 2u);
  send("Alert.Updated", 7, spike(Severity::warning, kNow - kHour, kSecond));
  const auto calls = notified(3);
  ASSERT_EQ(calls.size(), 3u);
  EXPECT_EQ(calls[2].replaces_id, 0u);  // a new notification, not a replacement of a closed one
}

TEST_F(DesktopNotifierTest, SendTestReportsTheNotificationId) {
  const ChannelTestResult result = send_test();
  EXPECT_TRUE(result.ok) << result.detail;
  EXPECT_EQ(result.channel, "desktop");
  EXPECT_EQ(result.detail, "ok, notification 1");
  const auto calls = server_->notify_calls();
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].summary, "Tendon test notification");
}

class DesktopNotifierWithoutActions : public DesktopNotifierTest {
  std::optional<std::string> capabilities() const override { return "body"; }
};

TEST_F(DesktopNotifierWithoutActions, OffersNoAction) {
  send("Alert.Raised", 7, spike(Severity::warning, kNow - kHour, kFirst));
  const auto calls = notified(1);
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_TRUE(calls[0].actions.empty());
}

class DesktopNotifierWithoutService : public DesktopNotifierTest {
  std::optional<std::string> capabilities() const override { return std::nullopt; }
};

TEST_F(DesktopNotifierWithoutService, WarnsOnceAndGoesOn) {
  notifier_->start();
  EXPECT_TRUE(run_until(io_, [&] { return !log_.str().empty(); }));
  send("Alert.Raised", 7, spike(Severity::warning, kNow - kHour, kFirst));
  send("Alert.Raised", 8, spike(Severity::warning, kNow - kHour, kFirst));
  // The loop runs out of work once the notifier has given up on this bus again.
  io_.restart();
  io_.run_for(std::chrono::seconds(10));
  const std::string log = log_.str();
  EXPECT_NE(log.find("tendond: desktop notifications off: no notification service on the session bus"),
            std::string::npos)
      << log;
  EXPECT_EQ(std::count(log.begin(), log.end(), '\n'), 1) << log;
}

class DesktopNotifierWithoutBus : public DesktopNotifierTest {
  bool with_bus() const override { return false; }
};

TEST_F(DesktopNotifierWithoutBus, WarnsOnceAndGoesOn) {
  notifier_->start();
  send("Alert.Raised", 7, spike(Severity::warning, kNow - kHour, kFirst));
  send("Alert.Raised", 8, spike(Severity::warning, kNow - kHour, kFirst));
  io_.run_for(std::chrono::seconds(10));  // returns at once: without a bus there is nothing to wait for
  const std::string log = log_.str();
  EXPECT_EQ(log, "tendond: desktop notifications off: no session bus: DBUS_SESSION_BUS_ADDRESS is not set and " +
                     (runtime_dir_.path() / "bus").string() + " does not exist\n");
}

TEST_F(DesktopNotifierWithoutBus, SendTestSaysWhy) {
  const ChannelTestResult result = send_test();
  EXPECT_FALSE(result.ok);
  EXPECT_NE(result.detail.find("no session bus"), std::string::npos) << result.detail;
}

}  // namespace
}  // namespace tendon::desktop
