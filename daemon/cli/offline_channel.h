#pragma once
// The channel that runs the service in process on the database the config names
// (tendonctl --offline): the same methods, params, results and errors as tendond's.
#include <filesystem>
#include <memory>
#include <optional>

#include "channel.h"
#include "service/offline_service.h"

namespace tendon::cli {

class OfflineChannel final : public Channel {
 public:
  // Loads the config (the file given, else the default one, else built-in defaults) and
  // opens the database. Throws std::runtime_error with the config's or the store's message.
  explicit OfflineChannel(const std::optional<std::filesystem::path>& config_file);

  rapidjson::Document call(const std::string& method, const std::string& params_json = "{}", int fd = -1) override;

 private:
  std::unique_ptr<OfflineService> service_;
};

}  // namespace tendon::cli
