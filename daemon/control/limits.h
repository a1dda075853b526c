#pragma once
// The bounds that keep one client from costing the daemon unbounded memory or time.
#include <cstddef>

#include <tendon/protocol.h>

namespace tendon::control {

// Descriptors (SCM_RIGHTS) one request line may bring: `tendonctl import` passes one file
// per request; a few more leave room without letting a client fill the daemon's fd table.
inline constexpr std::size_t kDefaultMaxFdsPerRequest = 8;

struct Limits {
  std::size_t max_line_bytes = TENDON_DEFAULT_MAX_LINE_BYTES;
  std::size_t max_output_bytes = TENDON_DEFAULT_MAX_OUTPUT_BYTES;
  std::size_t max_output_messages = TENDON_DEFAULT_MAX_OUTPUT_MESSAGES;
  std::size_t max_clients = TENDON_DEFAULT_MAX_CLIENTS;
  std::size_t max_fds_per_request = kDefaultMaxFdsPerRequest;
};

}  // namespace tendon::control
