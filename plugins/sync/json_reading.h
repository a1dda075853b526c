#pragma once
// Reading the services' JSON answers (RapidJSON) without trusting them: a field of the
// wrong type reads as absent, never as a crash. Shared by the Strava and intervals.icu
// parsers.
#include <optional>
#include <string>

#include <rapidjson/document.h>

namespace tendon::sync {

std::optional<double> number_field(const rapidjson::Value& object, const char* name);
std::optional<std::string> string_field(const rapidjson::Value& object, const char* name);
// An id the service may send as a number or a string: "123" either way.
std::optional<std::string> id_field(const rapidjson::Value& object, const char* name);
std::optional<bool> bool_field(const rapidjson::Value& object, const char* name);

// Parses `body`; on failure `error` says where ("malformed JSON at offset 12: ...").
bool parse_json(const std::string& body, rapidjson::Document& document, std::string& error);

}  // namespace tendon::sync
