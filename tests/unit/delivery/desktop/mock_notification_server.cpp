#include "mock_notification_server.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <thread>

#include "delivery/desktop/session_bus.h"

namespace tendon::testing {
namespace {

using desktop::BusError;
using desktop::BusPtr;
using desktop::MessagePtr;

constexpr const char* kDbusDaemon = "/usr/bin/dbus-daemon";
// Debian's python: dbusmock is a Debian package, not in whatever python3 PATH finds first.
constexpr const char* kPython = "/usr/bin/python3";
constexpr const char* kMockInterface = "org.freedesktop.DBus.Mock";

void check(int r, const char* what) {
  if (r < 0) throw std::runtime_error(std::string(what) + ": " + desktop::errno_text(r));
}

void quiet_stdio() {
  const int null = ::open("/dev/null", O_RDWR);
  dup2(null, 0);
  dup2(null, 2);
}

// The first line dbus-daemon prints (its address), within a deadline.
std::string read_line(int fd, std::chrono::seconds limit) {
  std::string line;
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (line.find('\n') == std::string::npos) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    pollfd p{fd, POLLIN, 0};
    if (left.count() <= 0 || ::poll(&p, 1, static_cast<int>(left.count())) <= 0) {
      throw std::runtime_error("dbus-daemon printed no address");
    }
    char buf[256];
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n <= 0) throw std::runtime_error("dbus-daemon ended before printing its address");
    line.append(buf, static_cast<std::size_t>(n));
  }
  return line.substr(0, line.find('\n'));
}

BusPtr connect(const std::string& address) {
  sd_bus* raw = nullptr;
  check(sd_bus_new(&raw), "sd_bus_new");
  BusPtr bus(raw);
  check(sd_bus_set_address(raw, address.c_str()), "sd_bus_set_address");
  check(sd_bus_set_bus_client(raw, 1), "sd_bus_set_bus_client");
  check(sd_bus_start(raw), "connecting to the test bus");
  return bus;
}

bool name_has_owner(const std::string& address) {
  BusPtr bus = connect(address);
  BusError error;
  sd_bus_message* reply = nullptr;
  if (sd_bus_call_method(bus.get(), "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                         "NameHasOwner", &error.error, &reply, "s", desktop::kNotificationsName) < 0) {
    return false;
  }
  MessagePtr answer(reply);
  int has = 0;
  return sd_bus_message_read(reply, "b", &has) > 0 && has != 0;
}

std::string read_string_variant(sd_bus_message* m) {
  const char* text = nullptr;
  check(sd_bus_message_read(m, "v", "s", &text), "reading a string argument");
  return text;
}

std::vector<std::string> read_string_array_variant(sd_bus_message* m) {
  std::vector<std::string> values;
  check(sd_bus_message_enter_container(m, 'v', "as"), "actions");
  check(sd_bus_message_enter_container(m, 'a', "s"), "actions");
  const char* text = nullptr;
  while (sd_bus_message_read(m, "s", &text) > 0) values.emplace_back(text);
  check(sd_bus_message_exit_container(m), "actions");
  check(sd_bus_message_exit_container(m), "actions");
  return values;
}

// hints a{sv}: the urgency only when it is a byte.
std::optional<std::uint8_t> read_urgency(sd_bus_message* m) {
  std::optional<std::uint8_t> urgency;
  check(sd_bus_message_enter_container(m, 'v', "a{sv}"), "hints");
  check(sd_bus_message_enter_container(m, 'a', "{sv}"), "hints");
  while (sd_bus_message_enter_container(m, 'e', "sv") > 0) {
    const char* key = nullptr;
    check(sd_bus_message_read(m, "s", &key), "hint name");
    char type = 0;
    const char* contents = nullptr;
    check(sd_bus_message_peek_type(m, &type, &contents), "hint type");
    if (std::string(key) == "urgency" && std::string(contents) == "y") {
      std::uint8_t value = 0;
      check(sd_bus_message_read(m, "v", "y", &value), "urgency");
      urgency = value;
    } else {
      check(sd_bus_message_skip(m, "v"), "hint");
    }
    check(sd_bus_message_exit_container(m), "hint");
  }
  check(sd_bus_message_exit_container(m), "hints");
  check(sd_bus_message_exit_container(m), "hints");
  return urgency;
}

NotifyCall read_notify_args(sd_bus_message* m) {
  NotifyCall call;
  call.app_name = read_string_variant(m);
  check(sd_bus_message_read(m, "v", "u", &call.replaces_id), "replaces_id");
  call.icon = read_string_variant(m);
  call.summary = read_string_variant(m);
  call.body = read_string_variant(m);
  call.actions = read_string_array_variant(m);
  call.urgency = read_urgency(m);
  check(sd_bus_message_read(m, "v", "i", &call.expire_timeout), "expire_timeout");
  return call;
}

struct RecordedCall {
  std::string method;
  std::optional<NotifyCall> notify;
};

// GetCalls: a(tsav) of (time, method, args).
std::vector<RecordedCall> recorded_calls(const std::string& address) {
  BusPtr bus = connect(address);
  BusError error;
  sd_bus_message* reply = nullptr;
  check(sd_bus_call_method(bus.get(), desktop::kNotificationsName, desktop::kNotificationsPath, kMockInterface,
                           "GetCalls", &error.error, &reply, ""),
        "GetCalls");
  MessagePtr answer(reply);
  std::vector<RecordedCall> calls;
  check(sd_bus_message_enter_container(reply, 'a', "(tsav)"), "calls");
  while (sd_bus_message_enter_container(reply, 'r', "tsav") > 0) {
    std::uint64_t time = 0;
    const char* method = nullptr;
    check(sd_bus_message_read(reply, "ts", &time, &method), "call");
    RecordedCall call{method, std::nullopt};
    if (call.method == "Notify") {
      check(sd_bus_message_enter_container(reply, 'a', "v"), "args");
      call.notify = read_notify_args(reply);
      check(sd_bus_message_exit_container(reply), "args");
    } else {
      check(sd_bus_message_skip(reply, "av"), "args");
    }
    check(sd_bus_message_exit_container(reply), "call");
    calls.push_back(std::move(call));
  }
  return calls;
}

// Mock.EmitSignal(interface, name, signature, args av): the first arg is always a
// notification id; `append_rest` adds the others as variants.
void emit(const std::string& address, const char* name, const char* signature, std::uint32_t id,
          const std::function<int(sd_bus_message*)>& append_rest) {
  BusPtr bus = connect(address);
  sd_bus_message* raw = nullptr;
  check(sd_bus_message_new_method_call(bus.get(), &raw, desktop::kNotificationsName, desktop::kNotificationsPath,
                                       kMockInterface, "EmitSignal"),
        "EmitSignal");
  MessagePtr m(raw);
  check(sd_bus_message_append(raw, "sss", desktop::kNotificationsInterface, name, signature), "EmitSignal");
  check(sd_bus_message_open_container(raw, 'a', "v"), "EmitSignal");
  check(sd_bus_message_append(raw, "v", "u", id), "EmitSignal");
  check(append_rest(raw), "EmitSignal");
  check(sd_bus_message_close_container(raw), "EmitSignal");
  BusError error;
  check(sd_bus_call(bus.get(), raw, 0, &error.error, nullptr), "EmitSignal");
}

void stop(pid_t pid) {
  if (pid <= 0) return;
  kill(pid, SIGTERM);
  waitpid(pid, nullptr, 0);
}

}  // namespace

