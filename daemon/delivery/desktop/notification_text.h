#pragma once
// What a desktop notification says: a summary a runner understands at a glance ("Long run
// spike"), a one-sentence body with the figures ("18.4 km is 31 % over your 30-day longest
// (14.0 km, Nov 2)"), an icon name from the freedesktop icon theme and the urgency byte
// (freedesktop notification spec: 0 low, 1 normal, 2 critical).
#include <cstdint>
#include <string>

#include "delivery/desktop/alert_event.h"

namespace tendon::desktop {

struct NotificationText {
  std::string summary;
  std::string body;
  std::string icon;
  std::uint8_t urgency = 1;
};

// `show_athlete`: several athletes share the desktop (a coach): the summary names whose.
NotificationText alert_notification(const AlertEvent& alert, bool show_athlete);
// What replaces a shown alert whose cause disappeared: short, low urgency.
NotificationText withdrawn_notification(const AlertEvent& alert, bool show_athlete);
// `tendonctl alerts test`: clearly a test, never mistaken for a real alert.
NotificationText test_notification();

// The urgency byte of a severity: info 0 (low), warning 1 (normal), critical 2 (critical).
std::uint8_t urgency_of(Severity severity);

}  // namespace tendon::desktop
