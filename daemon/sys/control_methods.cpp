#include "control_methods.h"

#include <algorithm>
#include <optional>
#include <string>

#include <rapidjson/document.h>

#include "views/json_views.h"

namespace tendon {
namespace {

using control::invalid_params;
using control::JsonText;

std::optional<std::string> optional_string(const rapidjson::Value& params, const char* name) {
  const auto it = params.FindMember(name);
  if (it == params.MemberEnd() || it->value.IsNull()) return std::nullopt;
  if (!it->value.IsString()) throw invalid_params(std::string(name) + " must be a string");
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

bool optional_bool(const rapidjson::Value& params, const char* name) {
  const auto it = params.FindMember(name);
  if (it == params.MemberEnd() || it->value.IsNull()) return false;
  if (!it->value.IsBool()) throw invalid_params(std::string(name) + " must be true or false");
  return it->value.GetBool();
}

std::size_t optional_limit(const rapidjson::Value& params, std::size_t fallback) {
  const auto it = params.FindMember("limit");
  if (it == params.MemberEnd() || it->value.IsNull()) return fallback;
  if (!it->value.IsUint64()) throw invalid_params("limit must be a non-negative integer");
  return static_cast<std::size_t>(it->value.GetUint64());
}

// The stored athlete of that name, or not_found (the store also knows athletes a reload
// removed from the config: their history stays readable).
std::string known_athlete(Store& store, const std::string& name) {
  const auto athletes = store.athletes();
  if (std::find(athletes.begin(), athletes.end(), name) == athletes.end()) {
    throw control::not_found("no athlete '" + name + "'");
  }
  return name;
}

// The views print pretty JSON over several lines; a socket line must be one line, so the
// text is parsed and written again compactly.
JsonText one_line(const std::string& pretty) {
  rapidjson::Document doc;
  doc.Parse(pretty.c_str(), pretty.size());
  if (doc.HasParseError()) throw std::runtime_error("a view produced invalid JSON");
  return JsonText(doc);
}

}  // namespace

void register_control_methods(control::Server& server, Store& store, const Config& config) {
  server.register_method(
      {"Alert.List", control::Tier::read,
       "The alerts, in the shape of tendonctl alerts --json: every athlete's unless athlete is given; "
       "withdrawn ones too with all",
       R"j({"athlete":"string, optional","all":"boolean, optional (default false)"})j"},
      [&store](const rapidjson::Value& params, const control::Caller&) {
        AlertQuery query;
        if (const auto athlete = optional_string(params, "athlete")) query.athlete = known_athlete(store, *athlete);
        query.include_withdrawn = optional_bool(params, "all");
        return one_line(cli::alerts_json(store.list_alerts(query)));
      });

  server.register_method(
      {"Run.List", control::Tier::read,
       "An athlete's runs, newest first, in the shape of tendonctl runs --json",
       R"j({"athlete":"string, optional (default: the config's first athlete)","limit":"integer, optional (default 20)"})j"},
      [&store, &config](const rapidjson::Value& params, const control::Caller&) {
        std::string athlete;
        if (const auto named = optional_string(params, "athlete")) {
          athlete = known_athlete(store, *named);
        } else if (!config.athletes.empty()) {
          athlete = config.athletes.front().name;
        } else {
          throw invalid_params("athlete is required: the config names no athlete");
        }
        auto runs = store.activities(athlete);
        std::reverse(runs.begin(), runs.end());
        const std::size_t limit = optional_limit(params, 20);
        if (runs.size() > limit) runs.resize(limit);
        return one_line(cli::runs_json(runs));
      });
}

}  // namespace tendon
