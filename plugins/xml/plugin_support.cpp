#include "plugin_support.h"

#include <cmath>
#include <cstring>
#include <string>

#include "unknown.h"

namespace tendon::xml {

void Reporter::send(tendon_level level, std::string_view message) const {
  if (sink_ == nullptr || !struct_has(sink_->struct_size, offsetof(tendon_sink, report) + sizeof sink_->report) ||
      sink_->report == nullptr) {
    return;
  }
  try {
    const std::string line(message);  // NUL-terminated copy
    sink_->report(sink_->context, level, line.c_str());
  } catch (...) {
    // Out of memory for the copy: the report is lost, the import goes on.
  }
}

void Reporter::count_warning(std::size_t count, std::string_view what) const {
  if (count > 0) warning(std::to_string(count) + " " + std::string(what));
}

bool InputBuffer::reserve(std::size_t capacity) {
  // Always allocate once, even for an empty input: the terminating NUL needs a byte.
  if (bytes_ != nullptr && capacity <= capacity_) return true;
  auto bigger = std::make_unique_for_overwrite<char[]>(capacity + 1);  // +1: spare byte
  if (size_ > 0) std::memcpy(bigger.get(), bytes_.get(), size_);
  bytes_ = std::move(bigger);
  capacity_ = capacity;
  return true;
}

int InputBuffer::load(const tendon_input* input, const Reporter& report) {
  if (input == nullptr || !struct_has(input->struct_size, offsetof(tendon_input, read) + sizeof input->read)) {
    return report.fail(TENDON_ERR_INTERNAL, "the host passed no usable input");
  }
  const std::string limit_message = "the file is larger than " + std::to_string(kMaxInputBytes >> 20) + " MiB";
  if (input->data != nullptr && input->size != UINT64_MAX) {
    if (input->size > kMaxInputBytes) return report.fail(TENDON_ERR_LIMIT, limit_message);
    const auto n = static_cast<std::size_t>(input->size);
    reserve(n);
    if (n > 0) std::memcpy(bytes_.get(), input->data, n);
    size_ = n;
    bytes_[size_] = '\0';
    return TENDON_OK;
  }
  if (input->read == nullptr) return report.fail(TENDON_ERR_INTERNAL, "the host passed neither data nor read");
  if (input->size != UINT64_MAX && input->size > kMaxInputBytes) return report.fail(TENDON_ERR_LIMIT, limit_message);
  // Known size: one buffer of that size (+1 to see the end); unknown: grow by doubling.
  std::size_t want = input->size != UINT64_MAX ? static_cast<std::size_t>(input->size) + 1 : std::size_t{64} << 10;
  reserve(want);
  while (true) {
    if (size_ == capacity_) {
      if (capacity_ > kMaxInputBytes) return report.fail(TENDON_ERR_LIMIT, limit_message);
      const std::size_t grown = capacity_ * 2;
      reserve(grown > kMaxInputBytes + 1 ? static_cast<std::size_t>(kMaxInputBytes) + 1 : grown);
    }
    const std::int64_t got =
        input->read(input->context, reinterpret_cast<std::uint8_t*>(bytes_.get() + size_), capacity_ - size_);
    if (got < 0) return report.fail(TENDON_ERR_IO, "reading the input failed");
    if (got == 0) break;
    if (static_cast<std::uint64_t>(got) > capacity_ - size_) {
      return report.fail(TENDON_ERR_IO, "the input's read callback returned more bytes than asked for");
    }
    size_ += static_cast<std::size_t>(got);
    if (size_ > kMaxInputBytes) return report.fail(TENDON_ERR_LIMIT, limit_message);
  }
  bytes_[size_] = '\0';
  return TENDON_OK;
}

bool usable_sink(const tendon_sink* sink) {
  return sink != nullptr && struct_has(sink->struct_size, offsetof(tendon_sink, emit) + sizeof sink->emit) &&
         sink->emit != nullptr;
}

bool emit(const tendon_sink* sink, const tendon_activity& activity) {
  return sink->emit(sink->context, &activity) == 0;
}

tendon_activity empty_activity() {
  tendon_activity a;
  std::memset(&a, 0, sizeof a);
  a.struct_size = sizeof(tendon_activity);
  a.distance_m = kUnknown;
  a.elapsed_s = kUnknown;
  a.timer_s = kUnknown;
  a.ascent_m = kUnknown;
  a.avg_heart_rate_bpm = kUnknown;
  a.sample_stride = sizeof(tendon_sample);
  return a;
}

}  // namespace tendon::xml
