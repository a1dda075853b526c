// Activity.Import: one file or export folder, by path or passed descriptor, read and parsed off the loop
// (when the context has a runner), stored on it, answered with its import report. An export
// (a zip, a folder) reports its progress as Import.Progress events from the worker.
#include <atomic>
#include <memory>

#include "control/rpc_error.h"
#include "ingest/file_formats.h"
#include "ingest/import_progress.h"
#include "ingest/import_service.h"
#include "service/handler_support.h"
#include "service/import_source.h"
#include "service/method_groups.h"
#include "service/params.h"
#include "service/service_events.h"
#include "views/json_views.h"

namespace tendon::service {
namespace {

// Progress events of one import: at most this often, and once at the end.
constexpr std::chrono::milliseconds kProgressInterval{250};

// What one import carries from the request to the worker and back to the loop.
struct ImportJob {
  ImportSource source;
  std::optional<std::string> athlete;
  Instant now = 0;
  std::shared_ptr<const PluginHost> plugins;  // kept through a reload that swaps the host
  std::string import_id;                      // names this import's Import.Progress events
  EventPublisher publish;                     // a copy: the worker reads no shared state
  ParsedFile parsed;
  std::optional<ImportProgress> export_files;  // an export's files, once it was read
};

// The request's "import_id", else one of ours ("import-7"), unique while the daemon runs.
std::string choose_import_id(const rapidjson::Value& params) {
  if (auto chosen = optional_string(params, "import_id")) {
    if (chosen->empty()) throw control::invalid_params("import_id is empty");
    return *chosen;
  }
  static std::atomic<std::uint64_t> next{1};
  return "import-" + std::to_string(next.fetch_add(1));
}

rapidjson::Document progress_params(const ImportJob& job, const ImportProgress& p) {
  rapidjson::Document d(rapidjson::kObjectType);
  auto& a = d.GetAllocator();
  d.AddMember("file", rapidjson::Value(job.source.name.string().c_str(), a), a);
  d.AddMember("import_id", rapidjson::Value(job.import_id.c_str(), a), a);
  d.AddMember("files_done", static_cast<std::uint64_t>(p.files_done), a);
  if (p.files_total > 0 || p.final) d.AddMember("files_total", static_cast<std::uint64_t>(p.files_total), a);
  d.AddMember("activities", static_cast<std::uint64_t>(p.activities), a);
  d.AddMember("skipped", static_cast<std::uint64_t>(p.skipped), a);
  d.AddMember("failed", static_cast<std::uint64_t>(p.failed), a);
  d.AddMember("final", p.final, a);
  return d;
}

// Parses an export with progress: Import.Progress events (when someone can hear them) and
// the file counts its answer ends with. Called on the worker; publish posts to the loop.
template <typename Parse>
void parse_export(ImportJob& job, std::size_t files_total, Parse parse) {
  ImportProgressScope progress(
      [&job](const ImportProgress& p) {
        if (job.publish) job.publish("Import.Progress", progress_params(job, p));
      },
      kProgressInterval);
  progress.set_total(files_total);
  parse();
  job.export_files = progress.finish(job.parsed.activities.size());
}

// On a worker (or inline): needs no store.
void read_and_parse(ImportJob& job) {
  if (job.source.folder) {
    // An unpacked export: its importer reads it through openat relative to the descriptor.
    parse_export(job, count_export_files_in_folder(job.source.file.get()), [&job] {
      try {
        job.parsed = parse_folder(*job.plugins, job.source.name, job.source.file.get());
      } catch (const std::exception& e) {
        job.parsed.fatal = e.what();
      }
    });
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
  const auto parse = [&job, &bytes] {
    try {
      job.parsed = parse_file_bytes(*job.plugins, job.source.name, bytes);
    } catch (const std::exception& e) {
      job.parsed.fatal = e.what();
    }
  };
  // A zip is an export of many files; anything else is one file, without progress.
  if (const std::size_t files = count_export_files(bytes); files > 0) parse_export(job, files, parse);
  else parse();
}

// The answer: the import report, its import_id, and for an export what became of its files.
control::JsonText answer(const ImportJob& job, const ImportReport& report) {
  rapidjson::Document d;
  d.Parse(cli::import_report_json(report, cli::JsonStyle::compact).c_str());
  auto& a = d.GetAllocator();
  d.AddMember("import_id", rapidjson::Value(job.import_id.c_str(), a), a);
  if (job.export_files) {
    rapidjson::Value files(rapidjson::kObjectType);
    files.AddMember("read", static_cast<std::uint64_t>(job.export_files->files_done), a);
    files.AddMember("skipped", static_cast<std::uint64_t>(job.export_files->skipped), a);
    files.AddMember("failed", static_cast<std::uint64_t>(job.export_files->failed), a);
    d.AddMember("files", files, a);
  }
  return d;
}

// On the loop's thread: one transaction, then the events and the answer. A file that
// failed to parse is a report with ok=false, not an RPC error.
void store_and_answer(ServiceContext& ctx, ImportJob& job, const control::Responder& responder) {
  try {
    ImportService service(ctx.store, ctx.config, ctx.catalogue, *job.plugins);
    const ImportReport report = service.store_parsed(job.source.name, std::move(job.parsed), job.athlete, job.now);
    publish_import_events(ctx.publish, ctx.store, report);
    responder.reply(answer(job, report));
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
  job->import_id = choose_import_id(params);
  job->publish = ctx.publish;
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
       "passed with SCM_RIGHTS plus its name); answers its import report (with its import_id, and for an export its files read, skipped, failed), ok=false when it could not be read; an export sends Import.Progress events",
       R"j({"path":"string: a file the server opens (or fd)","fd":"integer: index of a passed descriptor (or path)",
                 "name":"string, with fd: the file's name",
                 "import_id":"string, optional: names this import's Import.Progress events (default: one the server assigns)",
                 "athlete":"string, optional (default: the config's first athlete)",
                 "now":"RFC 3339 time, optional"})j"},
      control::AsyncHandler([&ctx](const rapidjson::Value& params, const control::Caller& caller,
                                   control::Responder responder) { import_activity(ctx, params, caller, responder); }));
}

}  // namespace tendon::service
