#pragma once
// Splits a byte stream into lines ('\n'-terminated, a trailing '\r' dropped) and refuses a
// line longer than the limit as soon as the limit is passed, without waiting for its end:
// a client must not make the daemon buffer an unbounded line.
//
// Descriptors passed with SCM_RIGHTS come in with some of the bytes; they belong to the
// line that holds the last byte received with them. Linux ends a recvmsg right after the
// segment that carried descriptors (it may put earlier plain data in front of it, never
// later data behind it), so for a client that sends each request line whole in one
// sendmsg, that line is the request the descriptors were sent with.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "control/passed_fds.h"

namespace tendon::control {

class LineReader {
 public:
  struct Line {
    std::string text;  // without its newline
    // The descriptors that belong to this line; null when none came.
    std::shared_ptr<PassedFds> fds;
  };

  // `max_fds_per_line`: more descriptors than this for one line is refused (too_many_fds()).
  explicit LineReader(std::size_t max_line_bytes, std::size_t max_fds_per_line = 0)
      : max_line_bytes_(max_line_bytes), max_fds_per_line_(max_fds_per_line) {}
  // Closes the descriptors no line took.
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // Adds bytes read from the socket, and the descriptors that came with them (owned by the
  // reader from now on; closed at once when there is no byte to attach them to or the
  // reader already refused the stream).
  void append(std::string_view bytes, std::vector<int> fds = {});

  // The next complete line (without its newline), or nullopt when none is complete yet.
  std::optional<Line> next_line();

  // True once the buffered part of a line (complete or not) is longer than the limit;
  // next_line() returns nothing from then on.
  bool too_long() const { return too_long_; }
  // True once a line got more descriptors than the limit; next_line() returns nothing from
  // then on.
  bool too_many_fds() const { return too_many_fds_; }
  // At end of input: the last line when it had no newline (`printf '{...}' | socat ...`).
  std::optional<Line> take_unterminated();
  std::size_t max_line_bytes() const { return max_line_bytes_; }
  std::size_t max_fds_per_line() const { return max_fds_per_line_; }

 private:
  struct PendingFd {
    std::uint64_t offset;  // stream offset of the last byte that came with it
    int fd;
  };
  bool refusing() const { return too_long_ || too_many_fds_; }
  // The descriptors received with bytes up to stream offset `last` (inclusive).
  std::shared_ptr<PassedFds> take_fds_through(std::uint64_t last);
  void close_pending();

  std::size_t max_line_bytes_;
  std::size_t max_fds_per_line_;
  std::string buffer_;
  std::size_t consumed_ = 0;          // bytes of buffer_ already returned as lines
  std::uint64_t buffer_offset_ = 0;   // stream offset of buffer_[0]
  std::vector<PendingFd> pending_fds_;  // by offset, oldest first
  bool too_long_ = false;
  bool too_many_fds_ = false;
};

}  // namespace tendon::control
