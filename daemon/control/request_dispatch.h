#pragma once
// One request line → checks (JSON, JSON-RPC shape, method, tier) → its handler → the
// answer queued on the session. Notifications (no "id") are run but never answered.
// The handler gets a copy of the session's Caller carrying this request's descriptors;
// those it did not take are closed when the dispatch ends (an asynchronous handler that
// needs them later takes them, or keeps the shared_ptr, during its call).
#include <boost/asio/io_context.hpp>
#include <memory>
#include <string_view>

#include "control/method_table.h"
#include "control/session.h"

namespace tendon::control {

// `fds`: the descriptors passed with the line; null when none came.
void dispatch_request(const MethodTable& methods, boost::asio::io_context& io, Session& session,
                      std::string_view line, std::shared_ptr<PassedFds> fds = nullptr);

}  // namespace tendon::control
