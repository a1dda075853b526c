// Fuzz target: the control socket's server side on any bytes a client may send. A real
// Session on one end of a socketpair reads the input (written in pieces whose sizes the
// input's first byte picks), splits it into lines (control/line_reader) and dispatches each
// through control/request_dispatch to a small method table (a sync, an async and an admin
// method). Beyond "no crash, no leak, no hang": every line the server sends back is one
// JSON-RPC 2.0 object, and the session ends once the client has closed its side.
#include <fcntl.h>
#include <rapidjson/document.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "control/json_text.h"
#include "control/method_table.h"
#include "control/request_dispatch.h"
#include "control/responder.h"
#include "control/session.h"

namespace {

using namespace tendon::control;

void require(bool promise) {
  if (!promise) std::abort();
}

// Small, so that an input of a few kilobytes reaches the "line too long" refusal.
constexpr std::size_t kMaxLineBytes = 2048;

MethodTable make_methods() {
  MethodTable methods;
  methods.add(MethodSpec{"Test.Echo", Tier::read, "params back", "{}"},
              SyncHandler([](const rapidjson::Value& params, const Caller&) { return JsonText(params); }));
  methods.add(MethodSpec{"Test.Later", Tier::read, "params back, through a responder", "{}"},
              AsyncHandler([](const rapidjson::Value& params, const Caller&, Responder responder) {
                if (params.IsArray()) throw RpcError(TENDON_RPC_INVALID_PARAMS, "params must be an object");
                responder.reply(JsonText(params));
              }));
  methods.add(MethodSpec{"Test.Admin", Tier::admin, "refused to a read-tier caller", "{}"},
              SyncHandler([](const rapidjson::Value&, const Caller&) -> JsonText { std::abort(); }));
  return methods;
}

// Every complete line the server wrote must be one JSON-RPC 2.0 object.
void check_output(std::string& pending) {
  std::size_t end;
  while ((end = pending.find('\n')) != std::string::npos) {
    rapidjson::Document line;
    line.Parse(pending.data(), end);
    require(!line.HasParseError() && line.IsObject());
    const auto version = line.FindMember("jsonrpc");
    require(version != line.MemberEnd() && version->value.IsString() &&
            std::string_view(version->value.GetString()) == "2.0");
    pending.erase(0, end + 1);
  }
}

// Reads what the server has written so far into `pending`; false at its end of stream.
bool drain(int client, std::string& pending) {
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(client, buffer, sizeof buffer);
    if (n > 0) {
      pending.append(buffer, static_cast<std::size_t>(n));
      continue;
    }
    return n < 0;  // 0: the server closed; -1: nothing more for now (EAGAIN)
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const MethodTable methods = make_methods();
  int fds[2];
  require(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) == 0);
  const int client = fds[1];
  ::fcntl(client, F_SETFL, O_NONBLOCK);

  boost::asio::io_context io;
  Limits limits;
  limits.max_line_bytes = kMaxLineBytes;
  Session::Hooks hooks;
  hooks.on_line = [&io](Session& session, const std::string& line, std::shared_ptr<PassedFds> passed) {
    dispatch_request(methods, io, session, line, std::move(passed));
  };
  bool closed = false;
  hooks.on_closed = [&closed](Session&) { closed = true; };
  auto session = std::make_shared<Session>(boost::asio::local::stream_protocol::socket(io, boost::asio::local::stream_protocol(), fds[0]),
                                           Caller{}, limits, std::move(hooks));
  session->start(R"({"jsonrpc":"2.0","method":"Server.Hello","params":{}})");

  // The first byte sets the piece size (1 to 256 bytes): lines split across reads.
  const std::size_t piece = size == 0 ? 1 : std::size_t{data[0]} + 1;
  std::string output;
  std::size_t sent = 0;
  bool server_gone = false;
  while (sent < size && !server_gone) {
    const std::size_t n = size - sent < piece ? size - sent : piece;
    const ssize_t wrote = ::send(client, data + sent, n, MSG_NOSIGNAL);
    if (wrote > 0) sent += static_cast<std::size_t>(wrote);
    else if (errno != EAGAIN) server_gone = true;  // it hung up (a refused stream)
    io.poll();
    io.restart();
    server_gone = !drain(client, output) || server_gone;
    check_output(output);
  }
  ::shutdown(client, SHUT_WR);
  // The server must finish once the client is done: a bound on loop turns is the hang check.
  for (int turn = 0; turn < 100000 && !closed; ++turn) {
    io.poll();
    io.restart();
    if (!drain(client, output)) break;
    check_output(output);
  }
  io.poll();
  drain(client, output);
  check_output(output);
  require(closed);
  ::close(client);
  return 0;
}
