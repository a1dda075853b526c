// [[webhooks]] in the config file: values, defaults, and errors with their line.
#include <gtest/gtest.h>

#include "config/config.h"
#include "support/temp_dir.h"

namespace tendon {
namespace {

using testing::TempDir;

Config load(const TempDir& dir, const std::string& text) { return load_config(dir.write("tendon.toml", text)); }

std::string error_of(const TempDir& dir, const std::string& text) {
  try {
    load(dir, text);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(WebhookConfig, ReadsEveryKeyWithDefaults) {
  TempDir dir;
  dir.write("token", "file-token\n");
  const Config c = load(dir, R"(
[push]
min_severity = "critical"

[[webhooks]]
name = "home-1"
url = "https://hooks.example.com/t"
format = "ntfy"
bearer_token_file = "token"
hmac_secret = "mac"
timeout_s = 3

[[webhooks]]
name = "team"
url = "http://127.0.0.1:9/x"
min_severity = "info"
)");
  ASSERT_EQ(c.webhooks.size(), 2u);
  const auto& a = c.webhooks[0];
  EXPECT_EQ(a.name, "home-1");
  EXPECT_EQ(a.format, WebhookFormat::ntfy);
  EXPECT_EQ(a.bearer_token, "file-token");
  EXPECT_EQ(a.hmac_secret, "mac");
  EXPECT_EQ(a.timeout_s, 3);
  EXPECT_EQ(a.min_severity, Severity::critical) << "default: [push] min_severity";
  const auto& b = c.webhooks[1];
  EXPECT_EQ(b.format, WebhookFormat::json);
  EXPECT_EQ(b.timeout_s, 10);
  EXPECT_EQ(b.min_severity, Severity::info);
  EXPECT_TRUE(b.bearer_token.empty());
}

TEST(WebhookConfig, BadValuesAreErrorsWithTheirLine) {
  TempDir dir;
  const std::string head = "[[webhooks]]\nname = \"a\"\n";
  const std::string file = dir / "tendon.toml";
  EXPECT_EQ(error_of(dir, head + "url = \"ftp://x/y\"\n"),
            file + ":3:7: webhooks[1].url: not an http:// or https:// URL with a host (and no spaces)");
  EXPECT_EQ(error_of(dir, "[[webhooks]]\nname = \"Big\"\nurl = \"http://x/\"\n"),
            file + ":2:8: webhooks[1].name: 'Big' must be 1-64 characters of a-z, 0-9, _ and -");
  EXPECT_EQ(error_of(dir, head + "url = \"http://x/\"\nformat = \"xml\"\n"),
            file + ":4:10: webhooks[1].format: unknown format 'xml' (one of json, ntfy, slack)");
  EXPECT_NE(error_of(dir, head + "url = \"http://x/\"\ncolour = 1\n").find(":4:1: unknown key 'colour' in [webhooks[1]]"),
            std::string::npos);
  EXPECT_NE(error_of(dir, head + "url = \"http://x/\"\n" + head + "url = \"http://y/\"\n")
                .find(":5:8: webhooks[2]: duplicate webhook name 'a' (also on line 2)"),
            std::string::npos);
  EXPECT_NE(error_of(dir, head + "url = \"http://x/\"\nhmac_secret = \"s\"\nhmac_secret_file = \"f\"\n")
                .find("set hmac_secret or hmac_secret_file, not both"),
            std::string::npos);
  EXPECT_NE(error_of(dir, head + "url = \"http://x/\"\nbearer_token_file = \"missing\"\n").find("cannot open"),
            std::string::npos);
  EXPECT_NE(error_of(dir, head + "url = \"http://x/\"\ntimeout_s = 0\n").find(":4:"), std::string::npos);
  EXPECT_NE(error_of(dir, "[[webhooks]]\nurl = \"http://x/\"\n").find("a webhook needs a name"), std::string::npos);
}

}  // namespace
}  // namespace tendon
