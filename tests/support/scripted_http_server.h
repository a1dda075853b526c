#pragma once
// A real HTTP/1.1 server on 127.0.0.1 (port chosen by the kernel) for webhook and sync
// tests: it records every request (method, target, headers, body) and answers each with
// the next scripted answer (status, headers, a delay), else with what the handler answers
// (a fake service routing by target), else with the default answer. One connection
// at a time, "Connection: close". A delayed answer ends early when the client hangs up.
#include <atomic>
#include <chrono>
#include <deque>
#include <functional>
#include <optional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace tendon::testing {

struct RecordedRequest {
  std::string method;
  std::string target;
  std::map<std::string, std::string> headers;  // names lower-case
  std::string body;
  // The header's value, "" when absent (name in any case).
  std::string header(const std::string& name) const;
};

struct ScriptedAnswer {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body = "ok";
  std::chrono::milliseconds delay{0};  // before answering
};

class ScriptedHttpServer {
 public:
  ScriptedHttpServer();
  ~ScriptedHttpServer();
  ScriptedHttpServer(const ScriptedHttpServer&) = delete;
  ScriptedHttpServer& operator=(const ScriptedHttpServer&) = delete;

  int port() const { return port_; }
  std::string url(const std::string& path = "/hook") const;
  // Answers for the next requests, in order (appended to what is still scripted).
  void script(std::vector<ScriptedAnswer> answers);
  void set_default(ScriptedAnswer answer);
  // Answers a request when nothing is scripted; nullopt: the default answer. Runs on the
  // server's thread, one request at a time.
  using Handler = std::function<std::optional<ScriptedAnswer>(const RecordedRequest&)>;
  void set_handler(Handler handler);
  std::vector<RecordedRequest> requests() const;
  std::size_t request_count() const;

 private:
  void serve();
  void handle(int client);

  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  mutable std::mutex mutex_;
  std::deque<ScriptedAnswer> script_;
  ScriptedAnswer default_;
  Handler handler_;
  std::vector<RecordedRequest> requests_;
  std::thread thread_;
};

// A port on 127.0.0.1 that nothing listens on (bound, then closed): connection refused.
int closed_port();

}  // namespace tendon::testing
