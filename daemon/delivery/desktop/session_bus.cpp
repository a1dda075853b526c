#include "delivery/desktop/session_bus.h"

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace tendon::desktop {
namespace {

// sd-bus would fail with a bare ENOENT; say which places were looked at.
std::string missing_bus_reason() {
  if (const char* address = std::getenv("DBUS_SESSION_BUS_ADDRESS"); address != nullptr && *address != '\0') return "";
  const char* runtime = std::getenv("XDG_RUNTIME_DIR");
  if (runtime == nullptr || *runtime == '\0') {
    return "no session bus: DBUS_SESSION_BUS_ADDRESS and XDG_RUNTIME_DIR are not set";
  }
  std::error_code ec;
  const std::filesystem::path socket = std::filesystem::path(runtime) / "bus";
  if (!std::filesystem::exists(socket, ec)) {
    return "no session bus: DBUS_SESSION_BUS_ADDRESS is not set and " + socket.string() + " does not exist";
  }
  return "";
}

}  // namespace

std::string errno_text(int negative_errno) { return std::generic_category().message(-negative_errno); }

std::string error_text(const sd_bus_error* error) {
  if (error == nullptr || !sd_bus_error_is_set(error)) return "unknown error";
  std::string text = error->name;
  if (error->message != nullptr) text += std::string(": ") + error->message;
  return text;
}

OpenedBus open_session_bus() {
  OpenedBus opened;
  opened.error = missing_bus_reason();
  if (!opened.error.empty()) return opened;
  sd_bus* bus = nullptr;
  const int r = sd_bus_open_user(&bus);
  if (r < 0) {
    opened.error = "cannot connect to the session bus: " + errno_text(r);
    return opened;
  }
  opened.bus.reset(bus);
  return opened;
}

int new_notify_call(sd_bus* bus, const NotificationText& text, std::uint32_t replaces_id, bool ack_action,
                    MessagePtr& out) {
  sd_bus_message* m = nullptr;
  int r = sd_bus_message_new_method_call(bus, &m, kNotificationsName, kNotificationsPath, kNotificationsInterface,
                                         "Notify");
  if (r < 0) return r;
  MessagePtr message(m);
  r = sd_bus_message_append(m, "susss", kAppName, replaces_id, text.icon.c_str(), text.summary.c_str(),
                            text.body.c_str());
  if (r < 0) return r;
  r = ack_action ? sd_bus_message_append(m, "as", 2, kAckAction, "Acknowledge") : sd_bus_message_append(m, "as", 0);
  if (r < 0) return r;
  // hints a{sv}: the urgency must be a byte ("y"); servers ignore an int there.
  r = sd_bus_message_append(m, "a{sv}", 1, "urgency", "y", text.urgency);
  if (r < 0) return r;
  r = sd_bus_message_append(m, "i", -1);  // expire_timeout: the server's default
  if (r < 0) return r;
  out = std::move(message);
  return 0;
}

}  // namespace tendon::desktop
