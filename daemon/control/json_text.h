#pragma once
// JSON as text, and the few JSON-RPC lines the server writes. Everything the server sends
// is built here so that the framing rule (one JSON value per line, no raw newlines inside)
// holds in one place: rapidjson's Writer never emits a newline, it escapes them.
#include <string>
#include <string_view>

#include <rapidjson/document.h>

#include "control/rpc_error.h"

namespace tendon::control {

// A JSON value already serialised: what a method returns as its result.
class JsonText {
 public:
  // `null`.
  JsonText() = default;
  // Serialises `value` (a rapidjson::Document converts too).
  JsonText(const rapidjson::Value& value);  // NOLINT(google-explicit-constructor): handlers return Documents
  // Takes `text` as it is; the caller promises it is one valid JSON value without raw newlines.
  static JsonText raw(std::string text);

  const std::string& text() const { return text_; }

 private:
  std::string text_ = "null";
};

std::string to_json(const rapidjson::Value& value);
// `text` as a JSON string literal, quotes included.
std::string json_string(std::string_view text);

// {"jsonrpc":"2.0","id":ID,"result":RESULT} — `id_json` is the request's id as JSON text.
std::string result_line(const std::string& id_json, const JsonText& result);
// {"jsonrpc":"2.0","id":ID,"error":{"code":..,"message":..[,"data":..]}}
std::string error_line(const std::string& id_json, int code, std::string_view message,
                       const std::string* data_json = nullptr);
std::string error_line(const std::string& id_json, const RpcError& error);
// {"jsonrpc":"2.0","method":METHOD,"params":PARAMS} — a notification (greeting, events).
std::string notification_line(std::string_view method, const JsonText& params);

}  // namespace tendon::control
