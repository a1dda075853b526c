#pragma once
// Reading a method's params: each reader names the param and why in its -32602 error, so
// every method says the same thing about the same mistake. An absent or null param is
// "not given".
#include <rapidjson/document.h>

#include <cstdint>
#include <optional>
#include <string>

#include "core/alert.h"
#include "core/time.h"

namespace tendon::service {

// A number as a message shows it: "300", "12.5".
std::string number_text(double value);

// The params as an object; an array (JSON-RPC allows them) is -32602 here.
const rapidjson::Value& params_object(const rapidjson::Value& params);

bool has_param(const rapidjson::Value& params, const char* name);
std::optional<std::string> optional_string(const rapidjson::Value& params, const char* name);
std::string required_string(const rapidjson::Value& params, const char* name);
// Absent: `fallback`.
bool optional_bool(const rapidjson::Value& params, const char* name, bool fallback = false);
// An integer within [min, max] ("seconds must be an integer from 1 to ...").
std::optional<std::int64_t> optional_integer(const rapidjson::Value& params, const char* name, std::int64_t min,
                                             std::int64_t max);
std::int64_t required_integer(const rapidjson::Value& params, const char* name, std::int64_t min, std::int64_t max);
// A number (integer or not) with min < value <= max when `min_exclusive`, else min <= value <= max.
std::optional<double> optional_number(const rapidjson::Value& params, const char* name, double min, double max,
                                      bool min_exclusive = false);
// An RFC 3339 time with its zone ("2026-03-01T07:00:00Z").
std::optional<Instant> optional_time(const rapidjson::Value& params, const char* name);
// "info", "warning" or "critical".
std::optional<Severity> optional_severity(const rapidjson::Value& params, const char* name);
// A stored row id (alerts): a positive integer.
std::int64_t required_id(const rapidjson::Value& params, const char* name);

}  // namespace tendon::service
