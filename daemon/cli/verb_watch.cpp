// tendonctl watch / reload: what only a running tendond does.
#include <iostream>
#include <sstream>

#include "event_stream.h"
#include "verbs.h"

namespace tendon::cli {

namespace {

// "Import.*,Alert.Raised" -> its patterns.
std::vector<std::string> event_patterns(const std::string& list) {
  std::vector<std::string> patterns;
  std::istringstream in(list);
  std::string pattern;
  while (std::getline(in, pattern, ',')) {
    if (!pattern.empty()) patterns.push_back(pattern);
  }
  if (patterns.empty()) throw UsageError("--events needs names such as Import.*,Alert.Raised, not '" + list + "'");
  return patterns;
}

std::string reloaded_text(const rapidjson::Value&) { return "tendond reloaded its config.\n"; }

}  // namespace

int verb_watch(Invocation& run) {
  require_no_arguments(run.args());
  std::vector<std::string> patterns;
  if (const auto list = run.args().option("events")) patterns = event_patterns(*list);
  control::Client& client = run.daemon("watch").client();
  subscribe(client, patterns);
  // On stderr, so that --json output stays pure; it also tells a script the watch is live.
  std::cerr << "tendonctl: watching tendond's events (Ctrl-C ends)" << std::endl;
  print_events(client, run.json());
  return 0;
}

int verb_reload(Invocation& run) {
  require_no_arguments(run.args());
  return run.show(run.daemon("reload").call("Daemon.Reload"), reloaded_text);
}

}  // namespace tendon::cli
