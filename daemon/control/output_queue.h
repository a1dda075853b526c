#pragma once
// The lines waiting to be written to one client, bounded in bytes and in messages. The
// session writes from the front itself (non-blocking), so the queue always knows exactly
// how much of the front line the client already has: the last words to a dropped client
// can finish that line before saying Events.Overflow.
#include <boost/asio/buffer.hpp>
#include <cstddef>
#include <deque>
#include <string>
#include <vector>

namespace tendon::control {

class OutputQueue {
 public:
  OutputQueue(std::size_t max_bytes, std::size_t max_messages) : max_bytes_(max_bytes), max_messages_(max_messages) {}

  // Queues `line` (which must end in '\n'). False, queueing nothing, when it would pass a
  // bound. An empty queue always takes one line, however long: the bound limits a backlog,
  // not the size of a single answer.
  bool push(std::string line);

  bool empty() const { return lines_.empty(); }
  std::size_t bytes() const { return bytes_; }
  std::size_t messages() const { return lines_.size(); }

  // Up to `max_buffers` buffers over the unwritten bytes, front first.
  std::vector<boost::asio::const_buffer> buffers(std::size_t max_buffers = 64) const;
  // Drops `written` bytes from the front.
  void consume(std::size_t written);
  // The unwritten rest of the front line (the client already has the part before), and
  // empties the queue.
  std::string take_front_rest();

 private:
  std::size_t max_bytes_;
  std::size_t max_messages_;
  std::deque<std::string> lines_;
  std::size_t front_written_ = 0;
  std::size_t bytes_ = 0;  // unwritten bytes in lines_
};

}  // namespace tendon::control
