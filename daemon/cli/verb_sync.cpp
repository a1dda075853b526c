// tendonctl sync status | sync now [SOURCE] | sync login SOURCE: platform sync (docs/sync.md).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <unistd.h>

#include <ctime>
#include <iostream>

#include "cli_error.h"
#include "core/hex.h"
#include "exit_codes.h"
#include "json_read.h"
#include "text_table.h"
#include "verbs.h"

namespace tendon::cli {

namespace {

constexpr int kLoginWaitMs = 5 * 60 * 1000;  // a person has five minutes to click "Authorize"

std::string when(const rapidjson::Value& source, const char* name) {
  const rapidjson::Value* v = json_read::optional_member(source, name);
  if (v == nullptr || !v->IsInt64()) return "-";
  const std::time_t t = static_cast<std::time_t>(v->GetInt64());
  std::tm local{};
  localtime_r(&t, &local);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &local);
  return text;
}

std::string budget(const rapidjson::Value& source) {
  const auto short_left = json_read::optional_number(source, "rate_short_window_left");
  const auto daily_left = json_read::optional_number(source, "rate_daily_left");
  if (!short_left && !daily_left) return "-";
  auto count = [](const std::optional<double>& n) { return n ? std::to_string(static_cast<long long>(*n)) : "?"; };
  return count(short_left) + " / " + count(daily_left) + " today";
}

std::string status_text(const rapidjson::Value& result) {
  const rapidjson::Value* sources = json_read::optional_member(result, "sources");
  if (sources == nullptr || !sources->IsArray() || sources->Empty()) {
    return "No sync source is configured (add [sync.strava] or [sync.intervals] to the config; see docs/sync.md).\n";
  }
  TextTable table({"source", "athlete", "last run", "next run", "imported", "rate budget left", "last error"});
  for (const auto& s : sources->GetArray()) {
    const std::string error = json_read::text(s, "last_error");
    table.add({json_read::text(s, "source"), json_read::text(s, "athlete"), when(s, "last_run_at"), when(s, "next_run_at"),
               std::to_string(json_read::integer(s, "imported")), budget(s), error.empty() ? "-" : error});
  }
  return table.text();
}

std::string started_text(const rapidjson::Value&) { return "Sync round started; see 'tendonctl sync status'.\n"; }

// The value of `name` in the request line's query ("GET /strava?state=..&code=.. HTTP/1.1").
std::string query_value(const std::string& request_line, const std::string& name) {
  const auto query = request_line.find('?');
  if (query == std::string::npos) return "";
  for (auto at = query + 1; at < request_line.size();) {
    const auto end = request_line.find_first_of("& ", at);
    const std::string pair = request_line.substr(at, end == std::string::npos ? std::string::npos : end - at);
    if (pair.rfind(name + "=", 0) == 0) return pair.substr(name.size() + 1);
    if (end == std::string::npos || request_line[end] == ' ') break;
    at = end + 1;
  }
  return "";
}

// A fresh random value for the authorization's `state`: the redirect must carry it back, so
// a page that sends the browser to the loopback address with a code of its own is refused.
std::string random_state() {
  unsigned char bytes[16];
  if (::getrandom(bytes, sizeof bytes, 0) != static_cast<ssize_t>(sizeof bytes)) {
    throw CliError(kExitError, "no random bytes for the authorization state");
  }
  return lower_hex(bytes, sizeof bytes);
}

// Waits on 127.0.0.1 for the browser's redirect and answers it; the code, or "" when the
// person refused, the state did not match or nothing came in time.
std::string receive_code(int listener, const std::string& state) {
  pollfd p{listener, POLLIN, 0};
  if (::poll(&p, 1, kLoginWaitMs) <= 0) return "";
  const int client = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
  if (client < 0) return "";
  std::string request;
  char buffer[4096];
  while (request.find("\r\n") == std::string::npos && request.size() < 16384) {
    pollfd c{client, POLLIN, 0};
    if (::poll(&c, 1, 10'000) <= 0) break;
    const ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    request.append(buffer, static_cast<std::size_t>(n));
  }
  const std::string line = request.substr(0, request.find("\r\n"));
  const std::string code = query_value(line, "state") == state ? query_value(line, "code") : "";
  const std::string page = code.empty() ? "Tendon was not authorized. You can close this tab."
                                        : "Tendon is connected. You can close this tab.";
  const std::string answer = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " +
                             std::to_string(page.size()) + "\r\nConnection: close\r\n\r\n" + page;
  (void)!::send(client, answer.data(), answer.size(), MSG_NOSIGNAL);
  ::close(client);
  return code;
}

int login_strava(Invocation& run, const rapidjson::Value& source) {
  const auto client_id = json_read::optional_text(source, "client_id");
  if (!client_id) throw CliError(kExitError, "[sync.strava] has no client_id (see docs/sync.md for creating a Strava API application)");
  const std::string authorize = json_read::optional_text(source, "base_url").value_or("https://www.strava.com");
  const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof address;
  if (listener < 0 || ::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(listener, 1) != 0 || ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
    if (listener >= 0) ::close(listener);
    throw CliError(kExitError, "cannot listen on 127.0.0.1 for Strava's answer");
  }
  const std::string redirect = "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port)) + "/strava";
  const std::string state = random_state();
  std::cerr << "Open this address in a browser and allow Tendon to read your activities:\n\n  " << authorize
            << "/oauth/authorize?client_id=" << *client_id << "&response_type=code&redirect_uri=" << redirect
            << "&approval_prompt=auto&scope=read,activity:read_all,profile:read_all&state=" << state
            << "\n\nWaiting for Strava..." << std::endl;
  const std::string code = receive_code(listener, state);
  ::close(listener);
  if (code.empty()) throw CliError(kExitError, "no authorization came from Strava (refused, not for this login, or five minutes passed)");
  JsonParams params;
  params.set("source", "strava").set("code", code).set("redirect_uri", redirect);
  return run.show(run.daemon("sync login").call("Sync.Login", params.text()), started_text);
}

int login_intervals(Invocation& run) {
  std::cerr << "intervals.icu API key (Settings > Developer Settings): " << std::flush;
  std::string key;
  std::getline(std::cin, key);
  while (!key.empty() && (key.back() == '\r' || key.back() == ' ')) key.pop_back();
  if (key.empty()) throw CliError(kExitError, "no API key given");
  JsonParams params;
  params.set("source", "intervals").set("api_key", key);
  return run.show(run.daemon("sync login").call("Sync.Login", params.text()), started_text);
}

int login(Invocation& run) {
  const auto& args = run.args();
  if (args.positional.size() != 2) throw UsageError("sync login needs a SOURCE: strava or intervals");
  const std::string& name = args.positional[1];
  const auto status = run.daemon("sync login").call("Sync.Status", "{}");
  const rapidjson::Value* sources = json_read::optional_member(status, "sources");
  if (sources == nullptr || !sources->IsArray()) throw CliError(kExitError, "tendond answered Sync.Status without sources");
  for (const auto& s : sources->GetArray()) {
    if (json_read::text(s, "source") != name) continue;
    if (name == "strava") return login_strava(run, s);
    if (name == "intervals") return login_intervals(run);
    throw UsageError("sync login knows strava and intervals, not '" + name + "'");
  }
  throw CliError(kExitNotFound, "no [sync." + name + "] section in tendond's config");
}

}  // namespace

int verb_sync(Invocation& run) {
  const auto& args = run.args();
  const std::string what = args.positional.empty() ? "status" : args.positional[0];
  if (what == "status") {
    if (args.positional.size() > 1) throw UsageError("sync status takes no further arguments");
    return run.show(run.channel().call("Sync.Status", "{}"), status_text);
  }
  if (what == "now") {
    if (args.positional.size() > 2) throw UsageError("sync now takes at most one SOURCE");
    JsonParams params;
    if (args.positional.size() == 2) params.set("source", args.positional[1]);
    return run.show(run.daemon("sync now").call("Sync.Now", params.text()), started_text);
  }
  if (what == "login") return login(run);
  throw UsageError("sync takes status, now [SOURCE] or login SOURCE, not '" + what + "'");
}

}  // namespace tendon::cli
