#pragma once
// Runs an Asio loop in short slices until `condition` holds or `limit` passes: the notifier
// works on the loop, so a test waits by running it, never by sleeping.
#include <boost/asio/io_context.hpp>
#include <chrono>
#include <functional>

namespace tendon::testing {

inline bool run_until(boost::asio::io_context& io, const std::function<bool()>& condition,
                      std::chrono::milliseconds limit = std::chrono::seconds(10)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!condition()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    io.restart();
    io.run_for(std::chrono::milliseconds(20));
  }
  return true;
}

}  // namespace tendon::testing
