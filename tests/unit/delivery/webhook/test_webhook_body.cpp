// Bodies and headers per format, and the signature over the exact body.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "delivery/webhook/hmac_signature.h"
#include "delivery/webhook/webhook_body.h"
#include "delivery/webhook/webhook_request.h"

namespace tendon::webhook {
namespace {

constexpr const char* kPayload =
    R"j({"id":7,"athlete":"anna","kind":"spike","category":"moderate","severity":"warning","at":1772348400,)j"
    R"j("message":"Long run spike: 18.4 km is 31 % over your 30-day longest (14.0 km, Nov 2)",)j"
    R"j("advice":"Keep the next runs <short> & easy.","evidence":"runsafe-2025","activity_id":3,)j"
    R"j("activity":"run-3","figures":[{"name":"ratio","value":1.31}]})j";

bool has_header(const std::vector<std::string>& headers, const std::string& line) {
  return std::find(headers.begin(), headers.end(), line) != headers.end();
}

TEST(WebhookBody, JsonCarriesTheSocketEventParamsAndTheEventName) {
  const auto b = format_body(WebhookFormat::json, DeliveryEvent::withdrawn, kPayload);
  rapidjson::Document doc;
  doc.Parse(b.body.c_str());
  ASSERT_TRUE(doc.IsObject()) << b.body;
  EXPECT_STREQ(doc["event"].GetString(), "Alert.Withdrawn");
  for (const char* key : {"athlete", "kind", "category", "severity", "message"}) {
    EXPECT_TRUE(doc.HasMember(key) && doc[key].IsString()) << key;
  }
  EXPECT_EQ(doc["activity_id"].GetInt64(), 3);
  EXPECT_STREQ(doc["at"].GetString(), "2026-03-01T07:00:00Z");
  EXPECT_TRUE(has_header(b.headers, "Content-Type: application/json"));
}

TEST(WebhookBody, NtfyIsPlainTextWithTitlePriorityAndTags) {
  const auto b = format_body(WebhookFormat::ntfy, DeliveryEvent::raised, kPayload);
  EXPECT_EQ(b.body.rfind("Long run spike: 18.4 km", 0), 0u) << b.body;
  EXPECT_NE(b.body.find("Keep the next runs"), std::string::npos);
  EXPECT_TRUE(has_header(b.headers, "Title: Long run spike (anna)"));
  EXPECT_TRUE(has_header(b.headers, "Priority: 4"));
  EXPECT_TRUE(has_header(b.headers, "Tags: warning,tendon,spike"));
  const auto withdrawn = format_body(WebhookFormat::ntfy, DeliveryEvent::withdrawn, kPayload);
  EXPECT_TRUE(has_header(withdrawn.headers, "Priority: 2"));
  EXPECT_TRUE(has_header(withdrawn.headers, "Title: Withdrawn: Long run spike (anna)"));
}

TEST(WebhookBody, NtfyHeadersCannotBeSplitAndCarryUtf8Encoded) {
  const auto b = format_body(WebhookFormat::ntfy, DeliveryEvent::raised,
                             R"({"athlete":"Zoë\r\nX-Evil: 1","kind":"pain","severity":"critical","message":"m"})");
  for (const auto& h : b.headers) EXPECT_EQ(h.find_first_of("\r\n"), std::string::npos) << h;
  EXPECT_TRUE(has_header(b.headers, "Priority: 5"));
  bool encoded = false;
  for (const auto& h : b.headers) encoded = encoded || h.rfind("Title: =?UTF-8?B?", 0) == 0;
  EXPECT_TRUE(encoded);
}

TEST(WebhookBody, SlackIsATextMemberWithMrkdwnEscaped) {
  const auto b = format_body(WebhookFormat::slack, DeliveryEvent::raised, kPayload);
  rapidjson::Document doc;
  doc.Parse(b.body.c_str());
  ASSERT_TRUE(doc.IsObject() && doc["text"].IsString()) << b.body;
  const std::string text = doc["text"].GetString();
  EXPECT_EQ(text.rfind("*Long run spike* (warning, anna)\n", 0), 0u) << text;
  EXPECT_NE(text.find("&lt;short&gt; &amp; easy"), std::string::npos) << text;
  EXPECT_EQ(doc.MemberCount(), 1u);
}

TEST(WebhookSignature, IsTheRfc4231HmacSha256) {
  // RFC 4231, test case 2.
  EXPECT_EQ(hmac_sha256_hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(WebhookRequest, AddsAuthSignatureIdempotencyAndUserAgent) {
  WebhookConfig endpoint;
  endpoint.name = "home";
  endpoint.bearer_token = "tok-123";
  endpoint.hmac_secret = "s3cret";
  const auto r = build_request(endpoint, DeliveryEvent::raised, kPayload, "key-1");
  EXPECT_TRUE(has_header(r.headers, "Authorization: Bearer tok-123"));
  EXPECT_TRUE(has_header(r.headers, "Idempotency-Key: key-1"));
  EXPECT_TRUE(has_header(r.headers, "X-Tendon-Signature: sha256=" + hmac_sha256_hex("s3cret", r.body)));
  EXPECT_TRUE(has_header(r.headers, user_agent().insert(0, "User-Agent: ")));
  EXPECT_EQ(user_agent().rfind("tendond/", 0), 0u);
  const auto again = build_request(endpoint, DeliveryEvent::raised, kPayload, "key-1");
  EXPECT_EQ(again.body, r.body) << "every attempt sends the same bytes";

  WebhookConfig bare;
  const auto plain = build_request(bare, DeliveryEvent::raised, kPayload, "k");
  for (const auto& h : plain.headers) {
    EXPECT_NE(h.rfind("Authorization", 0), 0u);
    EXPECT_NE(h.rfind("X-Tendon-Signature", 0), 0u);
  }
}

}  // namespace
}  // namespace tendon::webhook
