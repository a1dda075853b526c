#include "control/json_text.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace tendon::control {

JsonText::JsonText(const rapidjson::Value& value) : text_(to_json(value)) {}

JsonText JsonText::raw(std::string text) {
  JsonText json;
  json.text_ = std::move(text);
  return json;
}

std::string to_json(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return {buffer.GetString(), buffer.GetSize()};
}

std::string json_string(std::string_view text) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
  return {buffer.GetString(), buffer.GetSize()};
}

std::string result_line(const std::string& id_json, const JsonText& result) {
  return R"({"jsonrpc":"2.0","id":)" + id_json + R"(,"result":)" + result.text() + "}";
}

std::string error_line(const std::string& id_json, int code, std::string_view message,
                       const std::string* data_json) {
  std::string line = R"({"jsonrpc":"2.0","id":)" + id_json + R"(,"error":{"code":)" + std::to_string(code) +
                     R"(,"message":)" + json_string(message);
  if (data_json != nullptr) line += R"(,"data":)" + *data_json;
  return line + "}}";
}

std::string error_line(const std::string& id_json, const RpcError& error) {
  const auto& data = error.data_json();
  return error_line(id_json, error.code(), error.what(), data ? &*data : nullptr);
}

std::string notification_line(std::string_view method, const JsonText& params) {
  return R"({"jsonrpc":"2.0","method":)" + json_string(method) + R"(,"params":)" + params.text() + "}";
}

}  // namespace tendon::control
