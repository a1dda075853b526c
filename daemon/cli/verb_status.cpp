// tendonctl status: the figures to look at before the next run.
#include <iostream>

#include "core/status.h"
#include "exit_codes.h"
#include "ingest/athlete_engine.h"
#include "views/json_views.h"
#include "offline_context.h"
#include "text_views.h"
#include "verbs.h"

namespace tendon::cli {

int verb_status(const Arguments& args) {
  require_known(args, {"json", "config", "athlete", "now"});
  if (!args.positional.empty()) throw UsageError("status takes no arguments");
  OfflineContext ctx = OfflineContext::open(args);
  const auto engine = load_engine(*ctx.store, *ctx.athlete);
  const Status status = compute_status(engine->timeline(), ctx.now);
  AlertQuery q;
  q.athlete = ctx.athlete->name;
  q.include_acknowledged = false;
  const auto active = ctx.store->list_alerts(q);
  if (ctx.json) std::cout << status_json(ctx.athlete->name, ctx.athlete->timezone, status, active);
  else std::cout << status_text(*ctx.athlete, engine->zone(), status, active);
  return kExitOk;
}

}  // namespace tendon::cli
