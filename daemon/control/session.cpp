#include "control/session.h"

#include <sys/socket.h>

#include <cerrno>

#include <boost/asio/error.hpp>

#include "control/fd_passing.h"
#include "control/json_text.h"

namespace tendon::control {

Session::Session(boost::asio::local::stream_protocol::socket socket, Caller caller, const Limits& limits,
                 Hooks hooks)
    : socket_(std::move(socket)),
      caller_(caller),
      limits_(limits),
      hooks_(std::move(hooks)),
      reader_(limits.max_line_bytes, limits.max_fds_per_request),
      output_(limits.max_output_bytes, limits.max_output_messages) {}

void Session::start(std::string greeting) {
  boost::system::error_code ignored;
  socket_.non_blocking(true, ignored);
  send(std::move(greeting));
  if (!closed_) read_more();
}

void Session::read_more() {
  socket_.async_wait(boost::asio::socket_base::wait_read,
                     [self = shared_from_this()](const boost::system::error_code& error) { self->on_readable(error); });
}

void Session::on_readable(const boost::system::error_code& error) {
  if (closed_ || finishing_) return;
  if (error) {
    close();
    return;
  }
  Received received = receive_with_fds(socket_.native_handle(), read_buffer_, limits_.max_fds_per_request);
  if (received.bytes < 0) {
    if (received.error == EAGAIN || received.error == EWOULDBLOCK) {
      read_more();  // woken without data after all
      return;
    }
    close();
    return;
  }
  if (received.fds_truncated) {
    // Some descriptors are lost already: the request they came with cannot be served as sent.
    close_all(received.fds);
    refuse_stream(too_many_fds_message());
    return;
  }
  if (received.bytes == 0) {
    close_all(received.fds);
    on_end_of_input();
    return;
  }
  reader_.append({read_buffer_.data(), static_cast<std::size_t>(received.bytes)}, std::move(received.fds));
  if (serve_lines()) read_more();
}

bool Session::serve_lines() {
  while (auto line = reader_.next_line()) {
    // A blank line is skipped; descriptors sent with it are closed with it.
    if (!line->text.empty()) hooks_.on_line(*this, line->text, std::move(line->fds));
    if (closed_ || finishing_) return false;
  }
  if (reader_.too_long()) {
    // The rest of the line cannot be told from the next request: answer and hang up.
    refuse_stream("line longer than " + std::to_string(reader_.max_line_bytes()) + " bytes");
    return false;
  }
  if (reader_.too_many_fds()) {
    refuse_stream(too_many_fds_message());
    return false;
  }
  return true;
}

void Session::on_end_of_input() {
  // The client half-closed: serve what it sent, then hang up once answered.
  if (auto last = reader_.take_unterminated()) hooks_.on_line(*this, last->text, std::move(last->fds));
  finish();
}

std::string Session::too_many_fds_message() const {
  return "too many file descriptors with one request (at most " + std::to_string(limits_.max_fds_per_request) + ")";
}

void Session::refuse_stream(const std::string& message) {
  send(error_line("null", TENDON_RPC_INVALID_REQUEST, message));
  finish();
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
  if (hooks_.on_overflow) hooks_.on_overflow(*this);
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
