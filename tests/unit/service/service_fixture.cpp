#include "service_fixture.h"

#include "control/json_text.h"

namespace tendon::testing {

std::string run_line(const std::string& id, const std::string& day, int metres, const std::string& extra) {
  return "{\"id\":\"" + id + "\",\"start\":\"2026-11-" + day +
         "T07:00:00Z\",\"sport\":\"running\",\"distance_m\":" + std::to_string(metres) + extra + "}\n";
}

ServiceTest::ServiceTest() {
  dir.write("tendon.toml", "database = \"" + dir / "t.db" +
                               "\"\n[athletes.ana]\ntimezone = \"UTC\"\ninboxes = []\n"
                               "[[athletes.ana.shoes]]\nname = \"Clubhouse\"\ndrop_mm = 7.5\n"
                               "[athletes.ben]\ntimezone = \"UTC\"\ninboxes = []\n");
  service = OfflineService::open(dir.path() / "tendon.toml");
}

rapidjson::Document ServiceTest::call(const std::string& method, const std::string& params, int fd) {
  return service->call(method, params, fd);
}

int ServiceTest::error_of(const std::string& method, const std::string& params) {
  try {
    service->call(method, params);
    return 0;
  } catch (const control::RpcError& e) {
    return e.code();
  }
}

rapidjson::Document ServiceTest::import(const std::string& name, const std::string& text,
                                        const std::string& more_params) {
  dir.write(name, text);
  return call("Activity.Import", "{\"path\":" + json_path(name) + more_params + "}");
}

std::string ServiceTest::json_path(const std::string& name) const { return control::json_string(dir / name); }

std::string string_of(const rapidjson::Value& object, const char* name) {
  if (!object.IsObject() || !object.HasMember(name) || !object[name].IsString()) return {};
  return object[name].GetString();
}

}  // namespace tendon::testing
