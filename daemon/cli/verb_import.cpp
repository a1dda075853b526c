// tendonctl import FILE...: reads activity files into the store and reports what they raised.
#include <iostream>

#include "exit_codes.h"
#include "ingest/import_service.h"
#include "views/json_views.h"
#include "offline_context.h"
#include "text_views.h"
#include "verbs.h"

namespace tendon::cli {

int verb_import(const Arguments& args) {
  require_known(args, {"json", "config", "athlete", "now"});
  if (args.positional.empty()) throw UsageError("import needs at least one FILE");
  OfflineContext ctx = OfflineContext::open(args);
  ImportService service(*ctx.store, ctx.config, ctx.catalogue, ctx.importers());
  const std::optional<std::string> athlete =
      args.option("athlete") ? std::optional<std::string>(ctx.athlete->name) : std::nullopt;

  std::vector<ImportReport> reports;
  std::size_t failed = 0, with_problems = 0;  // a skipped file (no activity in it) counts as a problem
  for (const auto& file : args.positional) {
    reports.push_back(service.import_file(file, athlete, ctx.now));
    const ImportReport& r = reports.back();
    failed += r.failed() ? 1 : 0;
    with_problems += r.problems.empty() && !r.skipped_file() ? 0 : 1;
    if (r.failed()) std::cerr << "tendonctl: " << r.error_line() << "\n";
    for (const auto& p : r.problems) std::cerr << "tendonctl: " << r.file.string() << ": " << p << "\n";
    if (!ctx.json) std::cout << import_text(r);
  }
  if (ctx.json) std::cout << import_json(reports);
  if (failed == reports.size()) return kExitError;
  return failed || with_problems ? kExitPartial : kExitOk;
}

}  // namespace tendon::cli
