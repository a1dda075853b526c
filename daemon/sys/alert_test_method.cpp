#include "alert_test_method.h"

#include <memory>
#include <vector>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "delivery/desktop/daemon_notifier.h"
#include "delivery/desktop/test_notification.h"
#include "delivery/webhook/send_test_webhooks.h"

namespace tendon {
namespace {

struct TestOutcome {
  std::vector<ChannelTestResult> results;
  std::vector<std::string> off;  // channels the config leaves off, said so rather than hidden
};

// Blocking (network, session bus): runs off the loop, on a copy of the config.
TestOutcome send_tests(const Config& config, bool desktop_on) {
  TestOutcome outcome;
  if (desktop_on) outcome.results.push_back(desktop::send_test());
  else outcome.off.push_back("desktop");
  for (auto& result : send_test_webhooks(config)) outcome.results.push_back(std::move(result));
  return outcome;
}

control::JsonText outcome_json(const TestOutcome& outcome) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  w.Key("channels");
  w.StartArray();
  for (const auto& r : outcome.results) {
    w.StartObject();
    w.Key("channel");
    w.String(r.channel.c_str());
    w.Key("ok");
    w.Bool(r.ok);
    w.Key("detail");
    w.String(r.detail.c_str());
    w.EndObject();
  }
  w.EndArray();
  w.Key("off");
  w.StartArray();
  for (const auto& name : outcome.off) w.String(name.c_str());
  w.EndArray();
  w.EndObject();
  return control::JsonText::raw(buffer.GetString());
}

}  // namespace

void register_alert_test_method(control::MethodTable& table, ServiceContext& ctx, bool system_mode) {
  table.add(
      {"Alert.Test", control::Tier::control,
       "Sends a test alert through every delivery channel (desktop, each webhook) and answers with each "
       "channel's result; channels the config leaves off are listed as off",
       "{}"},
      control::AsyncHandler([&ctx, system_mode](const rapidjson::Value&, const control::Caller&,
                                                control::Responder responder) {
        auto config = std::make_shared<Config>(ctx.config);
        const bool desktop_on = desktop::desktop_notifications_on(*config, system_mode);
        auto outcome = std::make_shared<TestOutcome>();
        ctx.run_off_loop([config, desktop_on, outcome] { *outcome = send_tests(*config, desktop_on); },
                         [outcome, responder] { responder.reply(outcome_json(*outcome)); });
      }));
}

}  // namespace tendon
