#include "control/method_table.h"

#include <stdexcept>

namespace tendon::control {

void MethodTable::add(MethodSpec spec, SyncHandler handler) { insert({std::move(spec), std::move(handler)}); }
void MethodTable::add(MethodSpec spec, AsyncHandler handler) { insert({std::move(spec), std::move(handler)}); }

void MethodTable::insert(Method method) {
  if (method.spec.name.empty()) throw std::invalid_argument("a method needs a name");
  // Checked here, once, so that ListMethods can splice the text in without re-parsing.
  rapidjson::Document params;
  params.Parse(method.spec.params_json.c_str());
  if (params.HasParseError() || !params.IsObject()) {
    throw std::invalid_argument("params description of " + method.spec.name + " is not a JSON object");
  }
  method.spec.params_json = to_json(params);  // one line, whatever the caller wrote
  std::string name = method.spec.name;
  methods_.insert_or_assign(std::move(name), std::move(method));
}

const Method* MethodTable::find(const std::string& name) const {
  const auto found = methods_.find(name);
  return found == methods_.end() ? nullptr : &found->second;
}

JsonText MethodTable::describe() const {
  std::string text = R"({"methods":[)";
  bool first = true;
  for (const auto& [name, method] : methods_) {
    if (!first) text += ',';
    first = false;
    text += R"({"name":)" + json_string(name) + R"(,"tier":)" + json_string(tier_name(method.spec.tier)) +
            R"(,"description":)" + json_string(method.spec.description) + R"(,"params":)" + method.spec.params_json +
            "}";
  }
  return JsonText::raw(text + "]}");
}

}  // namespace tendon::control
