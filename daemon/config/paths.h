#pragma once
// Where things live by default (XDG base directories, systemd's directories) and how a
// path written in the config file becomes an absolute one. Internal to tendon_config.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace tendon::config_detail {

// The value of an environment variable, or nullopt when unset or empty.
std::optional<std::string> env(const char* name);

// $HOME when absolute, else the password database's home, else "/".
std::filesystem::path home_dir();

// $XDG_DATA_HOME / $XDG_CONFIG_HOME when set to an absolute path (the XDG spec says a
// relative value must be ignored), else ~/.local/share / ~/.config.
std::filesystem::path xdg_data_home();
std::filesystem::path xdg_config_home();

// The first entry of a systemd directory variable ($STATE_DIRECTORY may list several,
// separated by ':'); nullopt when unset, empty or not absolute.
std::optional<std::filesystem::path> systemd_dir(const char* variable);

// "~" and "~/x" become the home folder; a relative path is taken against `base`;
// the result is lexically normalised. Returns nullopt for "~user/..." (not supported).
std::optional<std::filesystem::path> resolve_path(std::string_view text,
                                                  const std::filesystem::path& base);

}  // namespace tendon::config_detail
