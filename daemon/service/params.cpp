#include "service/params.h"

#include <limits>
#include <sstream>

#include "control/rpc_error.h"

namespace tendon::service {
namespace {

using control::invalid_params;

// The param's value, or nullptr when absent or null.
const rapidjson::Value* find(const rapidjson::Value& params, const char* name) {
  const auto it = params.FindMember(name);
  if (it == params.MemberEnd() || it->value.IsNull()) return nullptr;
  return &it->value;
}

}  // namespace

std::string number_text(double value) {
  std::ostringstream out;
  out << value;  // shortest of %g: 300, 12.5
  return out.str();
}

const rapidjson::Value& params_object(const rapidjson::Value& params) {
  if (!params.IsObject()) throw invalid_params("params must be an object");
  return params;
}

bool has_param(const rapidjson::Value& params, const char* name) { return find(params, name) != nullptr; }

std::optional<std::string> optional_string(const rapidjson::Value& params, const char* name) {
  const auto* value = find(params, name);
  if (value == nullptr) return std::nullopt;
  if (!value->IsString()) throw invalid_params(std::string(name) + " must be a string");
  return std::string(value->GetString(), value->GetStringLength());
}

std::string required_string(const rapidjson::Value& params, const char* name) {
  auto text = optional_string(params, name);
  if (!text || text->empty()) throw invalid_params(std::string(name) + " is required (a non-empty string)");
  return std::move(*text);
}

bool optional_bool(const rapidjson::Value& params, const char* name, bool fallback) {
  const auto* value = find(params, name);
  if (value == nullptr) return fallback;
  if (!value->IsBool()) throw invalid_params(std::string(name) + " must be true or false");
  return value->GetBool();
}

std::optional<std::int64_t> optional_integer(const rapidjson::Value& params, const char* name, std::int64_t min,
                                             std::int64_t max) {
  const auto* value = find(params, name);
  if (value == nullptr) return std::nullopt;
  if (!value->IsInt64() || value->GetInt64() < min || value->GetInt64() > max) {
    throw invalid_params(std::string(name) + " must be an integer from " + std::to_string(min) + " to " +
                         std::to_string(max));
  }
  return value->GetInt64();
}

std::int64_t required_integer(const rapidjson::Value& params, const char* name, std::int64_t min, std::int64_t max) {
  const auto n = optional_integer(params, name, min, max);
  if (!n) throw invalid_params(std::string(name) + " is required (an integer)");
  return *n;
}

std::optional<double> optional_number(const rapidjson::Value& params, const char* name, double min, double max,
                                      bool min_exclusive) {
  const auto* value = find(params, name);
  if (value == nullptr) return std::nullopt;
  const bool above_min = value->IsNumber() && (min_exclusive ? value->GetDouble() > min : value->GetDouble() >= min);
  if (!above_min || value->GetDouble() > max) {
    throw invalid_params(std::string(name) + " must be a number " + (min_exclusive ? "above " : "from ") +
                         number_text(min) + (min_exclusive ? " and at most " : " to ") + number_text(max));
  }
  return value->GetDouble();
}

std::optional<Instant> optional_time(const rapidjson::Value& params, const char* name) {
  const auto text = optional_string(params, name);
  if (!text) return std::nullopt;
  const auto parsed = parse_iso8601(*text);
  if (!parsed) {
    throw invalid_params(std::string(name) +
                         " must be an RFC 3339 time with its zone such as 2026-03-01T07:00:00Z, not '" + *text + "'");
  }
  return parsed->utc;
}

std::optional<Severity> optional_severity(const rapidjson::Value& params, const char* name) {
  const auto text = optional_string(params, name);
  if (!text) return std::nullopt;
  const auto severity = parse_severity(*text);
  if (!severity) throw invalid_params(std::string(name) + " must be info, warning or critical, not '" + *text + "'");
  return severity;
}

std::int64_t required_id(const rapidjson::Value& params, const char* name) {
  return required_integer(params, name, 1, std::numeric_limits<std::int64_t>::max());
}

}  // namespace tendon::service
