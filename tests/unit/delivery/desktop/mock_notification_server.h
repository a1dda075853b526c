#pragma once
// A private D-Bus session bus (dbus-daemon) with python3-dbusmock's notification_daemon
// template on it: the real freedesktop protocol on a real bus, with the calls it received
// readable through the mock's org.freedesktop.DBus.Mock interface (GetCalls, with the D-Bus
// types, so an urgency sent as an int instead of a byte shows). Used by the unit tests of
// the notifier and the integration tests with the real tendond.
#include <cstdint>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace tendon::testing {

struct NotifyCall {
  std::string app_name;
  std::uint32_t replaces_id = 0;
  std::string icon;
  std::string summary;
  std::string body;
  std::vector<std::string> actions;
  std::optional<std::uint8_t> urgency;  // set only when sent as a byte, as the spec wants
  std::int32_t expire_timeout = 0;
};

class MockNotificationServer {
 public:
  // Empty when dbus-daemon or python3-dbusmock is missing (the test skips, saying which).
  static std::string missing_tools();

  // `capabilities`: what GetCapabilities answers, space-separated ("body actions");
  // nullopt: a bus without any notification service on it.
  explicit MockNotificationServer(const std::optional<std::string>& capabilities = "body actions");
  ~MockNotificationServer();
  MockNotificationServer(const MockNotificationServer&) = delete;
  MockNotificationServer& operator=(const MockNotificationServer&) = delete;

  // For the environment of a client: DBUS_SESSION_BUS_ADDRESS's value.
  const std::string& address() const { return address_; }
  std::string address_env() const { return "DBUS_SESSION_BUS_ADDRESS=" + address_; }

  // Every Notify the mock answered, in order.
  std::vector<NotifyCall> notify_calls() const;
  // The names of every method called on the mock (GetCapabilities, Notify, ...).
  std::vector<std::string> method_names() const;
  // Signals as a notification server sends them.
  void emit_action_invoked(std::uint32_t id, const std::string& action_key) const;
  void emit_notification_closed(std::uint32_t id, std::uint32_t reason) const;

 private:
  pid_t bus_pid_ = -1;
  pid_t mock_pid_ = -1;
  std::string address_;
};

}  // namespace tendon::testing
