// tendonctl watch / reload: what only a running tendond does.
#include <iostream>
#include <sstream>

#include "event_stream.h"
#include "watch_desktop.h"
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

// --min-severity LEVEL (default warning), as [push] min_severity.
Severity desktop_min_severity(const Arguments& args) {
  const auto text = args.option("min-severity");
  if (!text) return Severity::warning;
  const auto severity = parse_severity(*text);
  if (!severity) throw UsageError("--min-severity must be info, warning or critical, not '" + *text + "'");
  return *severity;
}

int verb_watch(Invocation& run) {
  require_no_arguments(run.args());
  if (run.args().flag("desktop")) {
    if (run.args().option("events")) throw UsageError("--desktop forwards alert events; it takes no --events");
    return forward_alerts_to_desktop(run.daemon("watch --desktop").client(), desktop_min_severity(run.args()));
  }
  if (run.args().option("min-severity")) throw UsageError("--min-severity goes with --desktop");
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
