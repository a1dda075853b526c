#include "text_views.h"

#include <cstdio>
#include <sstream>

#include "core/figures.h"
#include "json_read.h"
#include "text_format.h"

namespace tendon::cli {

using namespace json_read;

std::string alert_line(const rapidjson::Value& a) {
  return "[" + text(a, "severity") + "] " + text(a, "kind") + "/" + text(a, "category") + ": " + text(a, "message");
}

std::string alerts_text(const rapidjson::Value& alerts) {
  if (array(alerts, "alerts").Empty()) return "No alerts.\n";
  std::ostringstream out;
  for (const auto& a : alerts.GetArray()) {
    out << pad(std::to_string(integer(a, "id")), 6) << text(a, "at").substr(0, 10) << "  "
        << pad(text(a, "activity_id"), 14) << alert_line(a);
    const std::string state = text(a, "state");
    if (state != "active") out << "  (" << state << ")";
    out << "\n      " << text(a, "advice") << "  [evidence: " << text(a, "evidence") << "]\n";
  }
  return out.str();
}

namespace {

// "10.0 km on 2026-03-01" of a run reference {activity_id, start, date, distance_m}.
std::string run_ref_text(const rapidjson::Value& run) {
  return km(number(run, "distance_m")) + " on " + text(run, "date");
}

void ceiling_lines(std::ostringstream& out, const rapidjson::Value& s, const rapidjson::Value& longest,
                   const ZoneRules& zone) {
  out << "  Longest run, last 30 days: " << run_ref_text(longest) << "\n";
  if (const auto ceiling = optional_number(s, "safe_ceiling_m")) {
    out << "  Safe ceiling today:        " << format_km_floor(*ceiling) << "\n";
  }
  if (const auto leaves = optional_text(s, "baseline_leaves_at")) {
    out << "  On " << local_date(instant_of(*leaves), zone) << " that run leaves the window; ";
    const auto next_ceiling = optional_number(s, "next_ceiling_m");
    const auto next_baseline = optional_number(s, "next_baseline_m");
    if (next_ceiling && next_baseline) {
      out << "the ceiling becomes " << format_km_floor(*next_ceiling) << " (longest then " << km(*next_baseline)
          << ").\n";
    } else {
      out << "no run will be left in it.\n";
    }
  }
}

void shoe_lines(std::ostringstream& out, const rapidjson::Value& shoes) {
  if (!array(shoes, "shoes").Empty()) out << "  Shoes:\n";
  for (const auto& shoe : shoes.GetArray()) {
    const auto drop = optional_number(shoe, "drop_mm");
    out << "    " << pad(text(shoe, "name"), 28) << pad(drop ? format_mm(*drop) : "drop ?", 9)
        << pad(km(number(shoe, "distance_m")), 10) << "(worn at " << number(shoe, "worn_km") << " km, replace at "
        << number(shoe, "replace_km") << " km)" << (flag(shoe, "retired") ? " retired" : "") << "\n";
  }
}

}  // namespace

std::string status_text(const rapidjson::Value& s) {
  const std::string timezone = text(s, "timezone");
  const auto zone = zone_named(timezone);
  const Instant now = instant_of(text(s, "now"));
  std::ostringstream out;
  out << "Athlete " << text(s, "athlete") << " (" << timezone << "), as of "
      << format_iso8601_local(now, zone->utc_offset_at(now)) << "\n";
  if (const auto* last = optional_member(s, "last_run")) out << "  Last run:                 " << run_ref_text(*last) << "\n";
  if (const auto* longest = optional_member(s, "longest_30d")) {
    ceiling_lines(out, s, *longest, *zone);
  } else {
    out << "  No run in the last 30 days: no spike baseline.\n";
  }
  if (const auto* back = optional_member(s, "returning")) {
    out << "  Returning after " << integer(*back, "days_since_last_run") << " days (" << text(*back, "tier")
        << " break): keep the first week under " << km(number(*back, "first_week_cap_m")) << ".\n";
  }
  out << "  This week (from " << text(s, "week_start") << "): " << km(number(s, "week_m"))
      << "   last week: " << km(number(s, "previous_week_m")) << "\n";
  const auto& acwr = member(s, "acwr");
  const auto ratio = optional_number(acwr, "ratio");
  out << "  ACWR: " << (ratio ? format_fixed(*ratio, 2) : std::string("n/a")) << " (7 days "
      << km(number(acwr, "acute_m")) << ", 28-day weekly mean " << km(number(acwr, "chronic_weekly_m")) << ")\n";
  const auto drop = optional_number(s, "habitual_drop_mm");
  out << "  Habitual drop: " << (drop ? format_mm(*drop) : std::string("unknown")) << "\n";
  shoe_lines(out, member(s, "shoes"));
  const auto& active = member(s, "active_alerts");
  out << "  Active alerts: " << integer(active, "critical") << " critical, " << integer(active, "warning")
      << " warning, " << integer(active, "info") << " info\n";
  return out.str();
}

namespace {

// "1:23:45" of seconds.
std::string duration_text(double seconds) {
  const auto secs = static_cast<long>(seconds);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", secs / 3600, secs / 60 % 60, secs % 60);
  return buf;
}

}  // namespace

std::string runs_text(const rapidjson::Value& runs) {
  if (array(runs, "runs").Empty()) return "No activities.\n";
  std::ostringstream out;
  for (const auto& a : runs.GetArray()) {
    const auto elapsed = optional_number(a, "elapsed_s");
    out << text(a, "start").substr(0, 16) << "  " << pad(text(a, "sport"), 16) << pad(km(number(a, "distance_m")), 10)
        << pad(elapsed ? duration_text(*elapsed) : "", 10) << pad(optional_text(a, "shoe").value_or("-"), 22)
        << text(a, "activity_id") << "\n";
  }
  return out.str();
}

std::string plan_text(const rapidjson::Value& plan) { return text(plan, "answer") + "\n" + text(plan, "why") + "\n"; }

std::string checkin_text(const rapidjson::Value& result) {
  std::string out = "Check-in " + std::to_string(integer(result, "id")) + " recorded.\n";
  for (const auto& a : array(member(result, "raised"), "raised").GetArray()) out += alert_line(a) + "\n";
  return out;
}

std::string import_text(const rapidjson::Value& r, const std::string& file,
                        const std::vector<const rapidjson::Value*>& raised,
                        const std::vector<const rapidjson::Value*>& withdrawn) {
  if (!flag(r, "ok")) return file + ": failed, nothing stored\n";
  if (const auto skipped = optional_text(r, "skipped")) return file + ": skipped: " + *skipped + "\n";
  const auto warnings = array(member(r, "problems"), "problems").Size();
  std::ostringstream out;
  out << file << ": " << integer(r, "imported") << " imported, " << integer(r, "duplicates") + integer(r, "replaced")
      << " duplicates, " << integer(r, "already_imported") << " already imported, " << warnings
      << (warnings == 1 ? " warning" : " warnings");
  // An export: what became of the files inside it (the reasons are among the warnings).
  if (r.HasMember("files") && r["files"].IsObject()) {
    const auto& files = r["files"];
    out << "; " << integer(files, "read") << " files read: " << integer(files, "skipped") << " skipped, "
        << integer(files, "failed") << " failed";
  }
  out << "\n";
  for (const auto* a : raised) out << "  " << alert_line(*a) << "\n";
  for (const auto* a : withdrawn) out << "  withdrawn: " << alert_line(*a) << "\n";
  return out.str();
}

}  // namespace tendon::cli
