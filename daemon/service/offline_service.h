#pragma once
// The service in process, without a daemon: tendonctl's offline mode opens the config and
// the store itself and calls the very methods tendond answers on its socket, with the
// same params, results and errors.
#include <rapidjson/document.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "config/config.h"
#include "config/shoe_catalogue.h"
#include "control/method_table.h"
#include "ingest/plugin_host.h"
#include "service/service_context.h"
#include "store/store.h"

namespace tendon {

class OfflineService {
 public:
  // Loads the config (the given file, else the default one or the defaults), the shoe
  // catalogue, opens and migrates the store and registers the config's athletes and shoes.
  // Throws std::runtime_error with the config's or the store's message.
  static std::unique_ptr<OfflineService> open(const std::optional<std::filesystem::path>& config_file);
  ~OfflineService();
  OfflineService(const OfflineService&) = delete;
  OfflineService& operator=(const OfflineService&) = delete;

  // Calls the method as an admin caller would; `fd` >= 0 is passed as descriptor 0
  // (ownership taken). Returns the result; throws control::RpcError for an error answer
  // (an unknown method is -32601, params that are not a JSON object -32602).
  rapidjson::Document call(const std::string& method, const std::string& params_json = "{}", int fd = -1);

  const Config& config() const { return config_; }

 private:
  explicit OfflineService(Config config);
  // The importers, loaded on first use (only imports need them); broken external plugins
  // are reported on stderr once and left out.
  std::shared_ptr<const PluginHost> importers();

  Config config_;
  ShoeCatalogue catalogue_;
  std::unique_ptr<Store> store_;
  std::shared_ptr<const PluginHost> importers_;
  std::unique_ptr<ServiceContext> context_;
  control::MethodTable methods_;
};

}  // namespace tendon
