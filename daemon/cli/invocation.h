#pragma once
// One run of tendonctl: the parsed command line and the channel to the service, opened
// on first use (so usage errors and --help never need a daemon or a database).
#include <memory>
#include <string>

#include <rapidjson/document.h>

#include "arguments.h"
#include "channel.h"
#include "json_params.h"
#include "socket_channel.h"

namespace tendon::cli {

class Invocation {
 public:
  // Checks what every verb shares: --config only with --offline, --now a time.
  explicit Invocation(const Arguments& args);
  ~Invocation();

  const Arguments& args() const { return args_; }
  bool json() const { return args_.flag("json"); }

  // --offline: the service in process on the config's database; otherwise tendond's socket.
  Channel& channel();
  // For what only a running daemon does (events, reload): a UsageError with --offline.
  SocketChannel& daemon(const std::string& what);

  // The params every method takes from the command line: athlete (--athlete) and now
  // (--now), when given.
  JsonParams params() const;

  // The result as --json prints it (pretty), or as `text` renders it; exit code 0.
  int show(const rapidjson::Value& result, std::string (*text)(const rapidjson::Value&)) const;

 private:
  const Arguments& args_;
  std::unique_ptr<Channel> channel_;
  SocketChannel* socket_ = nullptr;  // channel_ when it is the socket one
};

// The verb takes no positional arguments ("status takes no arguments").
void require_no_arguments(const Arguments& args);

}  // namespace tendon::cli
