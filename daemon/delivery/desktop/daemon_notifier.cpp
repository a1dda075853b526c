#include "delivery/desktop/daemon_notifier.h"

#include <ctime>

namespace tendon::desktop {

bool desktop_notifications_on(const Config& config, bool system_mode) {
  return config.desktop_notifications.value_or(!system_mode);
}

std::unique_ptr<DesktopNotifier> make_daemon_notifier(boost::asio::io_context& io, const Config& config,
                                                      bool system_mode, Store& store, std::ostream& log) {
  NotifierOptions options;
  options.enabled = [&config, system_mode] { return desktop_notifications_on(config, system_mode); };
  options.push_rule = [&config] { return push_rule(config); };
  options.show_athlete = [&config] { return config.athletes.size() > 1; };
  options.acknowledge = [&store, &log](std::int64_t id) {
    const auto now = static_cast<Instant>(std::time(nullptr));
    try {
      // false: withdrawn or gone meanwhile; nothing to acknowledge.
      if (store.set_alert_state(id, AlertState::acknowledged, std::nullopt, now)) {
        log << "tendond: alert " << id << " acknowledged from its desktop notification" << std::endl;
      }
    } catch (const std::exception& e) {
      log << "tendond: alert " << id << " not acknowledged: " << e.what() << std::endl;
    }
  };
  options.log = &log;
  options.log_prefix = "tendond";
  return std::make_unique<DesktopNotifier>(io, std::move(options));
}

}  // namespace tendon::desktop
