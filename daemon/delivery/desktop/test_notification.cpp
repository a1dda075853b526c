#include "delivery/desktop/test_notification.h"

#include "delivery/desktop/notification_text.h"
#include "delivery/desktop/session_bus.h"

namespace tendon::desktop {

ChannelTestResult send_test(std::chrono::milliseconds timeout) {
  ChannelTestResult result;
  result.channel = "desktop";
  OpenedBus opened = open_session_bus();
  if (!opened.bus) {
    result.detail = opened.error;
    return result;
  }
  MessagePtr message;
  int r = new_notify_call(opened.bus.get(), test_notification(), 0, false, message);
  BusError error;
  sd_bus_message* reply = nullptr;
  if (r >= 0) {
    const auto usec = std::chrono::duration_cast<std::chrono::microseconds>(timeout).count();
    r = sd_bus_call(opened.bus.get(), message.get(), static_cast<std::uint64_t>(usec), &error.error, &reply);
  }
  const MessagePtr answer(reply);
  std::uint32_t id = 0;
  if (r >= 0) r = sd_bus_message_read(reply, "u", &id);
  if (r < 0) {
    result.detail = sd_bus_error_is_set(&error.error) ? "no notification shown: " + error_text(&error.error)
                                                       : "no notification shown: " + errno_text(r);
    return result;
  }
  result.ok = true;
  result.detail = "ok, notification " + std::to_string(id);
  return result;
}

}  // namespace tendon::desktop
