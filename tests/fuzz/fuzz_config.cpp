// Fuzz target: any text as tendon.toml through the config loader (config/config.cpp: toml++
// then every section's checks). The loader reads a path, so the input goes into a memfd
// named through /proc/self/fd. Beyond "no crash": a refused config is a ConfigError (no
// other exception escapes) with a one-line message that names the file; an accepted one
// has at least one athlete, each with a name.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <algorithm>
#include <cstdlib>
#include <string>
#include <string_view>

#include "config/config.h"

namespace {

void require(bool promise) {
  if (!promise) std::abort();
}

// Whether the text outside comments mentions a key that makes the loader read another file
// (shoe_catalogue, the webhooks' *_file secrets): a file the fuzzer picks (/dev/zero,
// /proc/self/fd/0) is not the parser under test.
bool names_another_file(std::string_view text) {
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    const std::string_view line = text.substr(0, std::min(end, text.find('#')));
    if (line.find("catalogue") != std::string_view::npos || line.find("_file") != std::string_view::npos) return true;
    text.remove_prefix(end == text.size() ? end : end + 1);
  }
  return false;
}

int config_memfd() {
  const int fd = ::memfd_create("tendon.toml", MFD_CLOEXEC);
  require(fd >= 0);
  return fd;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (names_another_file(text)) return 0;

  static const int fd = config_memfd();
  static const std::string path = "/proc/self/fd/" + std::to_string(fd);
  require(::ftruncate(fd, 0) == 0);
  require(size == 0 || ::pwrite(fd, data, size, 0) == static_cast<ssize_t>(size));

  try {
    const tendon::Config config = tendon::load_config(path);
    require(!config.athletes.empty());
    for (const auto& athlete : config.athletes) require(!athlete.name.empty());
  } catch (const tendon::ConfigError& e) {
    const std::string_view message = e.what();
    require(message.find('\n') == std::string_view::npos);
    require(message.find("tendon.toml") != std::string_view::npos || message.find(path) != std::string_view::npos);
  }
  return 0;
}
