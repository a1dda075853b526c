#pragma once
// Runs an sd-bus connection on an Asio loop without ever blocking it: the bus's fd is
// waited on for what sd_bus_get_events() asks (a posix::stream_descriptor on a duplicate of
// it) and its timeout (sd_bus_get_timeout(): method-call timeouts, authentication) with a
// timer; whenever either fires, sd_bus_process() runs until it has nothing left to do.
#include <functional>
#include <memory>

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <systemd/sd-bus.h>

namespace tendon::desktop {

class BusLoop {
 public:
  // `on_broken` gets the negative errno once the connection fails (the bus went away);
  // nothing is processed after that. It may destroy this BusLoop (it runs from the loop,
  // never inside sd_bus_process).
  BusLoop(boost::asio::io_context& io, sd_bus* bus, std::function<void(int error)> on_broken);
  ~BusLoop();
  BusLoop(const BusLoop&) = delete;
  BusLoop& operator=(const BusLoop&) = delete;

  // Call after queueing a message: processing runs soon, from the loop (sd_bus_process is
  // not re-entrant, and this may be called from inside one of its callbacks).
  void kick();

 private:
  void process();
  void wait();
  void fail(int error);

  boost::asio::io_context& io_;
  sd_bus* bus_;
  std::function<void(int)> on_broken_;
  boost::asio::posix::stream_descriptor fd_;
  boost::asio::steady_timer timer_;
  bool reading_ = false;
  bool writing_ = false;
  bool failed_ = false;
  // Handlers hold a weak copy: one already queued when this is destroyed does nothing.
  std::shared_ptr<BusLoop*> self_;
};

}  // namespace tendon::desktop
