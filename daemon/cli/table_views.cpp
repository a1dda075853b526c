#include "table_views.h"

#include "core/figures.h"
#include "json_read.h"
#include "text_format.h"
#include "text_table.h"

namespace tendon::cli {

using namespace json_read;

namespace {

std::string km_text(std::optional<double> kilometres) { return kilometres ? km(*kilometres * 1000) : "-"; }

std::string last_run_text(const rapidjson::Value& row) {
  const auto* last = optional_member(row, "last_run");
  if (last == nullptr) return "-";
  const auto zone = zone_named(text(row, "timezone"));
  return local_date(instant_of(text(*last, "start")), *zone) + " " + km(number(*last, "distance_km") * 1000);
}

// "1 critical, 2 warning" (severities with none are left out), "-" when there are none.
std::string alert_counts_text(const rapidjson::Value& counts) {
  std::string out;
  for (const char* severity : {"critical", "warning", "info"}) {
    const auto n = integer(counts, severity);
    if (n == 0) continue;
    if (!out.empty()) out += ", ";
    out += std::to_string(n) + " " + severity;
  }
  return out.empty() ? "-" : out;
}

}  // namespace

std::string squad_text(const rapidjson::Value& squad) {
  const auto& athletes = array(member(squad, "athletes"), "athletes");
  if (athletes.Empty()) return "No athletes.\n";
  TextTable table({"ATHLETE", "LAST RUN", "30-DAY LONGEST", "SAFE CEILING", "THIS WEEK / LAST", "ACWR", "ALERTS"});
  for (const auto& row : athletes.GetArray()) {
    const auto ceiling = optional_number(row, "safe_ceiling_km");
    const auto acwr = optional_number(row, "acwr");
    table.add({text(row, "athlete"), last_run_text(row), km_text(optional_number(row, "longest_30d_km")),
               ceiling ? format_km_floor(*ceiling * 1000) : "-",
               km(number(row, "week_km") * 1000) + " / " + km(number(row, "previous_week_km") * 1000),
               acwr ? format_fixed(*acwr, 2) : "n/a", alert_counts_text(member(row, "alerts"))});
  }
  return "Squad as of " + text(squad, "now") + ", worst first\n" + table.text();
}

namespace {

std::string drop_text(const rapidjson::Value& shoe) {
  const auto drop = optional_number(shoe, "drop_mm");
  return (drop ? format_mm(*drop) : std::string("drop ?")) + " (" + text(shoe, "drop_source") + ")";
}

std::string maker_text(const rapidjson::Value& shoe) {
  const std::string words = optional_text(shoe, "brand").value_or("") + " " + optional_text(shoe, "model").value_or("");
  const auto first = words.find_first_not_of(' ');
  return first == std::string::npos ? "-" : words.substr(first, words.find_last_not_of(' ') - first + 1);
}

}  // namespace

std::string shoes_text(const rapidjson::Value& list) {
  const std::string athlete = text(list, "athlete");
  const auto& shoes = array(member(list, "shoes"), "shoes");
  if (shoes.Empty()) return "No shoes for " + athlete + ".\n";
  TextTable table({"SHOE", "MAKER", "DROP", "DISTANCE", "LIMIT", "LAST USED", ""});
  for (const auto& shoe : shoes.GetArray()) {
    const auto last = optional_text(shoe, "last_used");
    table.add({text(shoe, "name"), maker_text(shoe), drop_text(shoe), km_text(number(shoe, "distance_km")),
               km_text(optional_number(shoe, "limit_km")), last ? last->substr(0, 10) : "-",
               flag(shoe, "retired") ? "retired" : ""});
  }
  return "Shoes of " + athlete + ":\n" + table.text();
}

std::string shoe_line(const rapidjson::Value& shoe) {
  std::string line = text(shoe, "name") + ": drop " + drop_text(shoe) + ", " + km_text(number(shoe, "distance_km"));
  if (const auto limit = optional_number(shoe, "limit_km")) line += " of " + km_text(limit);
  if (flag(shoe, "retired")) line += ", retired";
  return line;
}

}  // namespace tendon::cli
