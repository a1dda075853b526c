#include "control/session.h"

#include <sys/socket.h>

#include <boost/asio/error.hpp>

#include "control/json_text.h"

namespace tendon::control {

Session::Session(boost::asio::local::stream_protocol::socket socket, Caller caller, const Limits& limits,
                 Hooks hooks)
    : socket_(std::move(socket)),
      caller_(caller),
      limits_(limits),
      hooks_(std::move(hooks)),
      reader_(limits.max_line_bytes),
      output_(limits.max_output_bytes, limits.max_output_messages) {}

void Session::start(std::string greeting) {
  boost::system::error_code ignored;
  socket_.non_blocking(true, ignored);
  send(std::move(greeting));
  if (!closed_) read_more();
}

void Session::read_more() {
  socket_.async_read_some(boost::asio::buffer(read_buffer_),
                          [self = shared_from_this()](const boost::system::error_code& error, std::size_t bytes) {
                            self->on_read(error, bytes);
                          });
}

void Session::on_read(const boost::system::error_code& error, std::size_t bytes) {
  if (closed_ || finishing_) return;
  if (error) {
    if (error != boost::asio::error::eof) {
      close();
      return;
    }
    // The client half-closed: serve what it sent, then hang up once answered.
    if (auto last = reader_.take_unterminated()) hooks_.on_line(*this, *last);
    finish();
    return;
  }
  reader_.append({read_buffer_.data(), bytes});
  while (auto line = reader_.next_line()) {
    if (line->empty()) continue;
    hooks_.on_line(*this, *line);
    if (closed_ || finishing_) return;
  }
  if (reader_.too_long()) {
    // The rest of the line cannot be told from the next request: answer and hang up.
    send(error_line("null", TENDON_RPC_INVALID_REQUEST,
                    "line longer than " + std::to_string(reader_.max_line_bytes()) + " bytes"));
    finish();
    return;
  }
  read_more();
}

void Session::send(std::string line) {
  if (closed_) return;
  line += '\n';
  if (!output_.push(std::move(line))) {
    drop_for_overflow();
    return;
  }
  if (!waiting_writable_) write_queued();
}

void Session::write_queued() {
  while (!output_.empty()) {
    boost::system::error_code error;
    const std::size_t written = socket_.write_some(output_.buffers(), error);
    if (error == boost::asio::error::would_block || error == boost::asio::error::try_again) {
      wait_writable();
      return;
    }
    if (error) {
      close();
      return;
    }
    output_.consume(written);
  }
  close_if_finished();
}

void Session::wait_writable() {
  waiting_writable_ = true;
  socket_.async_wait(boost::asio::socket_base::wait_write,
                     [self = shared_from_this()](const boost::system::error_code& error) {
                       self->waiting_writable_ = false;
                       if (self->closed_) return;
                       if (error) {
                         self->close();
                         return;
                       }
                       self->write_queued();
                     });
}

void Session::drop_for_overflow() {
  // One attempt, never a wait: finish the line the client is in the middle of (so the
  // overflow notice stands on its own line), say why, and hang up.
  std::string last_words = output_.take_front_rest();
  last_words += notification_line(TENDON_EVENT_OVERFLOW,
                                  JsonText::raw(R"({"reason":"output queue full","max_bytes":)" +
                                                std::to_string(limits_.max_output_bytes) + R"(,"max_messages":)" +
                                                std::to_string(limits_.max_output_messages) + "}"));
  last_words += '\n';
  [[maybe_unused]] const auto sent =
      ::send(socket_.native_handle(), last_words.data(), last_words.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
  close();
}

void Session::finish() {
  finishing_ = true;
  events_.clear();
  close_if_finished();
}

void Session::end_call() {
  if (calls_in_flight_ > 0) --calls_in_flight_;
  close_if_finished();
}

void Session::close_if_finished() {
  if (finishing_ && !closed_ && output_.empty() && calls_in_flight_ == 0) close();
}

void Session::close() {
  if (closed_) return;
  closed_ = true;
  events_.clear();
  boost::system::error_code ignored;
  // Unix sockets hand written bytes to the peer's receive queue at once, so closing here
  // loses nothing the client has not yet read.
  socket_.shutdown(boost::asio::socket_base::shutdown_both, ignored);
  socket_.close(ignored);
  if (hooks_.on_closed) hooks_.on_closed(*this);
}

}  // namespace tendon::control
