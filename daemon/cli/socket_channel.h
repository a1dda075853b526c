#pragma once
// The channel to a running tendond over its control socket.
#include <filesystem>

#include "channel.h"
#include "control/client.h"

namespace tendon::cli {

class SocketChannel final : public Channel {
 public:
  // Connects and reads the greeting. No daemon there: CliError kExitNotRunning with the
  // path and how to start one; a socket this user may not open: CliError kExitPermission.
  // Refused at the door: control::RpcError (the server's message).
  static std::unique_ptr<SocketChannel> connect(const std::filesystem::path& socket_path);

  rapidjson::Document call(const std::string& method, const std::string& params_json = "{}", int fd = -1) override;
  // For the verbs that listen to events (watch, alerts --follow).
  control::Client& client() { return client_; }

 private:
  explicit SocketChannel(control::Client client) : client_(std::move(client)) {}
  control::Client client_;
};

}  // namespace tendon::cli
