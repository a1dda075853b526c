#pragma once
// One connected client: reads request lines, writes answers and events through a bounded
// queue. Everything runs on the loop's thread. Writes are non-blocking and done here (not
// with async_write), so the session always knows how much of a line the client has; a
// client whose backlog passes the bound gets one last Events.Overflow attempt and is
// dropped at once, without ever blocking the loop.
// Reads are recvmsg calls (on readiness from the loop) so that descriptors a client passes
// with SCM_RIGHTS reach the request line they were sent with (see LineReader).
#include <array>
#include <boost/asio/local/stream_protocol.hpp>
#include <functional>
#include <memory>
#include <string>

#include "control/event_filter.h"
#include "control/limits.h"
#include "control/line_reader.h"
#include "control/method_table.h"
#include "control/output_queue.h"

namespace tendon::control {

class Session : public std::enable_shared_from_this<Session> {
 public:
  struct Hooks {
    // A complete request line arrived, with the descriptors that came with it (null: none).
    std::function<void(Session&, const std::string& line, std::shared_ptr<PassedFds> fds)> on_line;
    // The session closed (called once); the server forgets it.
    std::function<void(Session&)> on_closed;
    // The client fell too far behind and is being dropped (before on_closed); may be empty.
    std::function<void(Session&)> on_overflow;
  };

  Session(boost::asio::local::stream_protocol::socket socket, Caller caller, const Limits& limits, Hooks hooks);
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Sends `greeting` and starts reading.
  void start(std::string greeting);
  // Queues one line (without its newline) and writes what the socket takes now.
  void send(std::string line);
  // Closes now; what is queued is lost.
  void close();
  bool is_open() const { return !closed_; }

  // An asynchronous call started / answered: a client that half-closes is served until
  // its answers are out.
  void begin_call() { ++calls_in_flight_; }
  void end_call();

  const Caller& caller() const { return caller_; }
  EventFilter& events() { return events_; }
  // True when the event should go to this client.
  bool wants_event(std::string_view event) const { return !finishing_ && !closed_ && events_.wants(event); }

 private:
  void read_more();
  void on_readable(const boost::system::error_code& error);
  // Hands the complete lines read so far to on_line; false once the session stops reading.
  bool serve_lines();
  void on_end_of_input();
  // Answers with one error line (id null) and hangs up once it is written.
  void refuse_stream(const std::string& message);
  std::string too_many_fds_message() const;
  // Stop reading; close once the queue is written and no call is in flight.
  void finish();
  void close_if_finished();
  void write_queued();
  void wait_writable();
  void drop_for_overflow();

  boost::asio::local::stream_protocol::socket socket_;
  Caller caller_;
  Limits limits_;
  Hooks hooks_;
  LineReader reader_;
  OutputQueue output_;
  EventFilter events_;
  std::array<char, 64 * 1024> read_buffer_{};
  int calls_in_flight_ = 0;
  bool waiting_writable_ = false;
  bool finishing_ = false;
  bool closed_ = false;
};

}  // namespace tendon::control
