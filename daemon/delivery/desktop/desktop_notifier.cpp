#include "delivery/desktop/desktop_notifier.h"

#include <algorithm>
#include <boost/asio/post.hpp>
#include <ctime>
#include <deque>
#include <map>

#include "core/push_policy.h"
#include "delivery/desktop/alert_event.h"
#include "delivery/desktop/bus_loop.h"
#include "delivery/desktop/notification_text.h"
#include "delivery/desktop/session_bus.h"

namespace tendon::desktop {
namespace {

struct SlotUnref {
  void operator()(sd_bus_slot* slot) const { sd_bus_slot_unref(slot); }
};
using SlotPtr = std::unique_ptr<sd_bus_slot, SlotUnref>;

// One Notify to send. The replaces id is looked up when it is sent, not when queued: the
// Notify before it (the same alert's first showing) may only just have been answered.
struct Request {
  std::int64_t alert_id = 0;
  NotificationText text;
  bool ack_action = false;  // offered only when the server supports actions
};

}  // namespace

struct DesktopNotifier::Impl {
  boost::asio::io_context& io;
  NotifierOptions options;

  BusPtr bus;
  std::unique_ptr<BusLoop> loop;
  SlotPtr action_match;
  SlotPtr closed_match;
  bool ready = false;            // GetCapabilities answered
  bool server_has_actions = false;
  bool in_flight = false;        // one call at a time keeps updates after their first showing
  std::int64_t in_flight_alert = 0;
  std::deque<Request> queue;
  std::map<std::int64_t, std::uint32_t> shown;  // alert id -> the server's notification id
  bool warned = false;           // one warning per outage, not one per alert
  std::shared_ptr<Impl*> self = std::make_shared<Impl*>(this);

  Impl(boost::asio::io_context& io_context, NotifierOptions opts) : io(io_context), options(std::move(opts)) {
    if (!options.clock) options.clock = [] { return static_cast<Instant>(std::time(nullptr)); };
  }
  ~Impl() { disconnect(); }

  void warn(const std::string& what) {
    if (warned) return;
    warned = true;
    if (options.log != nullptr) *options.log << options.log_prefix << ": " << what << std::endl;
  }

  // Drops the connection; a later alert connects again. Never from inside an sd-bus callback
  // (the bus would be freed under sd_bus_process): those post it.
  void disconnect() {
    loop.reset();
    action_match.reset();
    closed_match.reset();
    bus.reset();
    ready = false;
    server_has_actions = false;
    in_flight = false;
    queue.clear();
  }

  void disconnect_later() {
    boost::asio::post(io, [weak = std::weak_ptr<Impl*>(self)] {
      if (const auto s = weak.lock()) (*s)->disconnect();
    });
  }

  bool connect() {
    if (bus) return true;
    OpenedBus opened = open_session_bus();
    if (!opened.bus) {
      warn("desktop notifications off: " + opened.error);
      return false;
    }
    bus = std::move(opened.bus);
    sd_bus_slot* slot = nullptr;
    // No sender in the matches: sd-bus cannot compare a well-known name with the unique name
    // signals carry; the notification ids tell ours apart.
    int r = sd_bus_match_signal_async(bus.get(), &slot, nullptr, kNotificationsPath, kNotificationsInterface,
                                      "ActionInvoked", &Impl::on_action, nullptr, this);
    if (r >= 0) action_match.reset(slot);
    if (r >= 0) r = sd_bus_match_signal_async(bus.get(), &slot, nullptr, kNotificationsPath, kNotificationsInterface,
                                              "NotificationClosed", &Impl::on_closed, nullptr, this);
    if (r >= 0) closed_match.reset(slot);
    if (r >= 0) r = sd_bus_call_method_async(bus.get(), nullptr, kNotificationsName, kNotificationsPath,
                                             kNotificationsInterface, "GetCapabilities", &Impl::on_capabilities,
                                             this, "");
    if (r < 0) {
      warn("desktop notifications off: session bus: " + errno_text(r));
      disconnect();
      return false;
    }
    loop = std::make_unique<BusLoop>(io, bus.get(), [this](int error) {
      warn("desktop notifications off: lost the session bus: " + errno_text(error));
      disconnect();
    });
    return true;
  }

  bool on_desktop(std::int64_t alert_id) const {
    if (shown.count(alert_id) != 0 || (in_flight && in_flight_alert == alert_id)) return true;
    return std::any_of(queue.begin(), queue.end(), [&](const Request& r) { return r.alert_id == alert_id; });
  }

