#pragma once
// An Alert.* event as subscribers receive it (docs/protocol.md, "Events"), read back into
// what a desktop notification needs. The notifier takes the event name and params exactly as
// the socket sends them, so tendond and `tendonctl watch --desktop` feed it the same way.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <rapidjson/document.h>

#include "core/alert.h"
#include "core/time.h"

namespace tendon::desktop {

enum class AlertChange { raised, updated, withdrawn };

struct AlertEvent {
  AlertChange change = AlertChange::raised;
  std::int64_t id = 0;  // the stored alert's id (what Alert.Acknowledge takes)
  std::string athlete;
  std::string kind;
  std::string category;
  Severity severity = Severity::info;
  std::string message;
  Instant at = 0;  // when the run / check-in happened
};

// nullopt for any other event, and for an alert event missing what a notification needs
// (a daemon of an older version): such an event is not pushed.
std::optional<AlertEvent> parse_alert_event(std::string_view event, const rapidjson::Value& params);

}  // namespace tendon::desktop
