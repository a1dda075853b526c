// Sync.Status: each configured source's last round, next round, last error and rate
// budget, read from the store (so `tendonctl --offline sync status` answers alike).
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "service/handler_support.h"
#include "service/method_groups.h"

namespace tendon::service {

namespace {

void optional_int(rapidjson::Writer<rapidjson::StringBuffer>& w, const char* key, const std::optional<std::int64_t>& v) {
  w.Key(key);
  if (v) w.Int64(*v);
  else w.Null();
}

control::JsonText sync_status(ServiceContext& ctx) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  w.Key("sources");
  w.StartArray();
  for (const auto& source : ctx.config.sync) {
    const SyncState state = ctx.store.sync_state(source.source).value_or(SyncState{});
    w.StartObject();
    w.Key("source");
    w.String(source.source.c_str());
    w.Key("athlete");
    w.String(source.athlete.c_str());
    // Not secrets: what `tendonctl sync login strava` builds the authorization address from.
    for (const char* key : {"base_url", "client_id"}) {
      if (const auto it = source.settings.find(key); it != source.settings.end()) {
        w.Key(key);
        w.String(it->second.c_str());
      }
    }
    w.Key("interval_minutes");
    w.Int(source.interval_minutes);
    w.Key("connected_once");
    w.Bool(state.cursor.has_value());
    w.Key("cursor");
    if (state.cursor) w.String(state.cursor->c_str());
    else w.Null();
    optional_int(w, "last_run_at", state.last_run_at);
    optional_int(w, "last_success_at", state.last_success_at);
    optional_int(w, "next_run_at", state.next_run_at);
    w.Key("last_error");
    w.String(state.last_error.c_str());
    w.Key("failures");
    w.Int(state.failures);
    optional_int(w, "rate_short_window_left", state.short_window_left);
    optional_int(w, "rate_daily_left", state.daily_left);
    w.Key("imported");
    w.Int64(state.imported);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return control::JsonText::raw(buffer.GetString());
}

}  // namespace

void register_sync_status_methods(control::MethodTable& table, ServiceContext& ctx) {
  table.add({"Sync.Status", control::Tier::read,
             "Each configured sync source: last and next round (Unix seconds), last error, failures in a row, "
             "the rate budget as last seen, activities imported so far",
             "{}"},
            with_object_params([&ctx](const rapidjson::Value&) { return sync_status(ctx); }));
}

}  // namespace tendon::service
