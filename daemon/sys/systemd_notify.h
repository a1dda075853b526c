#pragma once
// Telling systemd how the service is doing (sd_notify: Type=notify units). Every call is a
// no-op when the daemon was not started by systemd ($NOTIFY_SOCKET unset), so tendond
// behaves the same in a terminal.
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <optional>
#include <string>

namespace tendon::systemd {

// True when a service manager listens ($NOTIFY_SOCKET set): skip work only it would read.
bool notifying();
// READY=1: the socket listens and the start-up scan is queued (also ends a reload).
void notify_ready();
// STATUS=...: the line `systemctl status` shows.
void notify_status(const std::string& line);
// RELOADING=1, before a config reload.
void notify_reloading();
// STOPPING=1, as soon as a stop was asked for.
void notify_stopping();

// WATCHDOG=1 from the event loop at half the interval systemd asked for (WatchdogSec=), so
// that a loop that hangs stops the pings and systemd restarts the daemon. Does nothing
// when the watchdog is off (or meant for another process: $WATCHDOG_PID).
class Watchdog {
 public:
  explicit Watchdog(boost::asio::io_context& io);
  Watchdog(const Watchdog&) = delete;
  Watchdog& operator=(const Watchdog&) = delete;

  // The ping period; nullopt when the watchdog is off.
  std::optional<std::chrono::microseconds> period() const { return period_; }
  void stop();

 private:
  void schedule();

  boost::asio::steady_timer timer_;
  std::optional<std::chrono::microseconds> period_;
};

}  // namespace tendon::systemd
