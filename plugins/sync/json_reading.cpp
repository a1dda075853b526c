#include "json_reading.h"

#include <cmath>
#include <rapidjson/error/en.h>

namespace tendon::sync {

namespace {

const rapidjson::Value* member(const rapidjson::Value& object, const char* name) {
  if (!object.IsObject()) return nullptr;
  const auto it = object.FindMember(name);
  return it == object.MemberEnd() ? nullptr : &it->value;
}

// Deeper than any answer of the services: refused before parsing, because RapidJSON's
// values free themselves recursively and a hostile answer could nest millions deep.
constexpr int kMaxDepth = 64;

bool nested_too_deeply(const std::string& body) {
  int depth = 0;
  bool in_string = false, escaped = false;
  for (const char c : body) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxDepth) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

}  // namespace

std::optional<double> number_field(const rapidjson::Value& object, const char* name) {
  const rapidjson::Value* v = member(object, name);
  if (v == nullptr || !v->IsNumber()) return std::nullopt;
  const double d = v->GetDouble();
  if (!std::isfinite(d)) return std::nullopt;
  return d;
}

std::optional<std::string> string_field(const rapidjson::Value& object, const char* name) {
  const rapidjson::Value* v = member(object, name);
  if (v == nullptr || !v->IsString()) return std::nullopt;
  return std::string(v->GetString(), v->GetStringLength());
}

std::optional<std::string> id_field(const rapidjson::Value& object, const char* name) {
  const rapidjson::Value* v = member(object, name);
  if (v == nullptr) return std::nullopt;
  if (v->IsString() && v->GetStringLength() > 0) return std::string(v->GetString(), v->GetStringLength());
  if (v->IsUint64()) return std::to_string(v->GetUint64());
  if (v->IsInt64()) return std::to_string(v->GetInt64());
  return std::nullopt;
}

std::optional<bool> bool_field(const rapidjson::Value& object, const char* name) {
  const rapidjson::Value* v = member(object, name);
  if (v == nullptr || !v->IsBool()) return std::nullopt;
  return v->GetBool();
}

bool parse_json(const std::string& body, rapidjson::Document& document, std::string& error) {
  if (nested_too_deeply(body)) {
    error = "JSON nested more than " + std::to_string(kMaxDepth) + " levels deep";
    return false;
  }
  document.Parse<rapidjson::kParseIterativeFlag>(body.data(), body.size());
  if (!document.HasParseError()) return true;
  error = std::string("malformed JSON at offset ") + std::to_string(document.GetErrorOffset()) + ": " +
          rapidjson::GetParseError_En(document.GetParseError());
  return false;
}

}  // namespace tendon::sync
