#pragma once
// Which control socket tendonctl talks to when it is not told: the rule of docs/cli.md,
// "Online and offline".
#include <filesystem>
#include <optional>
#include <string>

namespace tendon::cli {

// --socket PATH, else $TENDON_SOCKET, else the user socket when it exists (the same place
// tendond binds: sys/socket_path.h), else the system socket when that one exists, else
// the user socket again (the one to name when nothing answers).
std::filesystem::path socket_to_use(const std::optional<std::string>& socket_option);

}  // namespace tendon::cli
