#include "systemd_notify.h"

#include <systemd/sd-daemon.h>

#include <cstdlib>
#include <ctime>
#include <cstdint>

namespace tendon::systemd {

namespace {

// sd_notify's answer is ignored on purpose: without a service manager there is nobody to
// tell, and a manager that went away cannot be helped by the daemon stopping.
void notify(const std::string& state) { (void)::sd_notify(0, state.c_str()); }

std::uint64_t monotonic_usec() {
  timespec now{};
  ::clock_gettime(CLOCK_MONOTONIC, &now);
  return static_cast<std::uint64_t>(now.tv_sec) * 1000000u + static_cast<std::uint64_t>(now.tv_nsec) / 1000u;
}

}  // namespace

bool notifying() {
  const char* socket = std::getenv("NOTIFY_SOCKET");
  return socket != nullptr && *socket != '\0';
}

void notify_ready() { notify("READY=1"); }

void notify_status(const std::string& line) { notify("STATUS=" + line); }

// MONOTONIC_USEC lets a Type=notify-reload manager (systemd 253+) match the READY=1 that
// ends this reload; older ones ignore it.
void notify_reloading() { notify("RELOADING=1\nMONOTONIC_USEC=" + std::to_string(monotonic_usec())); }

void notify_stopping() { notify("STOPPING=1"); }

Watchdog::Watchdog(boost::asio::io_context& io) : timer_(io) {
  std::uint64_t interval_usec = 0;
  if (::sd_watchdog_enabled(0, &interval_usec) > 0 && interval_usec > 0) {
    period_ = std::chrono::microseconds(interval_usec / 2);
    notify("WATCHDOG=1");
    schedule();
  }
}

void Watchdog::schedule() {
  timer_.expires_after(*period_);
  timer_.async_wait([this](const boost::system::error_code& error) {
    if (error || !period_) return;  // stopped (an expiry already queued sees the reset)
    notify("WATCHDOG=1");
    schedule();
  });
}

void Watchdog::stop() {
  period_.reset();
  timer_.cancel();
}

}  // namespace tendon::systemd
