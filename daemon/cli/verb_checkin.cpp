// tendonctl checkin: pain during / after a run and next-morning pain or stiffness, 0-10.
#include <iostream>

#include "exit_codes.h"
#include "ingest/athlete_engine.h"
#include "offline_context.h"
#include "text_views.h"
#include "verbs.h"

namespace tendon::cli {

namespace {

std::optional<int> score(const Arguments& args, const std::string& name) {
  const auto v = args.option(name);
  if (!v) return std::nullopt;
  std::size_t used = 0;
  int n = -1;
  try {
    n = std::stoi(*v, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != v->size() || n < 0 || n > 10) throw UsageError("--" + name + " is a score from 0 to 10, not '" + *v + "'");
  return n;
}

}  // namespace

int verb_checkin(const Arguments& args) {
  require_known(args, {"json", "config", "athlete", "now", "during", "after", "morning", "at", "activity"});
  Checkin c;
  c.pain_during = score(args, "during");
  c.pain_after = score(args, "after");
  c.morning = score(args, "morning");
  if (!c.pain_during && !c.pain_after && !c.morning) {
    throw UsageError("checkin needs at least one of --during, --after, --morning (0-10)");
  }
  OfflineContext ctx = OfflineContext::open(args);
  c.athlete = ctx.athlete->name;
  c.at = ctx.now;
  if (const auto at = args.option("at")) {
    const auto parsed = parse_iso8601(*at);
    if (!parsed) throw UsageError("--at needs a time like 2026-03-01T07:00:00Z, not '" + *at + "'");
    c.at = parsed->utc;
  }
  Store::Transaction tx(*ctx.store);
  if (const auto source = args.option("activity")) {
    for (const auto& a : ctx.store->activities(ctx.athlete->name)) {
      if (a.source_id == *source) c.activity_id = a.id;
    }
    if (!c.activity_id) {
      std::cerr << "tendonctl: no activity '" << *source << "' for " << ctx.athlete->name << "\n";
      return kExitNotFound;
    }
  }
  auto engine = load_engine(*ctx.store, *ctx.athlete);
  c.id = ctx.store->insert_checkin(c);
  const AlertDiff diff = engine->add_checkins({c});
  save_alert_diff(*ctx.store, ctx.athlete->name, diff, ctx.now);
  tx.commit();
  if (!ctx.json) {
    std::cout << "Check-in " << c.id << " recorded.\n";
    for (const auto& a : diff.raised) std::cout << alert_line(a) << "\n";
  }
  return kExitOk;
}

}  // namespace tendon::cli
