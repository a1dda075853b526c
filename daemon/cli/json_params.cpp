#include "json_params.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace tendon::cli {

namespace {

rapidjson::Value string_value(const std::string& text, rapidjson::Document::AllocatorType& allocator) {
  return {text.c_str(), static_cast<rapidjson::SizeType>(text.size()), allocator};
}

}  // namespace

JsonParams::JsonParams() : doc_(rapidjson::kObjectType) {}

JsonParams& JsonParams::set(const char* name, const std::string& value) {
  auto& allocator = doc_.GetAllocator();
  doc_.AddMember(rapidjson::StringRef(name), string_value(value, allocator), allocator);
  return *this;
}

JsonParams& JsonParams::set(const char* name, std::int64_t value) {
  doc_.AddMember(rapidjson::StringRef(name), rapidjson::Value(value), doc_.GetAllocator());
  return *this;
}

JsonParams& JsonParams::set(const char* name, double value) {
  doc_.AddMember(rapidjson::StringRef(name), rapidjson::Value(value), doc_.GetAllocator());
  return *this;
}

JsonParams& JsonParams::set(const char* name, bool value) {
  doc_.AddMember(rapidjson::StringRef(name), rapidjson::Value(value), doc_.GetAllocator());
  return *this;
}

JsonParams& JsonParams::set(const char* name, const std::vector<std::string>& values) {
  auto& allocator = doc_.GetAllocator();
  rapidjson::Value array(rapidjson::kArrayType);
  for (const auto& v : values) array.PushBack(string_value(v, allocator), allocator);
  doc_.AddMember(rapidjson::StringRef(name), array, allocator);
  return *this;
}

std::string JsonParams::text() const {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  doc_.Accept(writer);
  return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace tendon::cli
