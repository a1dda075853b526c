#include "watch_desktop.h"

#include <fcntl.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/post.hpp>
#include <iostream>
#include <system_error>

#include "delivery/desktop/desktop_notifier.h"
#include "event_stream.h"
#include "exit_codes.h"
#include "json_params.h"

namespace tendon::cli {
namespace {

// Reads the socket's events as they come, on the loop, and hands each to the notifier.
class EventPump {
 public:
  EventPump(boost::asio::io_context& io, control::Client& client, desktop::DesktopNotifier& notifier)
      : io_(io), client_(client), notifier_(notifier), socket_(io, duplicate(client.native_handle())) {}

  void wait() {
    socket_.async_wait(boost::asio::posix::stream_descriptor::wait_read, [this](const boost::system::error_code& ec) {
      if (ec) return;
      // The daemon writes whole lines, so a readable socket holds at least one event.
      if (!forward(client_.next_event())) return;
      drain();
      wait();
    });
  }

  // Events the client read along with an answer (an acknowledgement) are no longer in the
  // socket: poll would never report them.
  void drain() {
    while (client_.has_queued_event()) {
      if (!forward(client_.next_event())) return;
    }
  }

  bool closed() const { return closed_; }

 private:
  static int duplicate(int fd) {
    const int copy = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (copy < 0) throw std::system_error(errno, std::generic_category(), "control socket");
    return copy;
  }

  bool forward(const std::optional<rapidjson::Document>& event) {
    if (!event) {
      closed_ = true;
      io_.stop();
      return false;
    }
    const auto method = event->FindMember("method");
    const auto params = event->FindMember("params");
    if (method != event->MemberEnd() && method->value.IsString() && params != event->MemberEnd()) {
      notifier_.on_event(method->value.GetString(), params->value);
    }
    return true;
  }

  boost::asio::io_context& io_;
  control::Client& client_;
  desktop::DesktopNotifier& notifier_;
  boost::asio::posix::stream_descriptor socket_;
  bool closed_ = false;
};

}  // namespace

int forward_alerts_to_desktop(control::Client& client, Severity min_severity) {
  boost::asio::io_context io;
  EventPump* pump = nullptr;
  desktop::NotifierOptions options;
  options.push_rule = [min_severity] { return PushRule{min_severity}; };
  options.log = &std::cerr;
  options.log_prefix = "tendonctl";
  options.acknowledge = [&client, &io, &pump](std::int64_t id) {
    try {
      client.call("Alert.Acknowledge", JsonParams().set("id", id).text());
      std::cerr << "tendonctl: alert " << id << " acknowledged" << std::endl;
    } catch (const std::exception& e) {
      std::cerr << "tendonctl: alert " << id << " not acknowledged: " << e.what() << std::endl;
    }
    boost::asio::post(io, [&pump] { pump->drain(); });
  };
  desktop::DesktopNotifier notifier(io, std::move(options));
  EventPump events(io, client, notifier);
  pump = &events;
  subscribe(client, {"Alert"});
  notifier.start();
  std::cerr << "tendonctl: showing tendond's alerts on the desktop (" << to_string(min_severity)
            << " and above, runs of the last 72 h; Ctrl-C ends)" << std::endl;
  events.drain();
  events.wait();
  io.run();
  std::cerr << "tendonctl: tendond closed the connection\n";
  return kExitNotRunning;
}

}  // namespace tendon::cli
