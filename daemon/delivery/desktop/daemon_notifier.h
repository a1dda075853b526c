#pragma once
// tendond's desktop notifier: on when the config's [desktop] notifications says so (default:
// on in user mode, off with --system), with the [push] rule, both read live so SIGHUP
// applies them; "Acknowledge" on a notification acknowledges the alert in the store, as
// Alert.Acknowledge does.
#include <memory>
#include <ostream>

#include <boost/asio/io_context.hpp>

#include "config/config.h"
#include "delivery/desktop/desktop_notifier.h"
#include "store/store.h"

namespace tendon::desktop {

// `config` is read at every event: it must outlive the notifier (tendond assigns it in place).
std::unique_ptr<DesktopNotifier> make_daemon_notifier(boost::asio::io_context& io, const Config& config,
                                                      bool system_mode, Store& store, std::ostream& log);

// [desktop] notifications, or the mode's default.
bool desktop_notifications_on(const Config& config, bool system_mode);

}  // namespace tendon::desktop
