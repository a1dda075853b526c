#include "control/line_reader.h"

#include <algorithm>

#include "control/fd_passing.h"

namespace tendon::control {

LineReader::~LineReader() { close_pending(); }

void LineReader::close_pending() {
  for (const PendingFd& pending : pending_fds_) close_all(std::span(&pending.fd, 1));
  pending_fds_.clear();
}

void LineReader::append(std::string_view bytes, std::vector<int> fds) {
  buffer_.append(bytes);
  if (fds.empty()) return;
  if (bytes.empty() || refusing()) {
    close_all(fds);
    return;
  }
  const std::size_t last = buffer_.size() - 1;
  const std::uint64_t last_offset = buffer_offset_ + last;
  for (const int fd : fds) pending_fds_.push_back({last_offset, fd});
  // The descriptors already waiting for the same line count too (a line sent in several
  // pieces, each with descriptors): the bound is per request, not per read.
  const std::size_t newline = last == 0 ? std::string::npos : buffer_.rfind('\n', last - 1);
  const std::uint64_t line_start = buffer_offset_ + (newline == std::string::npos ? 0 : newline + 1);
  const auto for_this_line = std::count_if(pending_fds_.begin(), pending_fds_.end(),
                                           [&](const PendingFd& pending) { return pending.offset >= line_start; });
  if (static_cast<std::size_t>(for_this_line) > max_fds_per_line_) {
    too_many_fds_ = true;
    close_pending();
  }
}

std::shared_ptr<PassedFds> LineReader::take_fds_through(std::uint64_t last) {
  const auto end = std::find_if(pending_fds_.begin(), pending_fds_.end(),
                                [&](const PendingFd& pending) { return pending.offset > last; });
  if (end == pending_fds_.begin()) return nullptr;
  std::vector<int> fds;
  std::transform(pending_fds_.begin(), end, std::back_inserter(fds), [](const PendingFd& pending) { return pending.fd; });
  pending_fds_.erase(pending_fds_.begin(), end);
  return std::make_shared<PassedFds>(std::move(fds));
}

std::optional<LineReader::Line> LineReader::next_line() {
  if (refusing()) return std::nullopt;
  const std::size_t end = buffer_.find('\n', consumed_);
  if (end == std::string::npos) {
    // Compact only when nothing is left to hand out, so a burst of short lines costs one
    // erase rather than one per line.
    buffer_.erase(0, consumed_);
    buffer_offset_ += consumed_;
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
  Line line{buffer_.substr(consumed_, length), take_fds_through(buffer_offset_ + end)};
  consumed_ = end + 1;
  return line;
}

std::optional<LineReader::Line> LineReader::take_unterminated() {
  if (refusing()) return std::nullopt;
  std::string rest = buffer_.substr(consumed_);
  buffer_offset_ += buffer_.size();
  buffer_.clear();
  consumed_ = 0;
  // Whatever is still waiting came with these last bytes (or with nothing a line can own).
  std::shared_ptr<PassedFds> fds = take_fds_through(buffer_offset_);
  if (!rest.empty() && rest.back() == '\r') rest.pop_back();
  if (rest.empty()) return std::nullopt;  // `fds`, if any, are closed here
  return Line{std::move(rest), std::move(fds)};
}

}  // namespace tendon::control
