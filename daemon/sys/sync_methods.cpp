#include "sync_methods.h"

#include <algorithm>

#include "control/rpc_error.h"
#include "inbox_report.h"

namespace tendon {

namespace {

const SyncSourceConfig& configured_source(const ServiceContext& ctx, const std::string& source) {
  const auto it = std::find_if(ctx.config.sync.begin(), ctx.config.sync.end(),
                               [&](const SyncSourceConfig& s) { return s.source == source; });
  if (it == ctx.config.sync.end()) {
    throw control::RpcError(TENDON_RPC_INVALID_PARAMS, "no [sync." + source + "] section in the config");
  }
  return *it;
}

std::optional<std::string> string_param(const rapidjson::Value& params, const char* name) {
  if (!params.IsObject()) return std::nullopt;
  const auto it = params.FindMember(name);
  if (it == params.MemberEnd()) return std::nullopt;
  if (!it->value.IsString() || it->value.GetStringLength() == 0) {
    throw control::RpcError(TENDON_RPC_INVALID_PARAMS, std::string(name) + " must be a non-empty string");
  }
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

}  // namespace

void register_sync_methods(control::MethodTable& table, ServiceContext& ctx, SyncWorker& worker) {
  table.add({"Sync.Now", control::Tier::control,
             "Starts a sync round of every configured source, or of \"source\", as soon as the current one ends; "
             "Sync.Status tells how it went",
             R"({"source": "strava"})"},
            control::SyncHandler([&ctx, &worker](const rapidjson::Value& params, const control::Caller&) {
              const auto source = string_param(params, "source");
              if (source) configured_source(ctx, *source);
              worker.run_now(source);
              return control::JsonText::raw(R"({"started":true})");
            }));
  table.add({"Sync.Login", control::Tier::admin,
             "Connects a source: Strava's authorization \"code\" (with the \"redirect_uri\" it was issued for) is "
             "exchanged for tokens, an intervals.icu \"api_key\" is stored; both in the state folder (mode 0600). "
             "The login round then syncs; Sync.Status tells how it went",
             R"({"source": "strava", "code": "...", "redirect_uri": "...", "api_key": "..."})"},
            control::SyncHandler([&ctx, &worker](const rapidjson::Value& params, const control::Caller&) {
              const auto source = string_param(params, "source");
              if (!source) throw control::RpcError(TENDON_RPC_INVALID_PARAMS, "source is required");
              configured_source(ctx, *source);
              std::map<std::string, std::string> login;
              for (const char* name : {"code", "redirect_uri", "api_key"}) {
                if (auto value = string_param(params, name)) login[std::string("login.") + name] = *value;
              }
              if (login.count("login.code") == 0 && login.count("login.api_key") == 0) {
                throw control::RpcError(TENDON_RPC_INVALID_PARAMS, "give code (Strava) or api_key (intervals.icu)");
              }
              worker.login(*source, std::move(login));
              return control::JsonText::raw(R"({"started":true})");
            }));
}

StoredBatch store_synced_pieces(ServiceContext& ctx, const std::string& athlete, std::vector<NamedParse> pieces,
                                std::ostream& log, const std::function<void(const ImportReport&)>& on_report) {
  StoredBatch result;
  const auto plugins = ctx.importers();
  for (auto& piece : pieces) {
    ImportService service(ctx.store, ctx.config, ctx.catalogue, *plugins);
    const ImportReport report = service.store_parsed(piece.name, std::move(piece.parsed), athlete, ctx.clock());
    if (report.failed()) {
      result.error = report.error;
      log << inbox_log_line(report) << " (from sync; nothing stored, fetched again next round)" << std::endl;
      return result;
    }
    result.imported += report.total(&AthleteImport::imported) + report.total(&AthleteImport::replaced);
    log << inbox_log_line(report) << " (from sync)" << std::endl;
    if (on_report) on_report(report);
  }
  return result;
}

}  // namespace tendon
