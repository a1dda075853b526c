// tendonctl status / runs / plan / squad: the figures to look at before the next run.
#include "text_views.h"
#include "table_views.h"
#include "units.h"
#include "verbs.h"

namespace tendon::cli {

int verb_status(Invocation& run) {
  require_no_arguments(run.args());
  return run.show(run.channel().call("Status.Get", run.params().text()), status_text);
}

int verb_runs(Invocation& run) {
  require_no_arguments(run.args());
  JsonParams params = run.params();
  if (const auto limit = run.args().option("limit")) {
    std::size_t used = 0;
    long long n = -1;
    try {
      n = std::stoll(*limit, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != limit->size() || n < 0) throw UsageError("--limit needs a whole number, not '" + *limit + "'");
    params.set("limit", static_cast<std::int64_t>(n));
  }
  if (run.args().flag("all")) params.set("all", true);
  return run.show(run.channel().call("Run.List", params.text()), runs_text);
}

int verb_plan(Invocation& run) {
  const auto& args = run.args();
  if (args.positional.empty()) throw UsageError("plan needs a DISTANCE such as 18 or 18km or 18000m");
  std::string text;
  for (const auto& p : args.positional) text += p;  // "18 km" arrives as two words
  const auto metres = parse_distance_m(text);
  if (!metres || *metres <= 0) throw UsageError("cannot read '" + text + "' as a distance (try 18, 18km, 18.5 km or 18000m)");
  const auto params = run.params().set("distance_m", static_cast<std::int64_t>(*metres)).text();
  return run.show(run.channel().call("Plan.Check", params), plan_text);
}

int verb_squad(Invocation& run) {
  require_no_arguments(run.args());
  return run.show(run.channel().call("Squad.Get", run.params().text()), squad_text);
}

}  // namespace tendon::cli
