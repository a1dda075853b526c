#pragma once
// The C ABI side shared by the GPX and TCX importers: reading the whole input into a
// private, writable buffer (pugixml parses in place), reporting to the sink, filling a
// tendon_activity, and the exception wall every entry point needs.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <memory>
#include <new>
#include <string>
#include <string_view>

#include "tendon/plugin.h"

namespace tendon::xml {

// Inputs larger than this are refused with TENDON_ERR_LIMIT (the host un-gzips first).
inline constexpr std::uint64_t kMaxInputBytes = std::uint64_t{512} << 20;

// Reports to a sink that may lack `report` (or be short); messages are one line.
class Reporter {
 public:
  explicit Reporter(const tendon_sink* sink) : sink_(sink) {}
  void info(std::string_view message) const { send(TENDON_LEVEL_INFO, message); }
  void warning(std::string_view message) const { send(TENDON_LEVEL_WARNING, message); }
  void error(std::string_view message) const { send(TENDON_LEVEL_ERROR, message); }
  // Warns "<count> <what>" unless count is 0: one warning for all values of a kind.
  void count_warning(std::size_t count, std::string_view what) const;
  // Reports `message` as an error and returns `status` (for `return r.fail(...)`).
  int fail(int status, std::string_view message) const {
    error(message);
    return status;
  }
  void send(tendon_level level, std::string_view message) const;

 private:
  const tendon_sink* sink_;
};

// The input's bytes in a buffer of our own. `data()` has one spare byte after `size()`.
class InputBuffer {
 public:
  char* data() { return bytes_.get(); }
  std::size_t size() const { return size_; }

  // Copies input->data or reads input->read to the end. Returns TENDON_OK, or
  // TENDON_ERR_LIMIT / TENDON_ERR_IO / TENDON_ERR_INTERNAL after reporting why.
  int load(const tendon_input* input, const Reporter& report);

 private:
  bool reserve(std::size_t capacity);
  std::unique_ptr<char[]> bytes_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

// Whether a host struct of the given size holds the member ending at `end_offset`.
inline bool struct_has(std::uint32_t struct_size, std::size_t end_offset) { return struct_size >= end_offset; }

// Checks the sink: non-NULL, large enough for `emit`, with `emit` set.
bool usable_sink(const tendon_sink* sink);

// Sends `activity` to the sink. Returns true to go on, false when the sink asked to stop.
bool emit(const tendon_sink* sink, const tendon_activity& activity);

// tendon_activity with every member unknown/absent and struct_size set.
tendon_activity empty_activity();

// Runs an import body behind the exception wall: no exception crosses the ABI. A
// failure is reported (without allocating) and gives TENDON_ERR_INTERNAL.
template <typename Body>
int guarded_import(const tendon_sink* sink, Body&& body) noexcept {
  const Reporter report(sink);
  try {
    return body();
  } catch (const std::bad_alloc&) {
    report.error("out of memory while importing");
  } catch (const std::exception& e) {
    try {
      report.error(std::string("internal error: ") + e.what());
    } catch (...) {
      report.error("internal error");
    }
  } catch (...) {
    report.error("internal error (unknown exception)");
  }
  return TENDON_ERR_INTERNAL;
}

}  // namespace tendon::xml
