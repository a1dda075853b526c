#include "json_read.h"

#include <stdexcept>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace tendon::cli::json_read {

namespace {

[[noreturn]] void mismatch(const char* name, const char* expected) {
  throw std::runtime_error(std::string("the answer's \"") + name + "\" is missing or not " + expected +
                           " (are tendonctl and tendond the same version?)");
}

}  // namespace

const rapidjson::Value& member(const rapidjson::Value& object, const char* name) {
  if (!object.IsObject()) mismatch(name, "in an object");
  const auto found = object.FindMember(name);
  if (found == object.MemberEnd()) mismatch(name, "there");
  return found->value;
}

const rapidjson::Value* optional_member(const rapidjson::Value& object, const char* name) {
  if (!object.IsObject()) return nullptr;
  const auto found = object.FindMember(name);
  if (found == object.MemberEnd() || found->value.IsNull()) return nullptr;
  return &found->value;
}

std::string text(const rapidjson::Value& object, const char* name) {
  const auto& v = member(object, name);
  if (!v.IsString()) mismatch(name, "a string");
  return {v.GetString(), v.GetStringLength()};
}

std::optional<std::string> optional_text(const rapidjson::Value& object, const char* name) {
  const auto* v = optional_member(object, name);
  if (v == nullptr) return std::nullopt;
  if (!v->IsString()) mismatch(name, "a string");
  return std::string(v->GetString(), v->GetStringLength());
}

double number(const rapidjson::Value& object, const char* name) {
  const auto& v = member(object, name);
  if (!v.IsNumber()) mismatch(name, "a number");
  return v.GetDouble();
}

std::optional<double> optional_number(const rapidjson::Value& object, const char* name) {
  const auto* v = optional_member(object, name);
  if (v == nullptr) return std::nullopt;
  if (!v->IsNumber()) mismatch(name, "a number");
  return v->GetDouble();
}

std::int64_t integer(const rapidjson::Value& object, const char* name) {
  const auto& v = member(object, name);
  if (!v.IsInt64()) mismatch(name, "an integer");
  return v.GetInt64();
}

bool flag(const rapidjson::Value& object, const char* name) {
  const auto& v = member(object, name);
  if (!v.IsBool()) mismatch(name, "true or false");
  return v.GetBool();
}

const rapidjson::Value& array(const rapidjson::Value& value, const char* what) {
  if (!value.IsArray()) mismatch(what, "an array");
  return value;
}

std::string pretty(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

std::string compact(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace tendon::cli::json_read
