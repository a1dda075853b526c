#include "views/shoe_json.h"

#include "views/json_writing.h"

namespace tendon::cli {
namespace {

using namespace json_writing;

template <typename Writer>
void shoe(Writer& w, const ShoeFacts& facts) {
  const Shoe& s = facts.shoe;
  w.StartObject();
  str(w, "name", s.name);
  optional_str(w, "brand", s.brand);
  optional_str(w, "model", s.model);
  optional_num(w, "drop_mm", s.drop_mm);
  str(w, "drop_source", facts.drop_source);
  optional_num(w, "limit_km", facts.limit_km);
  num(w, "distance_km", facts.distance_km);
  boolean(w, "retired", s.retired);
  optional_time(w, "first_used", facts.first_used);
  optional_time(w, "last_used", facts.last_used);
  w.EndObject();
}

}  // namespace

std::string shoe_json(const ShoeFacts& facts, JsonStyle style) {
  return render(style, [&](auto& w) { shoe(w, facts); });
}

std::string shoe_list_json(const std::string& athlete, const std::vector<ShoeFacts>& shoes, JsonStyle style) {
  return render(style, [&](auto& w) {
    w.StartObject();
    str(w, "athlete", athlete);
    w.Key("shoes");
    w.StartArray();
    for (const auto& facts : shoes) shoe(w, facts);
    w.EndArray();
    w.EndObject();
  });
}

}  // namespace tendon::cli
