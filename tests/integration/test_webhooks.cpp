// Webhooks end to end: the real tendond, runs dropped into its inbox, real HTTP servers on
// 127.0.0.1 answering as scripted, the daemon killed and started again in between.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>

#include "running_daemon.h"
#include "support/process.h"
#include "support/recent_runs.h"
#include "support/scripted_http_server.h"

namespace tendon::testing {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

constexpr const char* kToken = "bearer-secret-7f3a";
constexpr const char* kSecret = "hmac-secret-91bc";
constexpr std::int64_t kDay = 86400;

// The outbox as the daemon left it, read with a connection of our own.
struct OutboxCount {
  int rows = 0, sent = 0, dropped = 0;
};
OutboxCount outbox(const fs::path& db_file, const std::string& endpoint) {
  OutboxCount c;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return c;
  }
  sqlite3_busy_timeout(db, 2000);
  sqlite3_stmt* q = nullptr;
  if (sqlite3_prepare_v2(db,
                         "SELECT count(*), sum(state = 'sent'), sum(state = 'dropped') FROM outbox WHERE endpoint = ?",
                         -1, &q, nullptr) == SQLITE_OK) {
    sqlite3_bind_text(q, 1, endpoint.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(q) == SQLITE_ROW) {
      c = {sqlite3_column_int(q, 0), sqlite3_column_int(q, 1), sqlite3_column_int(q, 2)};
    }
  }
  sqlite3_finalize(q);
  sqlite3_close(db);
  return c;
}

// Computed with libcrypto directly, as a receiver without Tendon's code would.
std::string hmac_hex(const std::string& key, const std::string& body) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(body.data()),
       body.size(), digest, &length);
  std::string hex;
  char pair[3];
  for (unsigned int i = 0; i < length; ++i) {
    std::snprintf(pair, sizeof pair, "%02x", digest[i]);
    hex += pair;
  }
  return hex;
}

rapidjson::Document parse(const std::string& body) {
  rapidjson::Document doc;
  doc.Parse(body.c_str());
  return doc;
}

class Webhooks : public ::testing::Test {
 protected:
  Webhooks() : inbox(dir.path() / "inbox"), database(dir.path() / "t.db") {
    fs::create_directories(inbox);
    dir.write("token", std::string(kToken) + "\n");
    dir.write("tendon.toml", "database = \"" + database.string() + "\"\n[athletes.ana]\ntimezone = \"UTC\"\ninboxes = [\"" +
                                 inbox.string() + "\"]\n" +
                                 "[[webhooks]]\nname = \"main\"\nurl = \"" + main.url("/hook?key=qs-secret") +
                                 "\"\nbearer_token_file = \"token\"\nhmac_secret = \"" + kSecret +
                                 "\"\ntimeout_s = 2\n"
                                 "[[webhooks]]\nname = \"crit\"\nurl = \"" + crit.url() +
                                 "\"\nformat = \"slack\"\nmin_severity = \"critical\"\n"
                                 "[[webhooks]]\nname = \"strict\"\nurl = \"" + strict.url() + "\"\nformat = \"ntfy\"\n");
  }

  void start() {
    daemon = std::make_unique<RunningDaemon>(dir, std::vector<std::string>{"--config", dir / "tendon.toml"},
                                             [] { setenv("TENDON_WEBHOOK_RETRY_BASE_MS", "50", 1); });
    ASSERT_TRUE(daemon->wait_for("ready")) << daemon->log();
  }

  void deliver(const std::string& name, const std::string& text) const {
    const fs::path part = inbox / (name + ".part");
    std::ofstream(part, std::ios::binary) << text;
    fs::rename(part, inbox / name);
  }

  bool all_settled(const std::string& endpoint) const {
    const auto c = outbox(database, endpoint);
    return c.rows > 0 && c.sent + c.dropped == c.rows;
  }

  TempDir dir;
  fs::path inbox, database;
  ScriptedHttpServer main, crit, strict;
  std::unique_ptr<RunningDaemon> daemon;
  std::string logs;  // every run's log, for the secret check
};

