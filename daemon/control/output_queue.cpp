#include "control/output_queue.h"

namespace tendon::control {

bool OutputQueue::push(std::string line) {
  if (!lines_.empty() && (bytes_ + line.size() > max_bytes_ || lines_.size() + 1 > max_messages_)) return false;
  bytes_ += line.size();
  lines_.push_back(std::move(line));
  return true;
}

std::vector<boost::asio::const_buffer> OutputQueue::buffers(std::size_t max_buffers) const {
  std::vector<boost::asio::const_buffer> result;
  for (std::size_t i = 0; i < lines_.size() && result.size() < max_buffers; ++i) {
    const std::size_t skip = i == 0 ? front_written_ : 0;
    result.emplace_back(lines_[i].data() + skip, lines_[i].size() - skip);
  }
  return result;
}

void OutputQueue::consume(std::size_t written) {
  bytes_ -= written;
  while (written > 0) {
    const std::size_t left_in_front = lines_.front().size() - front_written_;
    if (written < left_in_front) {
      front_written_ += written;
      return;
    }
    written -= left_in_front;
    lines_.pop_front();
    front_written_ = 0;
  }
}

std::string OutputQueue::take_front_rest() {
  std::string rest;
  if (!lines_.empty()) rest = lines_.front().substr(front_written_);
  lines_.clear();
  front_written_ = 0;
  bytes_ = 0;
  return rest;
}

}  // namespace tendon::control
