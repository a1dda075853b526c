// Run.List: an athlete's stored activities, newest first.
#include <algorithm>
#include <limits>

#include "service/handler_support.h"
#include "service/method_groups.h"
#include "service/params.h"
#include "views/json_views.h"

namespace tendon::service {
namespace {

control::JsonText list_runs(ServiceContext& ctx, const rapidjson::Value& params) {
  const std::string athlete = stored_athlete(ctx, params);
  constexpr std::int64_t kDefaultLimit = 20;
  std::int64_t limit =
      optional_integer(params, "limit", 0, std::numeric_limits<std::int64_t>::max()).value_or(kDefaultLimit);
  if (optional_bool(params, "all")) limit = std::numeric_limits<std::int64_t>::max();
  auto runs = ctx.store.activities(athlete);
  std::reverse(runs.begin(), runs.end());
  if (runs.size() > static_cast<std::uint64_t>(limit)) runs.resize(static_cast<std::size_t>(limit));
  return view_result(cli::runs_json(runs, cli::JsonStyle::compact));
}

}  // namespace

void register_run_methods(control::MethodTable& table, ServiceContext& ctx) {
  table.add({"Run.List", control::Tier::read, "An athlete's runs, newest first, in the shape of tendonctl runs --json",
             R"j({"athlete":"string, optional (default: the config's first athlete)",
                 "limit":"integer, optional (default 20)","all":"boolean, optional: every run"})j"},
            with_object_params([&ctx](const rapidjson::Value& params) { return list_runs(ctx, params); }));
}

}  // namespace tendon::service
