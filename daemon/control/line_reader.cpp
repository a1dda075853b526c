#include "control/line_reader.h"

namespace tendon::control {

std::optional<std::string> LineReader::next_line() {
  if (too_long_) return std::nullopt;
  const std::size_t end = buffer_.find('\n', consumed_);
  if (end == std::string::npos) {
    // Compact only when nothing is left to hand out, so a burst of short lines costs one
    // erase rather than one per line.
    buffer_.erase(0, consumed_);
    consumed_ = 0;
    if (buffer_.size() > max_line_bytes_) too_long_ = true;
    return std::nullopt;
  }
  std::size_t length = end - consumed_;
  if (length > 0 && buffer_[end - 1] == '\r') --length;
  if (length > max_line_bytes_) {
    too_long_ = true;
    return std::nullopt;
  }
  std::string line = buffer_.substr(consumed_, length);
  consumed_ = end + 1;
  return line;
}

std::optional<std::string> LineReader::take_unterminated() {
  if (too_long_) return std::nullopt;
  std::string rest = buffer_.substr(consumed_);
  buffer_.clear();
  consumed_ = 0;
  if (!rest.empty() && rest.back() == '\r') rest.pop_back();
  if (rest.empty()) return std::nullopt;
  return rest;
}

}  // namespace tendon::control
