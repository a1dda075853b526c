#include "delivery/webhook/send_test_webhooks.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <ctime>
#include <random>

#include "delivery/webhook/http_post.h"
#include "delivery/webhook/log_safety.h"
#include "delivery/webhook/webhook_request.h"

namespace tendon {

namespace {

// The alert a test sends: shaped like an outbox payload, with "test": true and a message
// nobody can mistake for a real warning.
std::string test_payload(const WebhookConfig& endpoint, Instant now) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  const std::string message = "Tendon test alert: webhook " + endpoint.name + " works. This is not a real alert.";
  w.StartObject();
  w.Key("test"), w.Bool(true);
  w.Key("id"), w.Int64(0);
  w.Key("athlete"), w.String("");
  w.Key("kind"), w.String("test");
  w.Key("category"), w.String("");
  w.Key("severity"), w.String("warning");
  w.Key("at"), w.Int64(now);
  w.Key("message"), w.String(message.c_str(), static_cast<rapidjson::SizeType>(message.size()));
  w.Key("advice"), w.String("Nothing to do.");
  w.Key("evidence"), w.String("");
  w.Key("activity_id"), w.Int64(0);
  w.Key("activity"), w.String("");
  w.Key("figures"), w.StartArray(), w.EndArray();
  w.EndObject();
  return buffer.GetString();
}

std::string random_key() {
  std::random_device device;
  std::uniform_int_distribution<int> digit(0, 15);
  std::string key = "test-";
  for (int i = 0; i < 32; ++i) key.push_back("0123456789abcdef"[digit(device)]);
  return key;
}

ChannelTestResult test_one(const WebhookConfig& endpoint) {
  ChannelTestResult result{"webhook:" + endpoint.name, false, ""};
  try {
    const auto now = static_cast<Instant>(std::time(nullptr));
    const auto request = webhook::build_request(endpoint, DeliveryEvent::raised, test_payload(endpoint, now), random_key());
    const auto outcome =
        webhook::http_post(endpoint.url, request.headers, request.body, std::chrono::seconds(endpoint.timeout_s));
    const std::string elapsed = std::to_string(outcome.elapsed.count()) + " ms";
    if (outcome.status == 0) {
      result.detail = outcome.error + " (after " + elapsed + ")";
    } else {
      result.ok = outcome.status >= 200 && outcome.status <= 299;
      result.detail = "HTTP " + std::to_string(outcome.status) + " in " + elapsed;
      if (!result.ok && !outcome.response_excerpt.empty()) result.detail += ": " + outcome.response_excerpt;
    }
  } catch (const std::exception& e) {
    result.detail = e.what();
  }
  result.detail = webhook::redact(result.detail, endpoint) + " (" + webhook::url_for_log(endpoint.url) + ")";
  return result;
}

}  // namespace

std::vector<ChannelTestResult> send_test_webhooks(const Config& config) {
  std::vector<ChannelTestResult> results;
  for (const auto& endpoint : config.webhooks) results.push_back(test_one(endpoint));
  return results;
}

}  // namespace tendon
