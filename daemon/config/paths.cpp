#include "config/paths.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <vector>

namespace tendon::config_detail {

namespace fs = std::filesystem;

std::optional<std::string> env(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

fs::path home_dir() {
  if (auto home = env("HOME"); home && fs::path(*home).is_absolute()) return *home;
  // A service started without $HOME still has a password-database entry.
  long size = sysconf(_SC_GETPW_R_SIZE_MAX);
  std::vector<char> buffer(size > 0 ? static_cast<std::size_t>(size) : 16384);
  passwd entry{};
  passwd* found = nullptr;
  if (getpwuid_r(getuid(), &entry, buffer.data(), buffer.size(), &found) == 0 && found != nullptr &&
      found->pw_dir != nullptr && fs::path(found->pw_dir).is_absolute()) {
    return found->pw_dir;
  }
  return "/";
}

fs::path xdg_data_home() {
  if (auto dir = env("XDG_DATA_HOME"); dir && fs::path(*dir).is_absolute()) return *dir;
  return home_dir() / ".local" / "share";
}

fs::path xdg_config_home() {
  if (auto dir = env("XDG_CONFIG_HOME"); dir && fs::path(*dir).is_absolute()) return *dir;
  return home_dir() / ".config";
}

std::optional<fs::path> systemd_dir(const char* variable) {
  auto value = env(variable);
  if (!value) return std::nullopt;
  const std::string first = value->substr(0, value->find(':'));
  if (first.empty() || !fs::path(first).is_absolute()) return std::nullopt;
  return fs::path(first);
}

std::optional<fs::path> resolve_path(std::string_view text, const fs::path& base) {
  fs::path result;
  if (!text.empty() && text.front() == '~') {
    if (text.size() > 1 && text[1] != '/') return std::nullopt;  // ~user: not supported
    const std::string_view rest = text.size() > 2 ? text.substr(2) : std::string_view{};
    result = rest.empty() ? home_dir() : home_dir() / fs::path(rest);
  } else {
    result = fs::path(text);
    if (result.is_relative()) result = base / result;
  }
  result = result.lexically_normal();
  // "inbox/" and "inbox" are the same folder: drop a trailing separator.
  if (!result.has_filename() && result.has_relative_path()) result = result.parent_path();
  return result;
}

}  // namespace tendon::config_detail
