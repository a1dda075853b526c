// tendonctl: the command-line face of Tendon. Until the control socket exists it opens
// the database itself (offline mode); every verb has --json for scripts.
#include <iostream>
#include <map>

#include "config/config.h"
#include "exit_codes.h"
#include "store/store.h"
#include "tendon/version.h"
#include "verbs.h"

namespace {

using namespace tendon::cli;

struct Verb {
  int (*run)(const Arguments&);
  const char* usage;
  const char* help;
};

const std::map<std::string, Verb>& verbs() {
  static const std::map<std::string, Verb> table = {
      {"import", {verb_import, "import FILE...", "Import activity files (activity log .jsonl/.csv) and show the alerts they raise."}},
      {"status", {verb_status, "status", "Longest run of the last 30 days, safe ceiling today and when it changes, this week vs last, ACWR, habitual drop, shoes."}},
      {"runs", {verb_runs, "runs [--limit N | --all]", "Stored activities, newest first (20 by default)."}},
      {"alerts", {verb_alerts, "alerts [--all] [--severity LEVEL] [--everyone]", "Alerts that are not withdrawn (--all: withdrawn too; --everyone: all athletes)."}},
      {"ack", {verb_ack, "ack ALERT_ID", "Acknowledge an alert."}},
      {"snooze", {verb_snooze, "snooze ALERT_ID DURATION", "Snooze an alert for a while (90m, 12h, 2d, 1w)."}},
      {"plan", {verb_plan, "plan DISTANCE", "Would a run of this distance be a spike today? (18, 18km, 18000m, 10mi)"}},
      {"checkin", {verb_checkin, "checkin [--during N] [--after N] [--morning N] [--at TIME] [--activity ID]", "Log pain during / after a run and next-morning pain or stiffness, each 0-10."}},
  };
  return table;
}

void print_help(std::ostream& out) {
  out << "usage: tendonctl [--config FILE] [--athlete NAME] [--json] [--now TIME] VERB [ARGS]\n\nverbs:\n";
  for (const auto& [name, verb] : verbs()) out << "  " << verb.usage << "\n      " << verb.help << "\n";
  out << "\nCommon options:\n"
         "  --config FILE   config file (default: $XDG_CONFIG_HOME/tendon/tendon.toml, else built-in defaults)\n"
         "  --athlete NAME  which athlete (default: the first in the config)\n"
         "  --json          machine-readable output\n"
         "  --now TIME      judge as of this instant (RFC 3339), e.g. to replay a history\n"
         "Exit codes: 0 ok, 1 error, 2 usage, 3 partly done (skipped records listed), 4 not found.\n";
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Arguments args =
        parse_arguments(argc, argv, {"config", "athlete", "now", "limit", "severity", "during", "after", "morning", "at", "activity"});
    if (args.flag("version") || args.verb == "version") {
      std::cout << "tendonctl " << TENDON_VERSION << "\n";
      return kExitOk;
    }
    if (args.verb.empty() || args.verb == "help") {
      print_help(args.verb.empty() && !args.flag("help") ? std::cerr : std::cout);
      return args.verb.empty() && !args.flag("help") ? kExitUsage : kExitOk;
    }
    const auto it = verbs().find(args.verb);
    if (it == verbs().end()) throw UsageError("unknown verb '" + args.verb + "' (see tendonctl --help)");
    if (args.flag("help")) {
      std::cout << "usage: tendonctl " << it->second.usage << "\n" << it->second.help << "\n";
      return kExitOk;
    }
    return it->second.run(args);
  } catch (const UsageError& e) {
    std::cerr << "tendonctl: " << e.what() << "\n";
    return kExitUsage;
  } catch (const std::exception& e) {
    // Config, store and catalogue errors already name their file and line.
    std::cerr << "tendonctl: " << e.what() << "\n";
    return kExitError;
  }
}
