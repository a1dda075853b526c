#pragma once
// [sync.NAME]: the sources tendond polls. Internal to tendon_config.
#include <filesystem>
#include <vector>

#include "config/sync_config.h"
#include "config/toml_reader.h"

namespace tendon::config_detail {

// Reads every [sync.NAME] table (none: an empty list). `base`: the config file's folder,
// for relative *_file paths. The athlete is checked against the athletes by the caller.
std::vector<SyncSourceConfig> read_sync_sources(TableReader& root, const std::filesystem::path& base);

}  // namespace tendon::config_detail
