// The outbox worker: a real store file, the worker's own connection and thread, a real
// HTTP server on 127.0.0.1 answering as scripted.
#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <thread>

#include "delivery/webhook/hmac_signature.h"
#include "delivery/webhook/webhook_worker.h"
#include "support/scripted_http_server.h"
#include "webhook_fixture.h"

namespace tendon::test {
namespace {

using namespace std::chrono_literals;
using testing::ScriptedAnswer;
using testing::ScriptedHttpServer;
using webhook::RetryPolicy;
using webhook::WebhookWorker;

constexpr const char* kToken = "tok-never-logged";
constexpr const char* kSecret = "mac-never-logged";

bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds limit = 15s) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!condition()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(20ms);
  }
  return true;
}

class WebhookWorkerTest : public OutboxFixture {
 protected:
  WebhookConfig endpoint(const std::string& url) const {
    WebhookConfig w;
    w.name = "home";
    w.url = url;
    w.bearer_token = kToken;
    w.hmac_secret = kSecret;
    w.timeout_s = 1;
    return w;
  }
  // One alert raised and queued for "home", committed.
  std::int64_t queue_raise() {
    Store::Transaction tx(store());
    const auto id =
        store().upsert_alert("anna", stored_alert(3600, Severity::warning, "run-" + std::to_string(++runs_)), wall_now());
    const auto row = store().queue_delivery("home", id, DeliveryEvent::raised, wall_now());
    tx.commit();
    return row;
  }
  OutboxRow row(std::int64_t id) {
    for (auto& r : store().outbox_rows()) {
      if (r.id == id) return r;
    }
    throw std::runtime_error("no outbox row " + std::to_string(id));
  }
  std::unique_ptr<WebhookWorker> start_worker(const WebhookConfig& e) {
    RetryPolicy fast;
    fast.base = 20ms;
    auto worker = std::make_unique<WebhookWorker>(database(), std::vector<WebhookConfig>{e}, log_, fast);
    worker->start();
    return worker;
  }

  std::ostringstream log_;  // read only after the worker stopped
  int runs_ = 0;
};

TEST_F(WebhookWorkerTest, SendsOnceWithAuthSignatureAndIdempotencyKey) {
  ScriptedHttpServer server;
  const auto id = queue_raise();
  auto worker = start_worker(endpoint(server.url("/hook?token=q")));
  ASSERT_TRUE(eventually([&] { return row(id).state == DeliveryState::sent; }));
  worker->stop();
  ASSERT_EQ(server.request_count(), 1u);
  const auto request = server.requests()[0];
  EXPECT_EQ(request.header("authorization"), std::string("Bearer ") + kToken);
  EXPECT_EQ(request.header("x-tendon-signature"), "sha256=" + webhook::hmac_sha256_hex(kSecret, request.body));
  EXPECT_EQ(request.header("idempotency-key"), row(id).idempotency_key);
  EXPECT_EQ(request.header("user-agent").rfind("tendond/", 0), 0u);
  EXPECT_EQ(row(id).attempts, 1);
  const std::string log = log_.str();
  EXPECT_NE(log.find("webhook home (" + server.url("/hook") + "): alert"), std::string::npos) << log;
  EXPECT_EQ(log.find("token=q"), std::string::npos) << log;
  EXPECT_EQ(log.find(kToken), std::string::npos) << log;
  EXPECT_EQ(log.find(kSecret), std::string::npos) << log;
}

TEST_F(WebhookWorkerTest, RetriesTooManyRequestsServerErrorsAndTimeoutsWithTheSameKey) {
  ScriptedHttpServer server;
  server.script({ScriptedAnswer{429, {{"Retry-After", "1"}}, "busy", 0ms}, ScriptedAnswer{500, {}, "oops", 0ms},
                 ScriptedAnswer{200, {}, "late", 5s}, ScriptedAnswer{503, {}, "", 0ms}});
  const auto id = queue_raise();
  const auto started = std::chrono::steady_clock::now();
  auto worker = start_worker(endpoint(server.url()));
  ASSERT_TRUE(eventually([&] { return row(id).state == DeliveryState::sent; }, 30s)) << row(id).last_error;
  EXPECT_GE(std::chrono::steady_clock::now() - started, 1s) << "Retry-After: 1 was honoured";
  worker->stop();
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 5u);
  std::set<std::string> keys;
  for (const auto& r : requests) keys.insert(r.header("idempotency-key"));
  EXPECT_EQ(keys, std::set<std::string>{row(id).idempotency_key}) << "every attempt carries the row's key";
  EXPECT_EQ(requests[0].body, requests[4].body);
  EXPECT_EQ(row(id).attempts, 5);
  const std::string log = log_.str();
  EXPECT_NE(log.find("attempt 1 failed (HTTP 429: busy)"), std::string::npos) << log;
  EXPECT_NE(log.find("attempt 3 failed (Operation timed out"), std::string::npos) << log;
}

TEST_F(WebhookWorkerTest, ABadRequestIsDroppedWithItsReasonAndNotRetried) {
  ScriptedHttpServer server;
  server.script({ScriptedAnswer{400, {}, "field text is required", 0ms}});
  const auto id = queue_raise();
  auto worker = start_worker(endpoint(server.url()));
  ASSERT_TRUE(eventually([&] { return row(id).state == DeliveryState::dropped; }));
  // A second row after it is still sent: the endpoint is not blocked by the dropped one.
  const auto next = queue_raise();
  worker->wake();
  ASSERT_TRUE(eventually([&] { return row(next).state != DeliveryState::pending; }));
  worker->stop();
  EXPECT_EQ(server.request_count(), 2u) << "the 400 was not retried";
  EXPECT_EQ(row(id).last_error, "HTTP 400: field text is required");
  EXPECT_NE(log_.str().find("dropped, not retried: HTTP 400: field text is required"), std::string::npos) << log_.str();
}

TEST_F(WebhookWorkerTest, ARefusedConnectionIsRetriedUntilTheEndpointAnswers) {
  const auto id = queue_raise();
  auto worker = start_worker(endpoint("http://127.0.0.1:" + std::to_string(testing::closed_port()) + "/hook"));
  ASSERT_TRUE(eventually([&] { return row(id).attempts >= 2; }));
  EXPECT_EQ(row(id).state, DeliveryState::pending);
  EXPECT_FALSE(row(id).last_error.empty());
  ScriptedHttpServer server;
  worker->set_endpoints({endpoint(server.url())});
  ASSERT_TRUE(eventually([&] { return row(id).state == DeliveryState::sent; }));
  worker->stop();
  EXPECT_EQ(server.request_count(), 1u);
}

TEST_F(WebhookWorkerTest, StoppingAbandonsTheRequestInFlightAndKeepsTheRow) {
  ScriptedHttpServer server;
  server.script({ScriptedAnswer{200, {}, "never", 60s}});
  const auto id = queue_raise();
  auto e = endpoint(server.url());
  e.timeout_s = 60;
  auto worker = start_worker(e);
  ASSERT_TRUE(eventually([&] { return server.request_count() == 1; }));
  const auto before = std::chrono::steady_clock::now();
  worker->stop();
  EXPECT_LT(std::chrono::steady_clock::now() - before, 3s);
  EXPECT_EQ(row(id).state, DeliveryState::pending);
  EXPECT_EQ(row(id).attempts, 0);
}

}  // namespace
}  // namespace tendon::test
