// tendonctl checkin: pain during / after a run and next-morning pain or stiffness, 0-10.
#include "core/time.h"
#include "text_views.h"
#include "verbs.h"

namespace tendon::cli {

namespace {

// --NAME as a score 0-10 into the params; false when not given.
bool add_score(const Arguments& args, const char* name, JsonParams& params) {
  const auto v = args.option(name);
  if (!v) return false;
  std::size_t used = 0;
  int n = -1;
  try {
    n = std::stoi(*v, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != v->size() || n < 0 || n > 10) {
    throw UsageError("--" + std::string(name) + " is a score from 0 to 10, not '" + *v + "'");
  }
  params.set(name, static_cast<std::int64_t>(n));
  return true;
}

}  // namespace

int verb_checkin(Invocation& run) {
  const auto& args = run.args();
  require_no_arguments(args);
  JsonParams params = run.params();
  bool any = false;
  for (const char* score : {"during", "after", "morning"}) any = add_score(args, score, params) || any;
  if (!any) throw UsageError("checkin needs at least one of --during, --after, --morning (0-10)");
  if (const auto at = args.option("at")) {
    if (!parse_iso8601(*at)) throw UsageError("--at needs a time like 2026-03-01T07:00:00Z, not '" + *at + "'");
    params.set("at", *at);
  }
  if (const auto activity = args.option("activity")) params.set("activity", *activity);
  return run.show(run.channel().call("Checkin.Add", params.text()), checkin_text);
}

}  // namespace tendon::cli
