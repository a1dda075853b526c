#pragma once
// Values more than one config section reads the same way: URLs and secrets. Internal to
// tendon_config.
#include <filesystem>
#include <string>
#include <string_view>

#include "config/toml_reader.h"

namespace tendon::config_detail {

// http(s)://HOST... with no spaces or control characters: libcurl gets exactly this.
bool valid_url(std::string_view url);

// `key` (the secret inline) or `key`_file (a file holding it; its first line), not both;
// "" when neither. `base`: the config file's folder, for a relative file.
std::string read_secret(TableReader& r, const std::string& key, const std::filesystem::path& base);

}  // namespace tendon::config_detail
