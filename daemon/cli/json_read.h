#pragma once
// Reading the members of a method's result for the text views. The service writes these
// shapes itself, so a missing member is a version mismatch between tendonctl and tendond:
// a clear error naming the member, never a crash.
#include <cstdint>
#include <optional>
#include <string>

#include <rapidjson/document.h>

namespace tendon::cli::json_read {

const rapidjson::Value& member(const rapidjson::Value& object, const char* name);
// The member, or nullptr when it is absent or null.
const rapidjson::Value* optional_member(const rapidjson::Value& object, const char* name);

std::string text(const rapidjson::Value& object, const char* name);
std::optional<std::string> optional_text(const rapidjson::Value& object, const char* name);
double number(const rapidjson::Value& object, const char* name);
std::optional<double> optional_number(const rapidjson::Value& object, const char* name);
std::int64_t integer(const rapidjson::Value& object, const char* name);
bool flag(const rapidjson::Value& object, const char* name);
const rapidjson::Value& array(const rapidjson::Value& value, const char* what);

// Pretty JSON text ending in a newline: what --json prints.
std::string pretty(const rapidjson::Value& value);
// One line without a newline: what watch --json prints per event.
std::string compact(const rapidjson::Value& value);

}  // namespace tendon::cli::json_read
