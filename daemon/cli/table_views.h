#pragma once
// The tabular text views: a coach's squad overview and an athlete's shoes.
#include <string>

#include <rapidjson/document.h>

namespace tendon::cli {

// Squad.Get's object: one aligned row per athlete, in the order given (worst first).
std::string squad_text(const rapidjson::Value& squad);
// Shoe.List's object.
std::string shoes_text(const rapidjson::Value& list);
// One shoe (Shoe.Set's and Shoe.Retire's answer) on one line: "Trail 2: drop 6.0 mm (catalogue), 120.3 km of 800.0 km".
std::string shoe_line(const rapidjson::Value& shoe);

}  // namespace tendon::cli
