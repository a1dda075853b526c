#include "views/json_views.h"

#include "views/json_writing.h"

namespace tendon::cli {

namespace {

using json_writing::integer;
using json_writing::num;
using json_writing::optional_num;
using json_writing::render;
using json_writing::str;

template <typename Writer>
void key(Writer& w, const char* k) {
  w.Key(k);
}

template <typename Writer>
void figure_value(Writer& w, const FigureValue& v) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) w.Int64(*i);
  else if (const auto* d = std::get_if<double>(&v)) w.Double(*d);
  else {
    const auto& s = std::get<std::string>(v);
    w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size()));
  }
}

template <typename Writer>
void alert(Writer& w, const StoredAlert& s) {
  const Alert& a = s.alert;
  w.StartObject();
  integer(w, "id", s.id);
  str(w, "athlete", s.athlete);
  str(w, "activity_id", s.activity_source_id);
  integer(w, "activity_ref", a.subject.activity_id);
  if (a.subject.checkin_id) integer(w, "checkin_id", a.subject.checkin_id);
  str(w, "kind", to_string(a.kind));
  str(w, "category", a.category);
  str(w, "severity", to_string(a.severity));
  str(w, "state", to_string(s.state));
  if (s.snoozed_until) str(w, "snoozed_until", format_iso8601_utc(*s.snoozed_until));
  str(w, "at", format_iso8601_utc(a.at));
  key(w, "figures");
  w.StartObject();
  for (const auto& f : a.figures) {
    w.Key(f.name.c_str());
    figure_value(w, f.value);
  }
  w.EndObject();
  str(w, "message", a.message);
  str(w, "advice", a.advice);
  str(w, "evidence", a.evidence);
  str(w, "raised_at", format_iso8601_utc(s.raised_at));
  w.EndObject();
}

template <typename Writer>
void run_ref(Writer& w, const char* k, const std::optional<RunRef>& r) {
  w.Key(k);
  if (!r) {
    w.Null();
    return;
  }
  w.StartObject();
  str(w, "activity_id", r->source_id);
  str(w, "start", format_iso8601_utc(r->start));
  str(w, "date", r->date);
  integer(w, "distance_m", r->distance_m);
  w.EndObject();
}

template <typename Writer>
void returning(Writer& w, const std::optional<ReturnStatus>& r) {
  w.Key("returning");
  if (!r) {
    w.Null();
    return;
  }
  w.StartObject();
  integer(w, "days_since_last_run", r->days_since_last_run);
  str(w, "tier", r->tier);
  num(w, "first_week_cap_m", r->first_week_cap_m);
  w.EndObject();
}

template <typename Writer>
void import_report(Writer& w, const ImportReport& r) {
  w.StartObject();
  str(w, "file", r.file.string());
  str(w, "format", r.format);
  key(w, "ok");
  w.Bool(!r.failed());
  if (r.failed()) str(w, "error", r.error);
  if (r.skipped_file()) str(w, "skipped", r.skipped);
  integer(w, "imported", static_cast<std::int64_t>(r.total(&AthleteImport::imported)));
  integer(w, "replaced", static_cast<std::int64_t>(r.total(&AthleteImport::replaced)));
  integer(w, "duplicates", static_cast<std::int64_t>(r.total(&AthleteImport::duplicates)));
  integer(w, "already_imported", static_cast<std::int64_t>(r.total(&AthleteImport::already_imported)));
  key(w, "problems");
  w.StartArray();
  for (const auto& p : r.problems) w.String(p.c_str());
  w.EndArray();
  std::int64_t raised = 0, withdrawn = 0;
  for (const auto& a : r.athletes) {
    raised += static_cast<std::int64_t>(a.alerts.raised.size());
    withdrawn += static_cast<std::int64_t>(a.alerts.withdrawn.size());
  }
  integer(w, "alerts_raised", raised);
  integer(w, "alerts_withdrawn", withdrawn);
  w.EndObject();
}

}  // namespace

std::string alerts_json(const std::vector<StoredAlert>& alerts, JsonStyle style) {
  return render(style, [&](auto& w) {
    w.StartArray();
    for (const auto& a : alerts) alert(w, a);
    w.EndArray();
  });
}

