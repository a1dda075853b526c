#include "views/squad_json.h"

#include "views/json_writing.h"

namespace tendon::cli {
namespace {

using namespace json_writing;

template <typename Writer>
void row(Writer& w, const SquadRow& r) {
  w.StartObject();
  str(w, "athlete", r.athlete);
  str(w, "timezone", r.timezone);
  w.Key("last_run");
  if (r.last_run) {
    w.StartObject();
    str(w, "start", format_iso8601_utc(r.last_run->start));
    num(w, "distance_km", r.last_run->distance_km);
    w.EndObject();
  } else {
    w.Null();
  }
  optional_num(w, "longest_30d_km", r.longest_30d_km);
  optional_num(w, "safe_ceiling_km", r.safe_ceiling_km);
  num(w, "week_km", r.week_km);
  num(w, "previous_week_km", r.previous_week_km);
  optional_num(w, "acwr", r.acwr);
  w.Key("alerts");
  w.StartObject();
  integer(w, "critical", r.critical);
  integer(w, "warning", r.warning);
  integer(w, "info", r.info);
  w.EndObject();
  w.EndObject();
}

}  // namespace

std::string squad_json(Instant now, const std::vector<SquadRow>& rows, JsonStyle style) {
  return render(style, [&](auto& w) {
    w.StartObject();
    str(w, "now", format_iso8601_utc(now));
    w.Key("athletes");
    w.StartArray();
    for (const auto& r : rows) row(w, r);
    w.EndArray();
    w.EndObject();
  });
}

}  // namespace tendon::cli
