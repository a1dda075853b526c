#include "zip_input.h"

#include <limits>

namespace tendon::archive {

int ZipInput::load(const tendon_input& input, std::uint64_t max_bytes, std::string& problem) {
  if (input.data != nullptr && input.size != std::numeric_limits<std::uint64_t>::max()) {
    bytes_ = std::string_view(reinterpret_cast<const char*>(input.data), static_cast<std::size_t>(input.size));
    return TENDON_OK;
  }
  if (input.read == nullptr) {
    problem = "the input cannot be read";
    return TENDON_ERR_IO;
  }
  char chunk[1 << 16];
  for (;;) {
    const std::int64_t got = input.read(input.context, reinterpret_cast<std::uint8_t*>(chunk), sizeof chunk);
    if (got < 0) {
      problem = "reading the export failed";
      return TENDON_ERR_IO;
    }
    if (got == 0) break;
    owned_.append(chunk, static_cast<std::size_t>(got));
    if (owned_.size() > max_bytes) {
      problem = "the export is over " + std::to_string(max_bytes) + " bytes";
      return TENDON_ERR_LIMIT;
    }
  }
  bytes_ = owned_;
  return TENDON_OK;
}

}  // namespace tendon::archive