std::string status_json(const std::string& athlete, const std::string& timezone, const Status& s,
                        const std::vector<StoredAlert>& active_alerts, JsonStyle style) {
  return render(style, [&](auto& w) {
    w.StartObject();
    str(w, "athlete", athlete);
    str(w, "timezone", timezone);
    str(w, "now", format_iso8601_utc(s.now));
    run_ref(w, "last_run", s.last_run);
    run_ref(w, "longest_30d", s.longest_30d);
    optional_num(w, "safe_ceiling_m", s.safe_ceiling_m);
    key(w, "baseline_leaves_at");
    if (s.baseline_leaves_at) {
      const std::string t = format_iso8601_utc(*s.baseline_leaves_at);
      w.String(t.c_str());
    } else {
      w.Null();
    }
    optional_num(w, "next_baseline_m", s.next_baseline_m);
    optional_num(w, "next_ceiling_m", s.next_ceiling_m);
    str(w, "week_start", s.week_start);
    integer(w, "week_m", s.week_m);
    integer(w, "previous_week_m", s.previous_week_m);
    key(w, "acwr");
    w.StartObject();
    integer(w, "acute_m", s.acwr.acute_m);
    num(w, "chronic_weekly_m", s.acwr.chronic_weekly_m);
    optional_num(w, "ratio", s.acwr.ratio);
    w.EndObject();
    optional_num(w, "habitual_drop_mm", s.habitual_drop_mm);
    returning(w, s.returning);
    key(w, "shoes");
    w.StartArray();
    for (const auto& shoe : s.shoes) {
      w.StartObject();
      str(w, "name", shoe.name);
      optional_num(w, "drop_mm", shoe.drop_mm);
      num(w, "distance_m", shoe.distance_m);
      num(w, "worn_km", shoe.worn_km);
      num(w, "replace_km", shoe.replace_km);
      key(w, "retired");
      w.Bool(shoe.retired);
      w.EndObject();
    }
    w.EndArray();
    key(w, "active_alerts");
    w.StartObject();
    for (const auto sev : {Severity::info, Severity::warning, Severity::critical}) {
      std::int64_t n = 0;
      for (const auto& a : active_alerts) n += a.alert.severity == sev ? 1 : 0;
      integer(w, to_string(sev), n);
    }
    w.EndObject();
    w.EndObject();
  });
}

std::string plan_json(const std::string& athlete, const PlanCheck& p, JsonStyle style) {
  return render(style, [&](auto& w) {
    w.StartObject();
    str(w, "athlete", athlete);
    integer(w, "distance_m", p.distance_m);
    key(w, "spike");
    w.Bool(p.spike);
    str(w, "category", p.category);
    optional_num(w, "ratio", p.ratio);
    run_ref(w, "baseline", p.baseline);
    optional_num(w, "safe_ceiling_m", p.safe_ceiling_m);
    returning(w, p.returning);
    key(w, "over_return_cap");
    w.Bool(p.over_return_cap);
    str(w, "answer", p.answer);
    str(w, "why", p.why);
    w.EndObject();
  });
}

std::string runs_json(const std::vector<Activity>& runs, JsonStyle style) {
  return render(style, [&](auto& w) {
    w.StartArray();
    for (const auto& a : runs) {
      w.StartObject();
      str(w, "activity_id", a.source_id);
      integer(w, "ref", a.id);
      str(w, "athlete", a.athlete);
      str(w, "start", format_iso8601_utc(a.start));
      str(w, "sport", a.sport);
      num(w, "distance_m", a.distance_m);
      optional_num(w, "elapsed_s", a.elapsed_s);
      optional_num(w, "moving_s", a.moving_s);
      optional_num(w, "ascent_m", a.ascent_m);
      optional_num(w, "avg_hr", a.avg_hr);
      key(w, "shoe");
      if (a.shoe) w.String(a.shoe->c_str());
      else w.Null();
      str(w, "source", to_string(a.source_kind));
      str(w, "source_name", a.source_name);
      w.EndObject();
    }
    w.EndArray();
  });
}

std::string import_json(const std::vector<ImportReport>& reports, JsonStyle style) {
  return render(style, [&](auto& w) {
    w.StartArray();
    for (const auto& r : reports) import_report(w, r);
    w.EndArray();
  });
}

std::string import_report_json(const ImportReport& report, JsonStyle style) {
  return render(style, [&](auto& w) { import_report(w, report); });
}

}  // namespace tendon::cli
