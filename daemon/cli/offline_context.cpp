#include "offline_context.h"

#include <ctime>
#include <iostream>

#include "ingest/judgement_basis.h"
#include "ingest/plugin_setup.h"

namespace tendon::cli {

OfflineContext OfflineContext::open(const Arguments& args) {
  OfflineContext ctx;
  std::optional<std::filesystem::path> file;
  if (const auto c = args.option("config")) file = *c;
  ctx.config = load_config_or_defaults(file);
  ctx.catalogue = effective_shoe_catalogue(ctx.config);
  ctx.json = args.flag("json");

  if (const auto name = args.option("athlete")) {
    ctx.athlete = ctx.config.athlete(*name);
    if (!ctx.athlete) throw UsageError("unknown athlete '" + *name + "' (not in the config)");
  } else {
    ctx.athlete = &ctx.config.default_athlete();
  }

  if (const auto now = args.option("now")) {
    const auto parsed = parse_iso8601(*now);
    if (!parsed) throw UsageError("--now needs a time like 2026-03-01T07:00:00Z, not '" + *now + "'");
    ctx.now = parsed->utc;
  } else {
    ctx.now = static_cast<Instant>(std::time(nullptr));
  }

  ctx.store = std::make_unique<Store>(ctx.config.database);
  apply_config_to_store(*ctx.store, ctx.config, ctx.now);
  return ctx;
}

const PluginHost& OfflineContext::importers() {
  if (!plugins) {
    std::vector<PluginProblem> problems;
    plugins = make_plugin_host(config, problems);
    for (const auto& p : problems) std::cerr << "tendonctl: plugin refused: " << p.line() << "\n";
  }
  return *plugins;
}

}  // namespace tendon::cli
