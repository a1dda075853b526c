// Athlete.List: who the daemon watches over, and which athlete a request without
// "athlete" is about (the config's first), so clients need not guess.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "service/handler_support.h"
#include "service/method_groups.h"

namespace tendon::service {
namespace {

control::JsonText list_athletes(const ServiceContext& ctx) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  w.Key("default");
  if (ctx.config.athletes.empty()) w.Null();
  else w.String(ctx.config.athletes.front().name.c_str());
  w.Key("athletes");
  w.StartArray();
  for (const auto& athlete : ctx.config.athletes) {
    w.StartObject();
    w.Key("name");
    w.String(athlete.name.c_str());
    w.Key("timezone");
    w.String(athlete.timezone.c_str());
    w.Key("inboxes");
    w.StartArray();
    for (const auto& inbox : athlete.inboxes) w.String(inbox.string().c_str());
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return view_result(buffer.GetString());
}

}  // namespace

void register_athlete_methods(control::MethodTable& table, ServiceContext& ctx) {
  table.add({"Athlete.List", control::Tier::read,
             "The config's athletes (name, timezone, inbox folders) and the default one, which requests "
             "without an athlete are about",
             "{}"},
            with_object_params([&ctx](const rapidjson::Value&) { return list_athletes(ctx); }));
}

}  // namespace tendon::service
