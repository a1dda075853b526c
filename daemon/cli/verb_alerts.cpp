// tendonctl alerts / ack / snooze: the alerts and what the runner did about them.
#include <iostream>

#include "units.h"
#include "exit_codes.h"
#include "views/json_views.h"
#include "offline_context.h"
#include "text_views.h"
#include "verbs.h"

namespace tendon::cli {

int verb_alerts(const Arguments& args) {
  require_known(args, {"json", "config", "athlete", "now", "all", "severity", "everyone"});
  if (!args.positional.empty()) throw UsageError("alerts takes no arguments");
  OfflineContext ctx = OfflineContext::open(args);
  AlertQuery q;
  if (!args.flag("everyone")) q.athlete = ctx.athlete->name;
  q.include_withdrawn = args.flag("all");
  if (const auto s = args.option("severity")) {
    q.min_severity = parse_severity(*s);
    if (!q.min_severity) throw UsageError("--severity is info, warning or critical, not '" + *s + "'");
  }
  const auto alerts = ctx.store->list_alerts(q);
  if (ctx.json) std::cout << alerts_json(alerts);
  else std::cout << alerts_text(alerts);
  return kExitOk;
}

namespace {

std::int64_t alert_id_argument(const Arguments& args) {
  if (args.positional.size() < 1) throw UsageError(args.verb + " needs an alert ID (see 'tendonctl alerts')");
  try {
    return std::stoll(args.positional[0]);
  } catch (const std::exception&) {
    throw UsageError("alert ID must be a number, not '" + args.positional[0] + "'");
  }
}

}  // namespace

int verb_ack(const Arguments& args) {
  require_known(args, {"config", "now", "json"});
  const std::int64_t id = alert_id_argument(args);
  OfflineContext ctx = OfflineContext::open(args);
  if (!ctx.store->set_alert_state(id, AlertState::acknowledged, std::nullopt, ctx.now)) {
    std::cerr << "tendonctl: no alert " << id << "\n";
    return kExitNotFound;
  }
  if (!ctx.json) std::cout << "Alert " << id << " acknowledged.\n";
  return kExitOk;
}

int verb_snooze(const Arguments& args) {
  require_known(args, {"config", "now", "json"});
  const std::int64_t id = alert_id_argument(args);
  if (args.positional.size() != 2) throw UsageError("snooze needs an alert ID and a duration such as 2d or 12h");
  const auto seconds = parse_duration(args.positional[1]);
  if (!seconds) throw UsageError("duration is a number with s, m, h, d or w, not '" + args.positional[1] + "'");
  OfflineContext ctx = OfflineContext::open(args);
  const Instant until = ctx.now + *seconds;
  if (!ctx.store->set_alert_state(id, AlertState::snoozed, until, ctx.now)) {
    std::cerr << "tendonctl: no alert " << id << "\n";
    return kExitNotFound;
  }
  if (!ctx.json) std::cout << "Alert " << id << " snoozed until " << format_iso8601_utc(until) << ".\n";
  return kExitOk;
}

}  // namespace tendon::cli
