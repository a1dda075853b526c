#include "delivery/desktop/bus_loop.h"

#include <fcntl.h>
#include <poll.h>
#include <time.h>

#include <boost/asio/post.hpp>
#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "delivery/desktop/session_bus.h"

namespace tendon::desktop {
namespace {

// The stream_descriptor closes what it holds; the bus keeps its own fd.
int duplicate_bus_fd(sd_bus* bus) {
  const int fd = sd_bus_get_fd(bus);
  if (fd < 0) throw std::runtime_error("session bus: no file descriptor: " + errno_text(fd));
  const int copy = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (copy < 0) throw std::runtime_error("session bus: cannot duplicate its descriptor: " + errno_text(-errno));
  return copy;
}

std::uint64_t monotonic_usec() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<std::uint64_t>(ts.tv_sec) * 1000000u + static_cast<std::uint64_t>(ts.tv_nsec) / 1000u;
}

}  // namespace

BusLoop::BusLoop(boost::asio::io_context& io, sd_bus* bus, std::function<void(int error)> on_broken)
    : io_(io),
      bus_(bus),
      on_broken_(std::move(on_broken)),
      fd_(io, duplicate_bus_fd(bus)),
      timer_(io),
      self_(std::make_shared<BusLoop*>(this)) {
  kick();
}

BusLoop::~BusLoop() { self_.reset(); }

void BusLoop::kick() {
  boost::asio::post(io_, [weak = std::weak_ptr<BusLoop*>(self_)] {
    if (const auto self = weak.lock()) (*self)->process();
  });
}

void BusLoop::fail(int error) {
  failed_ = true;
  fd_.cancel();
  timer_.cancel();
  // From the loop, so that on_broken_ may destroy us.
  boost::asio::post(io_, [weak = std::weak_ptr<BusLoop*>(self_), error] {
    if (const auto self = weak.lock()) (*self)->on_broken_(error);
  });
}

void BusLoop::process() {
  if (failed_) return;
  for (;;) {
    const int r = sd_bus_process(bus_, nullptr);
    if (r < 0) return fail(r);
    if (r == 0) break;
  }
  wait();
}

void BusLoop::wait() {
  const int events = sd_bus_get_events(bus_);
  if (events < 0) return fail(events);
  const auto on_ready = [weak = std::weak_ptr<BusLoop*>(self_)](bool BusLoop::*waiting) {
    return [weak, waiting](const boost::system::error_code& ec) {
      const auto self = weak.lock();
      if (!self) return;
      (*self)->*waiting = false;
      if (!ec) (*self)->process();
    };
  };
  if ((events & POLLIN) != 0 && !reading_) {
    reading_ = true;
    fd_.async_wait(boost::asio::posix::stream_descriptor::wait_read, on_ready(&BusLoop::reading_));
  }
  if ((events & POLLOUT) != 0 && !writing_) {
    writing_ = true;
    fd_.async_wait(boost::asio::posix::stream_descriptor::wait_write, on_ready(&BusLoop::writing_));
  }
  std::uint64_t deadline = 0;
  const int r = sd_bus_get_timeout(bus_, &deadline);
  if (r < 0) return fail(r);
  if (deadline == UINT64_MAX) {
    timer_.cancel();
    return;
  }
  const std::uint64_t now = monotonic_usec();
  timer_.expires_after(std::chrono::microseconds(deadline > now ? deadline - now : 0));
  timer_.async_wait([weak = std::weak_ptr<BusLoop*>(self_)](const boost::system::error_code& ec) {
    const auto self = weak.lock();
    if (self && !ec) (*self)->process();
  });
}

}  // namespace tendon::desktop
