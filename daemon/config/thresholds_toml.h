#pragma once
// [thresholds] and [athletes.NAME.thresholds]: every field of core/thresholds.h, read onto
// an existing Thresholds so a per-athlete table overrides the global one field by field.
// Internal to tendon_config.
#include <string>

#include <toml++/toml.h>

#include "core/thresholds.h"

namespace tendon::config_detail {

// Reads `table` (dotted name `path` for messages) onto `thresholds` and checks the result:
// ranges per field, and order between fields (spike small <= moderate <= large, ...).
// Errors are ConfigError at the offending value.
void read_thresholds(const toml::table& table, const std::string& path, const std::string& file,
                     Thresholds& thresholds);

}  // namespace tendon::config_detail
