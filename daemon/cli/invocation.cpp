#include "invocation.h"

#include <iostream>

#include "core/time.h"
#include "json_read.h"
#include "offline_channel.h"
#include "socket_choice.h"

namespace tendon::cli {

Invocation::Invocation(const Arguments& args) : args_(args) {
  if (args.option("config") && !args.flag("offline")) {
    throw UsageError("--config is for --offline only: tendond reads its own config (change the file, then 'tendonctl reload')");
  }
  if (args.option("socket") && args.flag("offline")) throw UsageError("--socket and --offline exclude each other");
  if (const auto now = args.option("now"); now && !parse_iso8601(*now)) {
    throw UsageError("--now needs a time like 2026-03-01T07:00:00Z, not '" + *now + "'");
  }
}

Invocation::~Invocation() = default;

Channel& Invocation::channel() {
  if (!channel_) {
    if (args_.flag("offline")) {
      std::optional<std::filesystem::path> config;
      if (const auto file = args_.option("config")) config = *file;
      channel_ = std::make_unique<OfflineChannel>(config);
    } else {
      auto socket = SocketChannel::connect(socket_to_use(args_.option("socket")));
      socket_ = socket.get();
      channel_ = std::move(socket);
    }
  }
  return *channel_;
}

SocketChannel& Invocation::daemon(const std::string& what) {
  if (args_.flag("offline")) throw UsageError(what + " needs the running tendond (only the daemon can do it); drop --offline");
  channel();
  return *socket_;
}

JsonParams Invocation::params() const {
  JsonParams params;
  if (const auto athlete = args_.option("athlete")) params.set("athlete", *athlete);
  if (const auto now = args_.option("now")) params.set("now", *now);
  return params;
}

int Invocation::show(const rapidjson::Value& result, std::string (*text)(const rapidjson::Value&)) const {
  std::cout << (json() ? json_read::pretty(result) : text(result));
  return 0;
}

void require_no_arguments(const Arguments& args) {
  if (!args.positional.empty()) throw UsageError(args.verb + " takes no arguments, not '" + args.positional[0] + "'");
}

}  // namespace tendon::cli
