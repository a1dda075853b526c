#pragma once
// What tendonctl prints for people (without --json), rendered from the methods' JSON
// results (docs/protocol.md, "Methods"): the same text online and --offline.
#include <string>
#include <vector>

#include <rapidjson/document.h>

namespace tendon::cli {

// "[warning] spike/small: message" of an alert (or of an Alert.* event's params).
std::string alert_line(const rapidjson::Value& alert);
// Alert.List's array.
std::string alerts_text(const rapidjson::Value& alerts);
// Status.Get's object.
std::string status_text(const rapidjson::Value& status);
// Run.List's array.
std::string runs_text(const rapidjson::Value& runs);
// Plan.Check's object: the answer and why.
std::string plan_text(const rapidjson::Value& plan);
// Checkin.Add's object.
std::string checkin_text(const rapidjson::Value& result);
// One Activity.Import report for `file` (the path as the user gave it), with the alerts
// that file raised and withdrew.
std::string import_text(const rapidjson::Value& report, const std::string& file,
                        const std::vector<const rapidjson::Value*>& raised,
                        const std::vector<const rapidjson::Value*>& withdrawn);

}  // namespace tendon::cli
