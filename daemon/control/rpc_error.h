#pragma once
// The typed error a method handler throws to answer with a JSON-RPC error object. Anything
// else a handler throws becomes -32603 (internal error).
#include <optional>
#include <stdexcept>
#include <string>

#include <tendon/protocol.h>

namespace tendon::control {

class RpcError : public std::runtime_error {
 public:
  // `data_json`, when given, must be JSON text; it becomes the error's "data" member.
  RpcError(int code, const std::string& message, std::optional<std::string> data_json = std::nullopt)
      : std::runtime_error(message), code_(code), data_json_(std::move(data_json)) {}

  int code() const { return code_; }
  const std::optional<std::string>& data_json() const { return data_json_; }

 private:
  int code_;
  std::optional<std::string> data_json_;
};

// Shorthands for the errors handlers raise most.
inline RpcError invalid_params(const std::string& message) { return {TENDON_RPC_INVALID_PARAMS, message}; }
inline RpcError not_found(const std::string& message) { return {TENDON_RPC_NOT_FOUND, message}; }
inline RpcError busy(const std::string& message) { return {TENDON_RPC_BUSY, message}; }

}  // namespace tendon::control
