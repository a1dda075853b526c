#pragma once
// The bounds that keep one client from costing the daemon unbounded memory or time.
#include <cstddef>

#include <tendon/protocol.h>

namespace tendon::control {

struct Limits {
  std::size_t max_line_bytes = TENDON_DEFAULT_MAX_LINE_BYTES;
  std::size_t max_output_bytes = TENDON_DEFAULT_MAX_OUTPUT_BYTES;
  std::size_t max_output_messages = TENDON_DEFAULT_MAX_OUTPUT_MESSAGES;
  std::size_t max_clients = TENDON_DEFAULT_MAX_CLIENTS;
};

}  // namespace tendon::control
