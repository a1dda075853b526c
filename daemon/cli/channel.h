#pragma once
// How tendonctl reaches the service: every verb is a method call (docs/protocol.md,
// "Methods") on a Channel, whether tendond answers on its socket or the service runs in
// process on the database (--offline). Verbs only ever see the JSON results.
#include <string>

#include <rapidjson/document.h>

namespace tendon::cli {

class Channel {
 public:
  virtual ~Channel();
  // The method's result. Throws control::RpcError for an error answer; `fd` >= 0 is passed
  // along (SCM_RIGHTS over the socket) and stays the caller's to close.
  virtual rapidjson::Document call(const std::string& method, const std::string& params_json = "{}", int fd = -1) = 0;
};

}  // namespace tendon::cli
