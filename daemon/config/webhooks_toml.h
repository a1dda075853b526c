#pragma once
// [[webhooks]]: the endpoints alerts are POSTed to. Internal to tendon_config.
#include <filesystem>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "config/webhook_config.h"
#include "config/toml_reader.h"

namespace tendon::config_detail {

// Reads every [[webhooks]] table of `root` (none: an empty list). `base`: the config
// file's folder, for relative *_file paths. `default_min_severity`: [push] min_severity.
// Errors are ConfigError at the offending value.
std::vector<WebhookConfig> read_webhooks(TableReader& root, const std::filesystem::path& base,
                                         Severity default_min_severity);

}  // namespace tendon::config_detail
