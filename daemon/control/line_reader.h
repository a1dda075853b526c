#pragma once
// Splits a byte stream into lines ('\n'-terminated, a trailing '\r' dropped) and refuses a
// line longer than the limit as soon as the limit is passed, without waiting for its end:
// a client must not make the daemon buffer an unbounded line.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tendon::control {

class LineReader {
 public:
  explicit LineReader(std::size_t max_line_bytes) : max_line_bytes_(max_line_bytes) {}

  // Adds bytes read from the socket.
  void append(std::string_view bytes) { buffer_.append(bytes); }

  // The next complete line (without its newline), or nullopt when none is complete yet.
  std::optional<std::string> next_line();

  // True once the buffered part of a line (complete or not) is longer than the limit;
  // next_line() returns nothing from then on.
  bool too_long() const { return too_long_; }
  // At end of input: the last line when it had no newline (`printf '{...}' | socat ...`).
  std::optional<std::string> take_unterminated();
  std::size_t max_line_bytes() const { return max_line_bytes_; }

 private:
  std::size_t max_line_bytes_;
  std::string buffer_;
  std::size_t consumed_ = 0;  // bytes of buffer_ already returned as lines
  bool too_long_ = false;
};

}  // namespace tendon::control
