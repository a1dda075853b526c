// tendonctl alerts / ack / snooze: the alerts and what the runner did about them.
#include <iostream>

#include "event_stream.h"
#include "exit_codes.h"
#include "json_read.h"
#include "text_views.h"
#include "units.h"
#include "verbs.h"

namespace tendon::cli {

namespace {

int severity_rank(const std::string& severity) {
  if (severity == "critical") return 2;
  if (severity == "warning") return 1;
  return 0;
}

// Whose alerts: --everyone, --athlete, else the default athlete, whose name only the
// service knows (the daemon's config, not ours).
std::optional<std::string> whose_alerts(Invocation& run) {
  const auto& args = run.args();
  if (args.flag("everyone")) {
    if (args.option("athlete")) throw UsageError("--everyone and --athlete exclude each other");
    return std::nullopt;
  }
  if (const auto athlete = args.option("athlete")) return athlete;
  return json_read::text(run.channel().call("Athlete.List", "{}"), "default");
}

// Alert.Raised / Alert.Withdrawn events for the alerts the listing showed.
void follow(control::Client& client, bool json, const std::optional<std::string>& athlete, int min_rank) {
  print_events(client, json, [&](const rapidjson::Value& event) {
    const auto* params = json_read::optional_member(event, "params");
    if (params == nullptr) return false;
    const auto event_athlete = json_read::optional_text(*params, "athlete");
    const auto severity = json_read::optional_text(*params, "severity");
    return (!athlete || event_athlete == athlete) && severity_rank(severity.value_or("info")) >= min_rank;
  });
}

}  // namespace

namespace {

// "desktop: ok, notification 12" per channel; channels the config leaves off are named too.
std::string channel_tests_text(const rapidjson::Value& result) {
  std::string text;
  const auto& channels = result["channels"];
  for (const auto& c : channels.GetArray()) {
    text += json_read::text(c, "channel") + ": " + (c["ok"].GetBool() ? "" : "FAILED, ") + json_read::text(c, "detail") + "\n";
  }
  for (const auto& off : result["off"].GetArray()) text += std::string(off.GetString()) + ": off in the config\n";
  if (channels.Empty()) text += "No delivery channel is on: alerts are listed and sent to socket subscribers only.\n";
  return text;
}

// Exit 0 when every channel took the test alert, 3 when some did, 1 when none did.
int channel_tests_exit(const rapidjson::Value& result) {
  std::size_t ok = 0, total = 0;
  for (const auto& c : result["channels"].GetArray()) {
    ++total;
    ok += c["ok"].GetBool() ? 1 : 0;
  }
  if (ok == total) return kExitOk;
  return ok == 0 ? kExitError : kExitPartial;
}

// tendonctl alerts test: a test alert through every channel tendond delivers to.
int test_delivery(Invocation& run) {
  if (run.args().positional.size() != 1) throw UsageError("alerts test takes no further arguments");
  const auto result = run.daemon("alerts test").call("Alert.Test", "{}");
  run.show(result, channel_tests_text);
  return channel_tests_exit(result);
}

}  // namespace

int verb_alerts(Invocation& run) {
  const auto& args = run.args();
  if (!args.positional.empty() && args.positional[0] == "test") return test_delivery(run);
  require_no_arguments(args);
  JsonParams params;
  int min_rank = 0;
  if (const auto s = args.option("severity")) {
    if (*s != "info" && *s != "warning" && *s != "critical") {
      throw UsageError("--severity is info, warning or critical, not '" + *s + "'");
    }
    params.set("min_severity", *s);
    min_rank = severity_rank(*s);
  }
  if (args.flag("all")) params.set("all", true);
  if (const auto now = args.option("now")) params.set("now", *now);
  // Subscribed before listing, so that nothing raised in between is missed.
  control::Client* events = nullptr;
  if (args.flag("follow")) {
    events = &run.daemon("alerts --follow").client();
    subscribe(*events, {"Alert.Raised", "Alert.Withdrawn"});
  }
  const auto athlete = whose_alerts(run);
  if (athlete) params.set("athlete", *athlete);
  run.show(run.channel().call("Alert.List", params.text()), alerts_text);
  if (events != nullptr) {
    std::cout.flush();
    std::cerr << "tendonctl: following new alerts (Ctrl-C ends)" << std::endl;
    follow(*events, run.json(), athlete, min_rank);
  }
  return 0;
}

namespace {

std::int64_t alert_id_argument(const Arguments& args) {
  if (args.positional.empty()) throw UsageError(args.verb + " needs an alert ID (see 'tendonctl alerts')");
  std::size_t used = 0;
  long long id = 0;
  try {
    id = std::stoll(args.positional[0], &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != args.positional[0].size() || id <= 0) {
    throw UsageError("alert ID must be a positive number, not '" + args.positional[0] + "'");
  }
  return id;
}

std::string acknowledged_text(const rapidjson::Value& r) {
  return "Alert " + std::to_string(json_read::integer(r, "id")) + " acknowledged.\n";
}

std::string snoozed_text(const rapidjson::Value& r) {
  return "Alert " + std::to_string(json_read::integer(r, "id")) + " snoozed until " + json_read::text(r, "until") + ".\n";
}

}  // namespace

int verb_ack(Invocation& run) {
  const std::int64_t id = alert_id_argument(run.args());
  if (run.args().positional.size() > 1) throw UsageError("ack takes one alert ID");
  JsonParams params = run.params();
  return run.show(run.channel().call("Alert.Acknowledge", params.set("id", id).text()), acknowledged_text);
}

int verb_snooze(Invocation& run) {
  const auto& args = run.args();
  const std::int64_t id = alert_id_argument(args);
  if (args.positional.size() != 2) throw UsageError("snooze needs an alert ID and a duration such as 2d or 12h");
  const auto seconds = parse_duration(args.positional[1]);
  if (!seconds || *seconds <= 0) {
    throw UsageError("duration is a number with s, m, h, d or w, not '" + args.positional[1] + "'");
  }
  JsonParams params = run.params();
  params.set("id", id).set("seconds", static_cast<std::int64_t>(*seconds));
  return run.show(run.channel().call("Alert.Snooze", params.text()), snoozed_text);
}

}  // namespace tendon::cli
