// The libcurl POST against a real server on 127.0.0.1.
#include <gtest/gtest.h>

#include <thread>

#include "delivery/webhook/http_post.h"
#include "support/scripted_http_server.h"

namespace tendon::webhook {
namespace {

using testing::ScriptedAnswer;
using testing::ScriptedHttpServer;
using namespace std::chrono_literals;

TEST(HttpPost, SendsHeadersAndBodyAndReadsTheAnswer) {
  ScriptedHttpServer server;
  server.script({ScriptedAnswer{429, {{"Retry-After", "3"}}, "slow down\nsecond line", 0ms}});
  const auto o = http_post(server.url("/in?x=1"), {"Content-Type: application/json", "X-Test: yes"}, R"({"a":1})", 5s);
  EXPECT_EQ(o.status, 429);
  EXPECT_EQ(o.retry_after, "3");
  EXPECT_EQ(o.response_excerpt, "slow down");
  ASSERT_EQ(server.request_count(), 1u);
  const auto r = server.requests()[0];
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.target, "/in?x=1");
  EXPECT_EQ(r.header("x-test"), "yes");
  EXPECT_EQ(r.header("content-type"), "application/json");
  EXPECT_EQ(r.body, R"({"a":1})");
}

TEST(HttpPost, ATimeoutIsANetworkError) {
  ScriptedHttpServer server;
  server.script({ScriptedAnswer{200, {}, "late", 10s}});
  const auto o = http_post(server.url(), {}, "x", 1s);
  EXPECT_EQ(o.status, 0);
  EXPECT_FALSE(o.abandoned);
  EXPECT_NE(o.error.find("imed out"), std::string::npos) << o.error;
  EXPECT_LT(o.elapsed, 5s);
}

TEST(HttpPost, AClosedPortIsConnectionRefused) {
  const auto o = http_post("http://127.0.0.1:" + std::to_string(testing::closed_port()) + "/", {}, "x", 5s);
  EXPECT_EQ(o.status, 0);
  EXPECT_FALSE(o.error.empty());
}

TEST(HttpPost, IsAbandonedPromptlyWhenAsked) {
  ScriptedHttpServer server;
  server.script({ScriptedAnswer{200, {}, "late", 20s}});
  std::atomic<bool> abandon{false};
  std::thread stopper([&] {
    // Abandon once the request is in the server's hands.
    while (server.request_count() == 0) std::this_thread::yield();
    abandon = true;
  });
  const auto o = http_post(server.url(), {}, "x", 30s, &abandon);
  stopper.join();
  EXPECT_TRUE(o.abandoned);
  EXPECT_LT(o.elapsed, 5s);
}

}  // namespace
}  // namespace tendon::webhook