std::string MockNotificationServer::missing_tools() {
  if (!std::filesystem::exists(kDbusDaemon)) return std::string(kDbusDaemon) + " is missing (Debian package dbus-daemon)";
  const std::string probe = std::string(kPython) + " -c 'import dbusmock' >/dev/null 2>&1";
  if (std::system(probe.c_str()) != 0) return "python3-dbusmock is missing (Debian package python3-dbusmock)";
  return "";
}

MockNotificationServer::MockNotificationServer(const std::optional<std::string>& capabilities) {
  int out[2];
  if (::pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe");
  bus_pid_ = fork();
  if (bus_pid_ == 0) {
    quiet_stdio();  // its "Failed to set fd limit" note is not ours to show
    dup2(out[1], 1);
    execl(kDbusDaemon, "dbus-daemon", "--session", "--nofork", "--print-address=1", static_cast<char*>(nullptr));
    _exit(127);
  }
  ::close(out[1]);
  try {
    address_ = read_line(out[0], std::chrono::seconds(10));
  } catch (...) {
    ::close(out[0]);
    stop(bus_pid_);
    throw;
  }
  ::close(out[0]);

  if (!capabilities) return;
  const std::string parameters = R"({"capabilities": ")" + *capabilities + R"("})";
  mock_pid_ = fork();
  if (mock_pid_ == 0) {
    quiet_stdio();
    dup2(2, 1);
    setenv("DBUS_SESSION_BUS_ADDRESS", address_.c_str(), 1);
    execl(kPython, "python3", "-m", "dbusmock", "--session", "-t", "notification_daemon", "-p", parameters.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  // Python takes a moment to start: poll the bus for the name, with a deadline.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!name_has_owner(address_)) {
    if (std::chrono::steady_clock::now() >= deadline) {
      stop(mock_pid_);
      stop(bus_pid_);
      throw std::runtime_error("the dbusmock notification daemon did not appear on the test bus");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

MockNotificationServer::~MockNotificationServer() {
  stop(mock_pid_);
  stop(bus_pid_);
}

std::vector<NotifyCall> MockNotificationServer::notify_calls() const {
  std::vector<NotifyCall> notifies;
  for (auto& call : recorded_calls(address_)) {
    if (call.notify) notifies.push_back(std::move(*call.notify));
  }
  return notifies;
}

std::vector<std::string> MockNotificationServer::method_names() const {
  std::vector<std::string> names;
  for (const auto& call : recorded_calls(address_)) names.push_back(call.method);
  return names;
}

void MockNotificationServer::emit_action_invoked(std::uint32_t id, const std::string& action_key) const {
  emit(address_, "ActionInvoked", "us", id,
       [&](sd_bus_message* m) { return sd_bus_message_append(m, "v", "s", action_key.c_str()); });
}

void MockNotificationServer::emit_notification_closed(std::uint32_t id, std::uint32_t reason) const {
  emit(address_, "NotificationClosed", "uu", id,
       [reason](sd_bus_message* m) { return sd_bus_message_append(m, "v", "u", reason); });
}

}  // namespace tendon::testing
