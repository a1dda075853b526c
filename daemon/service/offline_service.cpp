#include "service/offline_service.h"

#include <unistd.h>

#include <iostream>
#include <vector>

#include "control/rpc_error.h"
#include "ingest/judgement_basis.h"
#include "ingest/plugin_setup.h"
#include "service/register_service_methods.h"

namespace tendon {
namespace {

// The result text back as a document; the service only writes valid JSON, so a failure
// here is a bug (-32603).
rapidjson::Document parse_result(const control::JsonText& result) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseFullPrecisionFlag>(result.text().c_str(), result.text().size());
  if (doc.HasParseError())
    throw control::RpcError(TENDON_RPC_INTERNAL_ERROR, "internal error: a method answered invalid JSON");
  return doc;
}

// Any other exception is what tendond answers as -32603, so both modes fail alike.
control::RpcError internal_error(const std::exception& e) {
  return {TENDON_RPC_INTERNAL_ERROR, std::string("internal error: ") + e.what()};
}

control::JsonText call_async(const control::AsyncHandler& handler, const rapidjson::Value& params,
                             const control::Caller& caller) {
  std::optional<control::JsonText> answer;
  std::optional<control::RpcError> failure;
  {
    // Without an off-loop runner the handler answers before it returns; should one not,
    // dropping the last responder copy answers "method ended without a reply".
    const auto responder =
        control::Responder::to_function([&](const control::JsonText* result, const control::RpcError* error) {
          if (result != nullptr)
            answer = *result;
          else
            failure = *error;
        });
    try {
      handler(params, caller, responder);
    } catch (const control::RpcError& error) {
      responder.fail(error);
    } catch (const std::exception& e) {
      responder.fail(internal_error(e));
    }
  }
  if (failure) throw *failure;
  return answer.value_or(control::JsonText());
}

}  // namespace

std::unique_ptr<OfflineService> OfflineService::open(const std::optional<std::filesystem::path>& config_file) {
  std::unique_ptr<OfflineService> service(new OfflineService(load_config_or_defaults(config_file)));
  return service;
}

OfflineService::OfflineService(Config config)
    : config_(std::move(config)),
      catalogue_(effective_shoe_catalogue(config_)),
      store_(std::make_unique<Store>(config_.database)) {
  apply_config_to_store(*store_, config_, system_clock_now());
  context_ = std::unique_ptr<ServiceContext>(new ServiceContext{
      .store = *store_,
      .config = config_,
      .catalogue = catalogue_,
      .importers = [this] { return importers(); },
  });
  register_service_methods(methods_, *context_);
}

OfflineService::~OfflineService() = default;

std::shared_ptr<const PluginHost> OfflineService::importers() {
  if (!importers_) {
    std::vector<PluginProblem> problems;
    importers_ = make_plugin_host(config_, problems);
    for (const auto& p : problems) std::cerr << "tendonctl: plugin refused: " << p.line() << "\n";
  }
  return importers_;
}

rapidjson::Document OfflineService::call(const std::string& method, const std::string& params_json, int fd) {
  control::Caller caller;
  caller.peer = {::getpid(), ::geteuid(), ::getegid()};
  caller.tier = control::Tier::admin;
  if (fd >= 0) caller.fds = std::make_shared<control::PassedFds>(std::vector<int>{fd});  // owns it from here

  const control::Method* found = methods_.find(method);
  if (found == nullptr) throw control::RpcError(TENDON_RPC_METHOD_NOT_FOUND, "method not found: " + method);
  rapidjson::Document params;
  params.Parse(params_json.c_str(), params_json.size());
  if (params.HasParseError() || !params.IsObject()) {
    throw control::invalid_params("params must be a JSON object, not '" + params_json + "'");
  }

  if (const auto* async = std::get_if<control::AsyncHandler>(&found->handler)) {
    return parse_result(call_async(*async, params, caller));
  }
  try {
    return parse_result(std::get<control::SyncHandler>(found->handler)(params, caller));
  } catch (const control::RpcError&) {
    throw;
  } catch (const std::exception& e) {
    throw internal_error(e);
  }
}

}  // namespace tendon
