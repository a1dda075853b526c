#include "text_views.h"

#include <cstdio>
#include <sstream>

#include "core/figures.h"

namespace tendon::cli {

namespace {

std::string pad(std::string s, std::size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

std::string km(double metres) { return format_km(metres); }

std::string date_of(Instant t, const ZoneRules& zone) { return format_day(local_day(t, zone)); }

}  // namespace

std::string alert_line(const Alert& a) {
  return "[" + std::string(to_string(a.severity)) + "] " + to_string(a.kind) + "/" + a.category + ": " + a.message;
}

std::string alerts_text(const std::vector<StoredAlert>& alerts) {
  if (alerts.empty()) return "No alerts.\n";
  std::ostringstream out;
  for (const auto& s : alerts) {
    out << pad(std::to_string(s.id), 6) << format_iso8601_utc(s.alert.at).substr(0, 10) << "  "
        << pad(s.activity_source_id, 14) << alert_line(s.alert);
    if (s.state != AlertState::active) out << "  (" << to_string(s.state) << ")";
    out << "\n      " << s.alert.advice << "  [evidence: " << s.alert.evidence << "]\n";
  }
  return out.str();
}

std::string status_text(const AthleteConfig& athlete, const ZoneRules& zone, const Status& s,
                        const std::vector<StoredAlert>& active) {
  std::ostringstream out;
  out << "Athlete " << athlete.name << " (" << athlete.timezone << "), as of "
      << format_iso8601_local(s.now, zone.utc_offset_at(s.now)) << "\n";
  if (s.last_run) out << "  Last run:                 " << km(static_cast<double>(s.last_run->distance_m)) << " on " << s.last_run->date << "\n";
  if (s.longest_30d) {
    out << "  Longest run, last 30 days: " << km(static_cast<double>(s.longest_30d->distance_m)) << " on "
        << s.longest_30d->date << "\n";
    out << "  Safe ceiling today:        " << format_km_floor(static_cast<double>(*s.safe_ceiling_m)) << "\n";
    out << "  On " << date_of(*s.baseline_leaves_at, zone) << " that run leaves the window; ";
    if (s.next_ceiling_m) {
      out << "the ceiling becomes " << format_km_floor(static_cast<double>(*s.next_ceiling_m)) << " (longest then "
          << km(static_cast<double>(*s.next_baseline_m)) << ").\n";
    } else {
      out << "no run will be left in it.\n";
    }
  } else {
    out << "  No run in the last 30 days: no spike baseline.\n";
  }
  if (s.returning) {
    out << "  Returning after " << s.returning->days_since_last_run << " days (" << s.returning->tier
        << " break): keep the first week under " << km(s.returning->first_week_cap_m) << ".\n";
  }
  out << "  This week (from " << s.week_start << "): " << km(static_cast<double>(s.week_m))
      << "   last week: " << km(static_cast<double>(s.previous_week_m)) << "\n";
  out << "  ACWR: ";
  if (s.acwr.ratio) out << format_fixed(*s.acwr.ratio, 2);
  else out << "n/a";
  out << " (7 days " << km(static_cast<double>(s.acwr.acute_m)) << ", 28-day weekly mean " << km(s.acwr.chronic_weekly_m)
      << ")\n";
  out << "  Habitual drop: " << (s.habitual_drop_mm ? format_mm(*s.habitual_drop_mm) : std::string("unknown")) << "\n";
  if (!s.shoes.empty()) out << "  Shoes:\n";
  for (const auto& shoe : s.shoes) {
    out << "    " << pad(shoe.name, 28) << pad(shoe.drop_mm ? format_mm(*shoe.drop_mm) : "drop ?", 9)
        << pad(km(shoe.distance_m), 10) << "(worn at " << shoe.worn_km << " km, replace at " << shoe.replace_km
        << " km)" << (shoe.retired ? " retired" : "") << "\n";
  }
  int counts[3] = {0, 0, 0};
  for (const auto& a : active) ++counts[static_cast<int>(a.alert.severity)];
  out << "  Active alerts: " << counts[2] << " critical, " << counts[1] << " warning, " << counts[0] << " info\n";
  return out.str();
}

std::string runs_text(const std::vector<Activity>& runs) {
  if (runs.empty()) return "No activities.\n";
  std::ostringstream out;
  for (const auto& a : runs) {
    out << format_iso8601_utc(a.start).substr(0, 16) << "  " << pad(a.sport, 16) << pad(km(a.distance_m), 10);
    if (a.elapsed_s) {
      char buf[48];
      const auto secs = static_cast<long>(*a.elapsed_s);
      std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", secs / 3600, secs / 60 % 60, secs % 60);
      out << pad(buf, 10);
    } else {
      out << pad("", 10);
    }
    out << pad(a.shoe.value_or("-"), 22) << a.source_id << "\n";
  }
  return out.str();
}

std::string import_text(const ImportReport& r) {
  std::ostringstream out;
  if (r.failed()) {
    out << r.file.string() << ": failed, nothing stored\n";
    return out.str();
  }
  if (r.skipped_file()) {
    out << r.file.string() << ": skipped: " << r.skipped << "\n";
    return out.str();
  }
  out << r.file.string() << ": " << r.total(&AthleteImport::imported) << " imported, "
      << r.total(&AthleteImport::duplicates) + r.total(&AthleteImport::replaced) << " duplicates, "
      << r.total(&AthleteImport::already_imported) << " already imported, " << r.problems.size()
      << (r.problems.size() == 1 ? " warning\n" : " warnings\n");
  for (const auto& a : r.athletes) {
    for (const auto& alert : a.alerts.raised) out << "  " << alert_line(alert) << "\n";
    for (const auto& alert : a.alerts.withdrawn) out << "  withdrawn: " << alert_line(alert) << "\n";
  }
  return out.str();
}

}  // namespace tendon::cli