TEST_F(Webhooks, EveryAlertArrivesExactlyOnceThroughFailuresAndARestart) {
  main.set_default(ScriptedAnswer{500, {}, "down", 0ms});
  strict.set_default(ScriptedAnswer{400, {}, "unknown topic", 0ms});
  start();
  // Two years ago: a large spike that is stored and listed but never pushed. Recent: a
  // small spike (warning) two days ago and a large one (critical) yesterday.
  deliver("runs.jsonl", recent_run_line("old-base", 740 * kDay, 10000) + recent_run_line("old-spike", 735 * kDay, 25000) +
                            recent_run_line("base", 20 * kDay, 10000) + recent_run_line("small", 2 * kDay, 12000) +
                            recent_run_line("large", kDay, 25000));
  ASSERT_TRUE(eventually([&] { return main.request_count() >= 3; }, 20s)) << daemon->log();
  ASSERT_TRUE(eventually([&] { return all_settled("strict") && all_settled("crit"); }, 20s)) << daemon->log();

  // Killed while main is failing; its rows are still pending and survive.
  daemon->signal(SIGKILL);
  daemon->wait_exit();
  logs += daemon->log();
  const auto before = outbox(database, "main");
  EXPECT_EQ(before.sent, 0);
  main.set_default(ScriptedAnswer{200, {}, "ok", 0ms});
  start();
  ASSERT_TRUE(eventually([&] { return all_settled("main"); }, 20s)) << daemon->log();

  // Every delivery is a distinct key; a retried one carries the same key and bytes.
  const auto requests = main.requests();
  std::map<std::string, std::string> body_by_key;
  for (const auto& r : requests) {
    EXPECT_EQ(r.header("authorization"), std::string("Bearer ") + kToken);
    EXPECT_EQ(r.header("x-tendon-signature"), "sha256=" + hmac_hex(kSecret, r.body));
    const auto [it, fresh] = body_by_key.emplace(r.header("idempotency-key"), r.body);
    if (!fresh) {
      EXPECT_EQ(it->second, r.body) << "a retry sends the same bytes";
    }
    const auto doc = parse(r.body);
    ASSERT_TRUE(doc.IsObject()) << r.body;
    EXPECT_STREQ(doc["event"].GetString(), "Alert.Raised");
    EXPECT_STREQ(doc["athlete"].GetString(), "ana");
    EXPECT_NE(std::string(doc["severity"].GetString()), "info") << "below the minimum";
  }
  EXPECT_EQ(static_cast<int>(body_by_key.size()), outbox(database, "main").rows);
  EXPECT_GE(body_by_key.size(), 2u) << "the small and the large spike";
  for (const auto& [key, body] : body_by_key) EXPECT_EQ(body.find("old-spike"), std::string::npos) << body;

  // crit: only critical alerts; strict: each 400 sent once, dropped, logged with the reason.
  for (const auto& r : crit.requests()) {
    EXPECT_NE(parse(r.body)["text"].GetString(), std::string()) << r.body;
    EXPECT_NE(r.body.find("(critical"), std::string::npos) << r.body;
  }
  EXPECT_EQ(static_cast<int>(crit.request_count()), outbox(database, "crit").rows);
  EXPECT_GE(crit.request_count(), 1u);
  EXPECT_EQ(static_cast<int>(strict.request_count()), outbox(database, "strict").dropped) << "a 400 is not retried";
  EXPECT_NE(logs.find("webhook strict (" + strict.url() + "): alert"), std::string::npos) << logs;
  EXPECT_NE(logs.find("dropped, not retried: HTTP 400: unknown topic"), std::string::npos) << logs;

  // A late run before them takes their cause away: the withdrawal follows the sent raise.
  deliver("late.jsonl", recent_run_line("late-long", 60 * 3600, 24000));
  ASSERT_TRUE(eventually([&] {
    for (const auto& r : main.requests()) {
      if (r.body.find("Alert.Withdrawn") != std::string::npos) return all_settled("main");
    }
    return false;
  }, 20s)) << daemon->log();
  std::set<std::int64_t> raised;
  for (const auto& r : main.requests()) {
    const auto doc = parse(r.body);
    const std::int64_t id = doc["id"].GetInt64();
    if (std::string(doc["event"].GetString()) == "Alert.Raised") raised.insert(id);
    if (std::string(doc["event"].GetString()) == "Alert.Withdrawn") {
      EXPECT_EQ(raised.count(id), 1u) << "withdrawal of alert " << id << " before its raise";
    }
  }

  daemon->signal(SIGTERM);
  EXPECT_EQ(daemon->wait_exit(), 0);
  logs += daemon->log();
  for (const char* secret : {kToken, kSecret, "qs-secret"}) {
    EXPECT_EQ(logs.find(secret), std::string::npos) << secret << " in the log:\n" << logs;
  }
}

TEST_F(Webhooks, AlertsTestSendsATestAlertThroughEveryChannelAndSaysHowEachWent) {
  crit.set_default(ScriptedAnswer{500, {}, "down", 0ms});
  start();
  // The test client finds the daemon where RunningDaemon put its runtime folder.
  const auto result = run_process({tendonctl_path(), "alerts", "test"},
                                  {"XDG_RUNTIME_DIR=" + (dir.path() / "run").string()});
  EXPECT_EQ(result.exit_code, 3) << "some channels took it, crit did not\n" << result.out << result.err;
  EXPECT_NE(result.out.find("webhook:main: HTTP 200"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("webhook:crit: FAILED, HTTP 500"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("webhook:strict: HTTP 200"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("desktop: "), std::string::npos) << "the desktop channel reports too\n" << result.out;
  ASSERT_EQ(main.request_count(), 1u) << "one direct attempt, not queued";
  EXPECT_EQ(main.requests()[0].header("authorization"), std::string("Bearer ") + kToken);
  EXPECT_EQ(crit.request_count(), 1u) << "a test is never retried";
  EXPECT_EQ(outbox(database, "main").rows, 0) << "the test alert is not an outbox row";

  const auto json = run_process({tendonctl_path(), "alerts", "test", "--json"},
                                {"XDG_RUNTIME_DIR=" + (dir.path() / "run").string()});
  const auto doc = parse(json.out);
  ASSERT_TRUE(doc.IsObject() && doc["channels"].IsArray()) << json.out << json.err;
  EXPECT_EQ(doc["channels"].Size(), 4u) << "desktop and three webhooks\n" << json.out;
  daemon->signal(SIGTERM);
  EXPECT_EQ(daemon->wait_exit(), 0);
  for (const char* secret : {kToken, kSecret, "qs-secret"}) {
    EXPECT_EQ(result.out.find(secret), std::string::npos) << secret;
    EXPECT_EQ(daemon->log().find(secret), std::string::npos) << secret;
  }
}

}  // namespace
}  // namespace tendon::testing
