#include "socket_channel.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "cli_error.h"
#include "exit_codes.h"

namespace tendon::cli {

namespace {

// The one line a person needs when nobody answers: which socket, and the three ways on.
std::string not_running_message(const std::filesystem::path& path) {
  std::error_code ignored;
  const std::string what = std::filesystem::exists(path, ignored) ? "nobody is listening on " + path.string()
                                                                  : "no socket at " + path.string();
  return "tendond is not running (" + what +
         "). Start it with 'tendond' or 'systemctl --user start tendond.socket', or use --offline to read the "
         "database directly.";
}

}  // namespace

std::unique_ptr<SocketChannel> SocketChannel::connect(const std::filesystem::path& socket_path) {
  // connect() on a socket file without write permission fails with EACCES, which the
  // client reports as a plain error; a person needs to know it is about permission.
  std::error_code ignored;
  if (std::filesystem::exists(socket_path, ignored) && ::access(socket_path.c_str(), R_OK | W_OK) != 0 &&
      errno == EACCES) {
    throw CliError(kExitPermission, "no permission to use the control socket " + socket_path.string() +
                                        " (the daemon's owner, root and, in system mode, the group 'tendon' may)");
  }
  try {
    return std::unique_ptr<SocketChannel>(new SocketChannel(control::Client::connect(socket_path)));
  } catch (const control::DaemonUnreachable&) {
    throw CliError(kExitNotRunning, not_running_message(socket_path));
  }
}

rapidjson::Document SocketChannel::call(const std::string& method, const std::string& params_json, int fd) {
  return client_.call(method, params_json, fd);
}

}  // namespace tendon::cli
