// Activity.Import: one file or export folder, by path or passed descriptor, read and parsed off the loop
// (when the context has a runner), stored on it, answered with its import report.
#include <memory>

#include "control/rpc_error.h"
#include "ingest/file_formats.h"
#include "ingest/import_service.h"
#include "service/handler_support.h"
#include "service/import_source.h"
#include "service/method_groups.h"
#include "service/params.h"
#include "service/service_events.h"
#include "views/json_views.h"

namespace tendon::service {
namespace {

// What one import carries from the request to the worker and back to the loop.
struct ImportJob {
  ImportSource source;
  std::optional<std::string> athlete;
  Instant now = 0;
  std::shared_ptr<const PluginHost> plugins;  // kept through a reload that swaps the host
  ParsedFile parsed;
};

// On a worker (or inline): needs no store.
void read_and_parse(ImportJob& job) {
  if (job.source.folder) {
    // An unpacked export: its importer reads it through openat relative to the descriptor.
    try {
      job.parsed = parse_folder(*job.plugins, job.source.name, job.source.file.get());
    } catch (const std::exception& e) {
      job.parsed.fatal = e.what();
    }
    job.source.file = OwnedFd();
    return;
  }
  std::string bytes;
  try {
    bytes = read_whole(job.source.file, ImportService::kMaxFileBytes);
  } catch (const std::exception& e) {
    job.parsed.fatal = e.what();
    return;
  }
  job.source.file = OwnedFd();  // closed as soon as it is read
  try {
    job.parsed = parse_file_bytes(*job.plugins, job.source.name, bytes);
  } catch (const std::exception& e) {
    job.parsed.fatal = e.what();
  }
}

// On the loop's thread: one transaction, then the events and the answer. A file that
// failed to parse is a report with ok=false, not an RPC error.
void store_and_answer(ServiceContext& ctx, ImportJob& job, const control::Responder& responder) {
  try {
    ImportService service(ctx.store, ctx.config, ctx.catalogue, *job.plugins);
    const ImportReport report = service.store_parsed(job.source.name, std::move(job.parsed), job.athlete, job.now);
    publish_import_events(ctx.publish, ctx.store, report);
    responder.reply(view_result(cli::import_report_json(report, cli::JsonStyle::compact)));
  } catch (const std::exception& e) {
    responder.fail(control::RpcError(TENDON_RPC_INTERNAL_ERROR, std::string("internal error: ") + e.what()));
  }
}

void import_activity(ServiceContext& ctx, const rapidjson::Value& raw_params, const control::Caller& caller,
                     const control::Responder& responder) {
  const rapidjson::Value& params = params_object(raw_params);
  auto job = std::make_shared<ImportJob>();
  // Checked first: a bad athlete must not consume a passed descriptor.
  if (has_param(params, "athlete")) job->athlete = stored_athlete(ctx, params);
  job->now = request_now(ctx, params);
  job->source = open_import_source(params, caller);
  job->plugins = ctx.importers();
  if (!ctx.run_off_loop) {
    read_and_parse(*job);
    store_and_answer(ctx, *job, responder);
    return;
  }
  ctx.run_off_loop([job] { read_and_parse(*job); }, [&ctx, job, responder] { store_and_answer(ctx, *job, responder); });
}

}  // namespace

void register_import_methods(control::MethodTable& table, ServiceContext& ctx) {
  table.add(
      {"Activity.Import", control::Tier::control,
       "Imports one activity file or export (a file, or an unpacked export's folder: path, or a descriptor "
       "passed with SCM_RIGHTS plus its name); answers its import report, ok=false when it could not be read",
       R"j({"path":"string: a file the server opens (or fd)","fd":"integer: index of a passed descriptor (or path)",
                 "name":"string, with fd: the file's name","athlete":"string, optional (default: the config's first athlete)",
                 "now":"RFC 3339 time, optional"})j"},
      control::AsyncHandler([&ctx](const rapidjson::Value& params, const control::Caller& caller,
                                   control::Responder responder) { import_activity(ctx, params, caller, responder); }));
}

}  // namespace tendon::service
