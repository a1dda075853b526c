// Squad.Get: every configured athlete in one table, worst first, for a coach.
#include <algorithm>
#include <tuple>

#include "core/status.h"
#include "ingest/athlete_engine.h"
#include "service/active_alerts.h"
#include "service/handler_support.h"
#include "service/method_groups.h"
#include "views/squad_json.h"

namespace tendon::service {
namespace {

std::optional<double> km(const std::optional<std::int64_t>& metres) {
  if (!metres) return std::nullopt;
  return static_cast<double>(*metres) / 1000.0;
}

cli::SquadRow row_of(ServiceContext& ctx, const AthleteConfig& athlete, Instant now) {
  const auto engine = load_engine(ctx.store, athlete);
  const Status status = compute_status(engine->timeline(), now);
  cli::SquadRow row;
  row.athlete = athlete.name;
  row.timezone = athlete.timezone;
  if (status.last_run) {
    row.last_run = cli::SquadLastRun{status.last_run->start, static_cast<double>(status.last_run->distance_m) / 1000.0};
  }
  if (status.longest_30d) row.longest_30d_km = static_cast<double>(status.longest_30d->distance_m) / 1000.0;
  row.safe_ceiling_km = km(status.safe_ceiling_m);
  row.week_km = static_cast<double>(status.week_m) / 1000.0;
  row.previous_week_km = static_cast<double>(status.previous_week_m) / 1000.0;
  row.acwr = status.acwr.ratio;
  AlertQuery query;
  query.athlete = athlete.name;
  query.include_acknowledged = false;
  for (const auto& alert : active_at(ctx.store.list_alerts(query), now)) {
    switch (alert.alert.severity) {
      case Severity::critical:
        ++row.critical;
        break;
      case Severity::warning:
        ++row.warning;
        break;
      case Severity::info:
        ++row.info;
        break;
    }
  }
  return row;
}

// Worst first: more critical, then warning, then info alerts; then the higher ACWR (none
// last); then by name so the order is stable.
bool worse_first(const cli::SquadRow& a, const cli::SquadRow& b) {
  const auto counts = [](const cli::SquadRow& r) { return std::make_tuple(r.critical, r.warning, r.info); };
  if (counts(a) != counts(b)) return counts(a) > counts(b);
  if (a.acwr.has_value() != b.acwr.has_value()) return a.acwr.has_value();
  if (a.acwr && *a.acwr != *b.acwr) return *a.acwr > *b.acwr;
  return a.athlete < b.athlete;
}

control::JsonText squad(ServiceContext& ctx, const rapidjson::Value& params) {
  const Instant now = request_now(ctx, params);
  std::vector<cli::SquadRow> rows;
  for (const auto& athlete : ctx.config.athletes) rows.push_back(row_of(ctx, athlete, now));
  std::sort(rows.begin(), rows.end(), worse_first);
  return view_result(cli::squad_json(now, rows, cli::JsonStyle::compact));
}

}  // namespace

void register_squad_methods(control::MethodTable& table, ServiceContext& ctx) {
  table.add(
      {"Squad.Get", control::Tier::read, "Every configured athlete's key figures and active alert counts, worst first",
       R"j({"now":"RFC 3339 time, optional"})j"},
      with_object_params([&ctx](const rapidjson::Value& params) { return squad(ctx, params); }));
}

}  // namespace tendon::service
