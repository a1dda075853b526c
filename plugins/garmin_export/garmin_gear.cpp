#include "garmin_gear.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <cmath>
#include <set>

namespace tendon::garmin {

namespace {

constexpr std::size_t kMaxGear = 10'000;  // the host keeps no more shoes per import

std::string folded(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string text_of(const rapidjson::Value& object, const char* key) {
  const auto it = object.FindMember(key);
  if (it == object.MemberEnd() || !it->value.IsString()) return "";
  std::string text(it->value.GetString(), it->value.GetStringLength());
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// An id as Garmin writes it: an integer, a float ("12345.0") or a string of digits.
std::string id_text(const rapidjson::Value& value) {
  if (value.IsString()) return std::string(value.GetString(), value.GetStringLength());
  if (value.IsInt64()) return std::to_string(value.GetInt64());
  if (value.IsUint64()) return std::to_string(value.GetUint64());
  if (value.IsDouble() && std::isfinite(value.GetDouble()) && std::fabs(value.GetDouble()) < 9.0e15) {
    return std::to_string(std::llround(value.GetDouble()));
  }
  return "";
}

// Garmin's placeholders for a maker or model the user never chose.
bool names_something(const std::string& text) {
  const std::string f = folded(text);
  return !f.empty() && f != "other" && f != "unknown" && f.rfind("unknown ", 0) != 0;
}

const rapidjson::Value* member(const rapidjson::Value& object, const char* key) {
  if (!object.IsObject()) return nullptr;
  const auto it = object.FindMember(key);
  return it == object.MemberEnd() ? nullptr : &it->value;
}

}  // namespace

void GearBook::add(std::string_view json, std::vector<std::string>& problems) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());
  if (doc.HasParseError()) {
    problems.push_back(std::string("JSON error at byte ") + std::to_string(doc.GetErrorOffset()) + ": " +
                       rapidjson::GetParseError_En(doc.GetParseError()) + "; no gear read");
    return;
  }
  // Real files wrap the object in a one-element array; tolerate the bare object.
  const rapidjson::Value* root = &doc;
  if (doc.IsArray() && !doc.Empty()) root = &doc[0];
  const rapidjson::Value* list = member(*root, "gearDTOS");
  if (list == nullptr || !list->IsArray()) {
    problems.push_back("no gearDTOS list; no gear read");
    return;
  }
  std::set<std::string> names;
  for (const auto& g : gear_) names.insert(folded(g.name));
  for (const auto& item : list->GetArray()) {
    if (!item.IsObject()) continue;
    const auto pk_member = item.FindMember("gearPk");
    const std::string pk = pk_member == item.MemberEnd() ? "" : id_text(pk_member->value);
    if (pk.empty()) {
      problems.push_back("a gear item without gearPk skipped");
      continue;
    }
    if (by_pk_.count(pk) != 0) continue;  // listed twice
    if (gear_.size() >= kMaxGear) {
      problems.push_back("more than " + std::to_string(kMaxGear) + " gear items; the rest is not read");
      break;
    }
    GarminGear g;
    g.pk = pk;
    const std::string make_model = text_of(item, "customMakeModel"), display = text_of(item, "displayName");
    g.name = !make_model.empty() ? make_model : !display.empty() ? display : "Garmin gear " + pk;
    // Two pairs of the same model: the user's own name tells them apart.
    if (names.count(folded(g.name)) != 0) g.name += " (" + (display.empty() || display == g.name ? pk : display) + ")";
    names.insert(folded(g.name));
    if (const std::string make = text_of(item, "gearMakeName"); names_something(make)) g.brand = make;
    if (const std::string model = text_of(item, "gearModelName"); names_something(model)) g.model = model;
    const std::string status = folded(text_of(item, "gearStatusName"));
    g.retired = status == "retired" ? 1 : status == "active" ? 0 : -1;
    const std::string type = folded(text_of(item, "gearTypeName"));
    g.shoe = type.empty() || type.find("shoe") != std::string::npos;
    by_pk_.emplace(pk, gear_.size());
    gear_.push_back(std::move(g));
  }
  const rapidjson::Value* links = member(*root, "gearActivityDTOs");
  if (links == nullptr) return;
  if (!links->IsObject()) {
    problems.push_back("gearActivityDTOs is not an object keyed by gearPk; no activity has its gear");
    return;
  }
  for (const auto& entry : links->GetObject()) {
    const auto gear = by_pk_.find(std::string(entry.name.GetString(), entry.name.GetStringLength()));
    if (gear == by_pk_.end() || !entry.value.IsArray()) continue;
    for (const auto& activity : entry.value.GetArray()) {
      const rapidjson::Value* id = activity.IsObject() ? member(activity, "activityId") : &activity;
      const std::string text = id == nullptr ? "" : id_text(*id);
      if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) continue;
      links_.emplace(std::stoll(text), gear->second);
    }
  }
}

const GarminGear* GearBook::shoe_of(std::int64_t activity_id) const {
  const auto [first, last] = links_.equal_range(activity_id);
  for (auto it = first; it != last; ++it) {
    if (gear_[it->second].shoe) return &gear_[it->second];
  }
  return nullptr;
}

}  // namespace tendon::garmin
