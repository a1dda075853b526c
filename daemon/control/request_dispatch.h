#pragma once
// One request line → checks (JSON, JSON-RPC shape, method, tier) → its handler → the
// answer queued on the session. Notifications (no "id") are run but never answered.
#include <boost/asio/io_context.hpp>
#include <string_view>

#include "control/method_table.h"
#include "control/session.h"

namespace tendon::control {

void dispatch_request(const MethodTable& methods, boost::asio::io_context& io, Session& session,
                      std::string_view line);

}  // namespace tendon::control
