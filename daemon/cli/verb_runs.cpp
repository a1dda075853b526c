// tendonctl runs: the stored activities, newest first.
#include <algorithm>
#include <iostream>

#include "exit_codes.h"
#include "views/json_views.h"
#include "offline_context.h"
#include "text_views.h"
#include "verbs.h"

namespace tendon::cli {

int verb_runs(const Arguments& args) {
  require_known(args, {"json", "config", "athlete", "now", "limit", "all"});
  if (!args.positional.empty()) throw UsageError("runs takes no arguments");
  std::size_t limit = 20;
  if (const auto l = args.option("limit")) {
    try {
      limit = static_cast<std::size_t>(std::stoul(*l));
    } catch (const std::exception&) {
      throw UsageError("--limit needs a number, not '" + *l + "'");
    }
  }
  if (args.flag("all")) limit = SIZE_MAX;
  OfflineContext ctx = OfflineContext::open(args);
  auto runs = ctx.store->activities(ctx.athlete->name);
  std::reverse(runs.begin(), runs.end());
  if (runs.size() > limit) runs.resize(limit);
  if (ctx.json) std::cout << runs_json(runs);
  else std::cout << runs_text(runs);
  return kExitOk;
}

}  // namespace tendon::cli
