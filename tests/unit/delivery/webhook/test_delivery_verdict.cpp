// The retry rule, the backoff, Retry-After, and what log lines may show of an endpoint.
#include <gtest/gtest.h>

#include "delivery/webhook/delivery_verdict.h"
#include "delivery/webhook/log_safety.h"

namespace tendon::webhook {
namespace {

using Kind = DeliveryVerdict::Kind;
using std::chrono::milliseconds;

DeliveryVerdict judge_status(long status, std::optional<std::string> retry_after = std::nullopt) {
  HttpOutcome o;
  o.status = status;
  o.retry_after = std::move(retry_after);
  std::mt19937_64 random(1);
  return judge(o, 1, RetryPolicy{}, random, 1000);
}

TEST(DeliveryVerdict, TwoHundredsAreSentOtherClientErrorsDropped) {
  for (long s : {200L, 201L, 204L, 299L}) EXPECT_EQ(judge_status(s).kind, Kind::sent) << s;
  for (long s : {400L, 401L, 403L, 404L, 410L, 422L, 301L}) EXPECT_EQ(judge_status(s).kind, Kind::drop) << s;
  for (long s : {408L, 429L, 500L, 502L, 503L, 599L}) EXPECT_EQ(judge_status(s).kind, Kind::retry) << s;
  HttpOutcome refused;
  refused.error = "Failed to connect: Connection refused";
  std::mt19937_64 random(1);
  const auto v = judge(refused, 3, RetryPolicy{}, random, 0);
  EXPECT_EQ(v.kind, Kind::retry);
  EXPECT_EQ(v.reason, refused.error);
}

TEST(DeliveryVerdict, DropNamesTheAnswer) {
  HttpOutcome o;
  o.status = 400;
  o.response_excerpt = "bad field: text";
  std::mt19937_64 random(1);
  EXPECT_EQ(judge(o, 1, RetryPolicy{}, random, 0).reason, "HTTP 400: bad field: text");
}

TEST(DeliveryVerdict, RetryAfterIsHonoured) {
  EXPECT_EQ(judge_status(429, "7").retry_in, milliseconds(7000));
  EXPECT_EQ(parse_retry_after("Thu, 01 Jan 1970 00:20:00 GMT", 1000), milliseconds(200000));
  EXPECT_EQ(parse_retry_after("soon", 0), std::nullopt);
}

TEST(Backoff, FullJitterUnderADoublingCeilingCappedAt30Minutes) {
  RetryPolicy policy;
  std::mt19937_64 random(42);
  for (int attempt = 1; attempt <= 20; ++attempt) {
    const std::int64_t ceiling = std::min<std::int64_t>(5000LL << std::min(attempt - 1, 20), 30 * 60 * 1000);
    std::int64_t largest = 0;
    for (int i = 0; i < 200; ++i) {
      const auto wait = backoff(policy, attempt, random).count();
      ASSERT_GE(wait, 0);
      ASSERT_LE(wait, ceiling) << "attempt " << attempt;
      largest = std::max(largest, wait);
    }
    EXPECT_GT(largest, ceiling / 2) << "jitter spreads over the whole range";
  }
}

TEST(LogSafety, UrlLosesUserinfoQueryAndFragment) {
  EXPECT_EQ(url_for_log("https://user:pw@hooks.example.com:8443/a/b?token=x#frag"),
            "https://hooks.example.com:8443/a/b");
  EXPECT_EQ(url_for_log("http://127.0.0.1:99/hook"), "http://127.0.0.1:99/hook");
}

TEST(LogSafety, RedactsEverySecretOfTheEndpoint) {
  WebhookConfig e;
  e.url = "https://bob:hunter2@x.example/h?token=qwerty";
  e.bearer_token = "tok-abc";
  e.hmac_secret = "mac-xyz";
  const std::string text = redact("tok-abc mac-xyz bob:hunter2 token=qwerty tok-abc", e);
  for (const char* secret : {"tok-abc", "mac-xyz", "hunter2", "qwerty"}) {
    EXPECT_EQ(text.find(secret), std::string::npos) << text;
  }
}

}  // namespace
}  // namespace tendon::webhook