  void handle(const AlertEvent& alert) {
    const bool pushed = should_push(alert.severity, alert.at, options.push_rule(), options.clock());
    const bool show_athlete = options.show_athlete();
    switch (alert.change) {
      case AlertChange::raised:
        if (pushed) send({alert.id, alert_notification(alert, show_athlete), true});
        return;
      case AlertChange::updated:
        // What is on the screen shows the figures as they are now, even below the minimum.
        if (pushed || on_desktop(alert.id)) send({alert.id, alert_notification(alert, show_athlete), true});
        return;
      case AlertChange::withdrawn:
        // Only what was shown: a withdrawal nobody saw the alert of is not news.
        if (on_desktop(alert.id)) send({alert.id, withdrawn_notification(alert, show_athlete), false});
        return;
    }
  }

  void send(Request request) {
    if (!connect()) return;
    queue.push_back(std::move(request));
    pump();
  }

  void pump() {
    if (!ready || in_flight || queue.empty()) return;
    Request request = std::move(queue.front());
    queue.pop_front();
    const auto known = shown.find(request.alert_id);
    const std::uint32_t replaces = known == shown.end() ? 0 : known->second;
    MessagePtr message;
    int r = new_notify_call(bus.get(), request.text, replaces, request.ack_action && server_has_actions, message);
    if (r >= 0) r = sd_bus_call_async(bus.get(), nullptr, message.get(), &Impl::on_notified, this, 0);
    if (r < 0) {
      warn("desktop notification not shown: " + errno_text(r));
      return pump();
    }
    in_flight = true;
    in_flight_alert = request.alert_id;
    loop->kick();
  }

  static Impl& of(void* userdata) { return *static_cast<Impl*>(userdata); }

  static int on_capabilities(sd_bus_message* reply, void* userdata, sd_bus_error*) {
    Impl& impl = of(userdata);
    if (sd_bus_message_is_method_error(reply, nullptr)) {
      impl.warn("desktop notifications off: no notification service on the session bus (" +
                error_text(sd_bus_message_get_error(reply)) + ")");
      impl.disconnect_later();
      return 0;
    }
    if (sd_bus_message_enter_container(reply, 'a', "s") >= 0) {
      const char* capability = nullptr;
      while (sd_bus_message_read(reply, "s", &capability) > 0) {
        if (std::string_view(capability) == "actions") impl.server_has_actions = true;
      }
      sd_bus_message_exit_container(reply);
    }
    impl.ready = true;
    impl.pump();
    return 0;
  }

  static int on_notified(sd_bus_message* reply, void* userdata, sd_bus_error*) {
    Impl& impl = of(userdata);
    impl.in_flight = false;
    std::uint32_t id = 0;
    if (sd_bus_message_is_method_error(reply, nullptr)) {
      impl.warn("desktop notification not shown: " + error_text(sd_bus_message_get_error(reply)));
    } else if (sd_bus_message_read(reply, "u", &id) > 0) {
      impl.shown[impl.in_flight_alert] = id;
      impl.warned = false;  // delivering again: a later outage is worth a line
    }
    impl.pump();
    return 0;
  }

  static int on_action(sd_bus_message* signal, void* userdata, sd_bus_error*) {
    Impl& impl = of(userdata);
    std::uint32_t id = 0;
    const char* key = nullptr;
    if (sd_bus_message_read(signal, "us", &id, &key) < 0 || std::string_view(key) != kAckAction) return 0;
    for (const auto& [alert_id, notification_id] : impl.shown) {
      if (notification_id == id) {
        if (impl.options.acknowledge) impl.options.acknowledge(alert_id);
        break;
      }
    }
    return 0;
  }

  static int on_closed(sd_bus_message* signal, void* userdata, sd_bus_error*) {
    Impl& impl = of(userdata);
    std::uint32_t id = 0;
    std::uint32_t reason = 0;
    if (sd_bus_message_read(signal, "uu", &id, &reason) < 0) return 0;
    std::erase_if(impl.shown, [id](const auto& entry) { return entry.second == id; });
    return 0;
  }
};

DesktopNotifier::DesktopNotifier(boost::asio::io_context& io, NotifierOptions options)
    : impl_(std::make_unique<Impl>(io, std::move(options))) {}

DesktopNotifier::~DesktopNotifier() = default;

void DesktopNotifier::start() {
  if (impl_->options.enabled()) impl_->connect();
}

void DesktopNotifier::on_event(std::string_view event, const rapidjson::Value& params) {
  if (!event.starts_with("Alert.") || !impl_->options.enabled()) return;
  if (const auto alert = parse_alert_event(event, params)) impl_->handle(*alert);
}

void DesktopNotifier::on_event_json(std::string_view event, const std::string& params_json) {
  if (!event.starts_with("Alert.") || !impl_->options.enabled()) return;
  rapidjson::Document params;
  params.Parse(params_json.c_str(), params_json.size());
  if (!params.HasParseError()) on_event(event, params);
}

}  // namespace tendon::desktop
