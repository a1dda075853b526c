#pragma once
// The user's D-Bus session bus through sd-bus (libsystemd), and the few calls on it the
// desktop notifications make: opening it with a reason a person can act on when there is
// none, and the org.freedesktop.Notifications.Notify message.
#include <cstdint>
#include <memory>
#include <string>

#include <systemd/sd-bus.h>

#include "delivery/desktop/notification_text.h"

namespace tendon::desktop {

struct BusUnref {
  void operator()(sd_bus* bus) const { sd_bus_close_unref(bus); }
};
using BusPtr = std::unique_ptr<sd_bus, BusUnref>;

struct MessageUnref {
  void operator()(sd_bus_message* m) const { sd_bus_message_unref(m); }
};
using MessagePtr = std::unique_ptr<sd_bus_message, MessageUnref>;

// sd_bus_error freed when it goes out of scope.
struct BusError {
  sd_bus_error error = SD_BUS_ERROR_NULL;
  BusError() = default;
  BusError(const BusError&) = delete;
  BusError& operator=(const BusError&) = delete;
  ~BusError() { sd_bus_error_free(&error); }
};

struct OpenedBus {
  BusPtr bus;         // null when there is none
  std::string error;  // why not, in one line: "no session bus (DBUS_SESSION_BUS_ADDRESS is not set ...)"
};

// sd_bus_open_user: $DBUS_SESSION_BUS_ADDRESS, else $XDG_RUNTIME_DIR/bus. Never blocks on
// the bus's answer: authentication and Hello go on as the bus is processed.
OpenedBus open_session_bus();

inline constexpr const char* kNotificationsName = "org.freedesktop.Notifications";
inline constexpr const char* kNotificationsPath = "/org/freedesktop/Notifications";
inline constexpr const char* kNotificationsInterface = "org.freedesktop.Notifications";
inline constexpr const char* kAppName = "Tendon";
inline constexpr const char* kAckAction = "ack";

// Notify(app_name "Tendon", replaces_id, icon, summary, body, actions, hints {"urgency": byte},
// expire_timeout -1). With `ack_action` the actions are ["ack", "Acknowledge"]. Returns a
// negative errno when sd-bus refuses to build it (out of memory, invalid UTF-8).
int new_notify_call(sd_bus* bus, const NotificationText& text, std::uint32_t replaces_id, bool ack_action,
                    MessagePtr& out);

// "org.freedesktop.DBus.Error.ServiceUnknown: The name ... was not provided" of an error reply.
std::string error_text(const sd_bus_error* error);
// "Connection reset by peer" of a negative errno.
std::string errno_text(int negative_errno);

}  // namespace tendon::desktop
