#pragma once
// The text of config/shoes.csv, embedded at build time (embed_csv.cmake writes the
// definition into the build folder) so the daemon never looks for the file at run time.
#include <string_view>

namespace tendon::config_detail {

std::string_view bundled_shoes_csv();

}  // namespace tendon::config_detail
