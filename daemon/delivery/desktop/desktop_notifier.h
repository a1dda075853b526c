#pragma once
// Desktop notifications for alerts (docs/delivery.md, "Desktop notifications"): takes the
// Alert.* events exactly as socket subscribers receive them, applies the push rule
// (core/push_policy.h) and shows them with org.freedesktop.Notifications on the user's
// session bus. An update replaces what was shown for that alert; a withdrawal replaces it
// with a short low-urgency notice; "Acknowledge" (when the server supports actions) calls
// back. Everything runs on the given Asio loop and never blocks it.
//
// No session bus, or no notification service on it: one warning line, once, and the events
// are dropped (the caller's other channels go on); the bus is tried again at the next
// alert worth pushing.
#include <cstdint>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include <boost/asio/io_context.hpp>
#include <rapidjson/document.h>

#include "core/alert.h"
#include "core/push_policy.h"
#include "core/time.h"

namespace tendon::desktop {

struct NotifierOptions {
  // Read at every event, so a config reload takes effect (tendond: [desktop] notifications
  // and [push]).
  std::function<bool()> enabled = [] { return true; };
  std::function<PushRule()> push_rule = [] { return PushRule{}; };
  std::function<Instant()> clock;  // default: the system clock
  // The runner chose "Acknowledge" on the notification of alert `id`.
  std::function<void(std::int64_t id)> acknowledge;
  // Several athletes share this desktop: summaries name whose alert it is.
  std::function<bool()> show_athlete = [] { return false; };
  std::ostream* log = nullptr;        // warnings, one line each; nullptr: silent
  std::string log_prefix = "tendond";  // "tendond: desktop notifications off: ..."
};

class DesktopNotifier {
 public:
  DesktopNotifier(boost::asio::io_context& io, NotifierOptions options);
  ~DesktopNotifier();
  DesktopNotifier(const DesktopNotifier&) = delete;
  DesktopNotifier& operator=(const DesktopNotifier&) = delete;

  // Connects now when enabled, so that a missing bus is said at start-up, not at the first
  // alert. Optional: on_event connects too.
  void start();
  // Any event; only Alert.Raised / Alert.Updated / Alert.Withdrawn do anything.
  void on_event(std::string_view event, const rapidjson::Value& params);
  // The same with the params as JSON text (what tendond's publisher holds).
  void on_event_json(std::string_view event, const std::string& params_json);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tendon::desktop
