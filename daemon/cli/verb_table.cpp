#include "verb_table.h"

#include <sstream>

namespace tendon::cli {

namespace {

const OptionHelp kAthlete{"athlete", "NAME", "which athlete (default: the config's first)"};
const OptionHelp kNow{"now", "TIME", "judge as of this RFC 3339 instant, e.g. to replay a history"};

}  // namespace

const std::map<std::string, VerbSpec>& verb_table() {
  static const std::map<std::string, VerbSpec> table = {
      {"import",
       {verb_import, "import FILE...",
        "Import activity files (FIT, GPX, TCX, gzipped or not; activity logs .jsonl/.csv) and show the alerts they "
        "raise. Each file is opened here and its descriptor passed to the daemon, which needs no access to the folder.",
        {{"athlete", "NAME", "records without an athlete go to this one"}, kNow}}},
      {"status",
       {verb_status, "status",
        "Longest run of the last 30 days, safe ceiling today and when it changes, this week vs last, ACWR, habitual "
        "drop, shoes.",
        {kAthlete, kNow}}},
      {"runs",
       {verb_runs, "runs [--limit N | --all]", "Stored activities, newest first (20 by default).",
        {kAthlete, {"limit", "N", "show N activities"}, {"all", "", "show every activity"}}}},
      {"alerts",
       {verb_alerts, "alerts [--all] [--severity LEVEL] [--everyone] [--follow] | alerts test",
        "Alerts that are not withdrawn. With --follow, keeps running and prints each alert raised or withdrawn as it "
        "happens, until interrupted (needs tendond). 'alerts test' sends a test alert through every delivery channel "
        "(desktop, webhooks) and shows each one's result (exit 0 all took it, 3 some, 1 none).",
        {kAthlete,
         {"all", "", "withdrawn alerts too"},
         {"severity", "LEVEL", "only this severity and above: info, warning, critical"},
         {"everyone", "", "every athlete's alerts"},
         {"follow", "", "then print new alerts as they come (Ctrl-C ends)"},
         kNow}}},
      {"ack", {verb_ack, "ack ALERT_ID", "Acknowledge an alert.", {kNow}}},
      {"snooze",
       {verb_snooze, "snooze ALERT_ID DURATION", "Snooze an alert for a while (90m, 12h, 2d, 1w); it is active again afterwards.",
        {kNow}}},
      {"plan",
       {verb_plan, "plan DISTANCE", "Would a run of this distance be a spike today? (18, 18km, 18000m, 10mi)",
        {kAthlete, kNow}}},
      {"checkin",
       {verb_checkin, "checkin [--during N] [--after N] [--morning N] [--at TIME] [--activity ID]",
        "Log pain during / after a run and next-morning pain or stiffness, each 0-10.",
        {kAthlete,
         {"during", "N", "pain during the run, 0-10"},
         {"after", "N", "pain after the run, 0-10"},
         {"morning", "N", "next-morning pain or stiffness, 0-10"},
         {"at", "TIME", "when (RFC 3339; default now)"},
         {"activity", "ID", "the run it is about (its source id, see 'tendonctl runs')"},
         kNow}}},
      {"shoes", {verb_shoes, "shoes", "An athlete's shoes: drop and where it came from, distance, limit, last use.", {kAthlete}}},
      {"shoe",
       {verb_shoe, "shoe set NAME [--drop MM] [--brand B] [--model M] [--limit KM] | shoe retire NAME [--undo]",
        "Add or change a shoe the config does not list (set), or retire it (retire; --undo puts it back in use).",
        {kAthlete,
         {"drop", "MM", "set: heel-to-toe drop in mm"},
         {"brand", "B", "set: the maker"},
         {"model", "M", "set: the model (with the brand, the catalogue may know its drop)"},
         {"limit", "KM", "set: replace the shoe at this distance"},
         {"undo", "", "retire: back in use"}}}},
      {"squad",
       {verb_squad, "squad",
        "One row per athlete, worst first: last run, 30-day longest, safe ceiling, this week vs last, ACWR, active "
        "alerts by severity.",
        {kNow}}},
      {"watch",
       {verb_watch, "watch [--events LIST] | watch --desktop [--min-severity LEVEL]",
        "Print each event of the daemon as a line as it happens (imports, alerts); with --json one JSON object per "
        "line. Ends when the daemon closes the connection (needs tendond). With --desktop, show its alerts as desktop "
        "notifications instead (for a tendond running as a system service; exit 5 when it goes away).",
        {{"events", "LIST", "comma-separated names or patterns: Import.*,Alert.Raised (default: every event)"},
         {"desktop", "", "forward alerts to the desktop's notifications (runs of the last 72 h)"},
         {"min-severity", "LEVEL", "with --desktop: info, warning (default) or critical"}}}},
      {"reload", {verb_reload, "reload", "Make tendond read its config again (needs tendond).", {}}},
      {"sync",
       {verb_sync, "sync [status] | sync now [SOURCE] | sync login SOURCE",
        "Platform sync (Strava, intervals.icu): each source's last and next round, last error and rate budget "
        "(status); a round now (now, needs tendond); connect a source (login strava: authorize in a browser; login "
        "intervals: paste the API key; needs tendond).",
        {}}},
  };
  return table;
}

const std::vector<OptionHelp>& common_options() {
  static const std::vector<OptionHelp> options = {
      {"json", "", "machine-readable output"},
      {"socket", "PATH", "tendond's control socket (default: $TENDON_SOCKET, else the user's, else the system's)"},
      {"offline", "", "open the database directly instead of asking tendond"},
      {"config", "FILE", "with --offline: the config file (default: $XDG_CONFIG_HOME/tendon/tendon.toml)"},
  };
  return options;
}

std::set<std::string> valued_options() {
  std::set<std::string> valued;
  for (const auto& option : common_options()) {
    if (!option.value.empty()) valued.insert(option.name);
  }
  for (const auto& [name, verb] : verb_table()) {
    for (const auto& option : verb.options) {
      if (!option.value.empty()) valued.insert(option.name);
    }
  }
  return valued;
}

std::set<std::string> allowed_options(const VerbSpec& verb) {
  std::set<std::string> allowed{"help"};
  for (const auto& option : common_options()) allowed.insert(option.name);
  for (const auto& option : verb.options) allowed.insert(option.name);
  return allowed;
}

namespace {

void option_lines(std::ostringstream& out, const std::vector<OptionHelp>& options) {
  for (const auto& o : options) {
    std::string head = "  --" + o.name + (o.value.empty() ? "" : " " + o.value);
    if (head.size() < 20) head.append(20 - head.size(), ' ');
    else head += "  ";
    out << head << o.help << "\n";
  }
}

const char* kModesAndExitCodes =
    "\nWithout --offline tendonctl asks the running tendond over its control socket; with --offline it opens the\n"
    "database itself (the same answers; no events, no reload).\n"
    "Exit codes: 0 ok, 1 error, 2 usage, 3 partly done (skipped records listed), 4 not found,\n"
    "5 tendond not running (no socket, or nobody listening), 6 permission refused by tendond.\n";

}  // namespace

std::string general_help() {
  std::ostringstream out;
  out << "usage: tendonctl [--offline [--config FILE] | --socket PATH] [--athlete NAME] [--json] [--now TIME] VERB [ARGS]\n"
         "\nverbs:\n";
  for (const auto& [name, verb] : verb_table()) out << "  " << verb.usage << "\n      " << verb.help << "\n";
  out << "\nCommon options:\n";
  option_lines(out, common_options());
  option_lines(out, {kAthlete, kNow});
  out << "'tendonctl VERB --help' lists a verb's options.\n" << kModesAndExitCodes;
  return out.str();
}

std::string verb_help(const VerbSpec& verb) {
  std::ostringstream out;
  out << "usage: tendonctl " << verb.usage << "\n" << verb.help << "\n";
  if (!verb.options.empty()) {
    out << "\noptions:\n";
    option_lines(out, verb.options);
  }
  out << "\ncommon options:\n";
  option_lines(out, common_options());
  out << kModesAndExitCodes;
  return out.str();
}

}  // namespace tendon::cli
