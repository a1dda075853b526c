// tendonctl plan DISTANCE: "would 18 km be a spike today?"
#include <iostream>

#include "core/status.h"
#include "units.h"
#include "exit_codes.h"
#include "ingest/athlete_engine.h"
#include "views/json_views.h"
#include "offline_context.h"
#include "verbs.h"

namespace tendon::cli {

int verb_plan(const Arguments& args) {
  require_known(args, {"json", "config", "athlete", "now"});
  if (args.positional.empty()) throw UsageError("plan needs a DISTANCE such as 18 or 18km or 18000m");
  std::string text;
  for (const auto& p : args.positional) text += p;  // "18 km" arrives as two words
  const auto metres = parse_distance_m(text);
  if (!metres) throw UsageError("cannot read '" + text + "' as a distance (try 18, 18km, 18.5 km or 18000m)");
  OfflineContext ctx = OfflineContext::open(args);
  const auto engine = load_engine(*ctx.store, *ctx.athlete);
  const PlanCheck plan = check_plan(engine->timeline(), ctx.now, *metres);
  if (ctx.json) std::cout << plan_json(ctx.athlete->name, plan);
  else std::cout << plan.answer << "\n" << plan.why << "\n";
  return kExitOk;
}

}  // namespace tendon::cli
