// Platform sync end to end: the real tendond polling fake Strava and intervals.icu APIs on
// 127.0.0.1 (tests/support's scripted HTTP server, routing by target) through paging, a
// token refresh, a revoked token, 429 with rate-limit headers, 500, malformed JSON and a
// restart; every run must be stored exactly once and the sync must resume where it stopped.
// Short retry and rate-limit waits come from TENDON_SYNC_RETRY_BASE_MS / _MAX_DEFER_MS.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sqlite3.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ctime>
#include <deque>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>

#include "running_daemon.h"
#include "support/background_process.h"
#include "support/process.h"
#include "support/scripted_http_server.h"

namespace tendon::testing {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

constexpr std::int64_t kDay = 86400;
constexpr const char* kClientSecret = "client-secret-5d21";
constexpr const char* kApiKey = "intervals-key-83ac";
constexpr const char* kAuthorizationCode = "code-9e1f04";

std::int64_t query_int(const fs::path& db_file, const std::string& sql) {
  sqlite3* db = nullptr;
  std::int64_t value = -1;
  if (sqlite3_open_v2(db_file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_busy_timeout(db, 2000);
    sqlite3_stmt* q = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &q, nullptr) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW) {
      value = sqlite3_column_int64(q, 0);
    }
    sqlite3_finalize(q);
  }
  sqlite3_close(db);
  return value;
}

std::string iso(std::int64_t t) {
  const std::time_t tt = static_cast<std::time_t>(t);
  std::tm utc{};
  gmtime_r(&tt, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

// The value of `name` in a query string or form body.
std::string field(const std::string& text, const std::string& name) {
  const auto query = text.find('?') == std::string::npos ? text : text.substr(text.find('?') + 1);
  std::istringstream parts(query);
  std::string part;
  while (std::getline(parts, part, '&')) {
    if (part.rfind(name + "=", 0) == 0) return part.substr(name.size() + 1);
  }
  return "";
}

ScriptedAnswer json(int status, std::string body, std::vector<std::pair<std::string, std::string>> headers = {}) {
  headers.emplace_back("Content-Type", "application/json");
  return ScriptedAnswer{status, std::move(headers), std::move(body), 0ms};
}

// Strava API v3 as much as the source uses: tokens, the paged activity list, gear.
class FakeStrava {
 public:
  struct Run {
    std::string id;
    std::int64_t start = 0;
    double distance_m = 0;
  };

  explicit FakeStrava(ScriptedHttpServer& server) {
    server.set_handler([this](const RecordedRequest& r) { return answer(r); });
  }

  void add(Run run) {
    std::lock_guard lock(mutex_);
    runs_.push_back(std::move(run));
  }
  // The next activity-list requests get these answers instead.
  void fail_list(ScriptedAnswer answer) {
    std::lock_guard lock(mutex_);
    list_faults_.push_back(std::move(answer));
  }
  int refreshes() const {
    std::lock_guard lock(mutex_);
    return refreshes_;
  }
  // Authorization codes exchanged for tokens.
  int exchanges() const {
    std::lock_guard lock(mutex_);
    return exchanges_;
  }
  std::vector<std::string> list_targets() const {
    std::lock_guard lock(mutex_);
    return list_targets_;
  }

 private:
  std::optional<ScriptedAnswer> answer(const RecordedRequest& r) {
    std::lock_guard lock(mutex_);
    const std::vector<std::pair<std::string, std::string>> limits = {{"X-RateLimit-Limit", "600,30000"},
                                                                      {"X-RateLimit-Usage", "3,40"}};
    if (r.method == "POST" && r.target == "/oauth/token") {
      const std::string grant = field(r.body, "grant_type");
      const bool known = grant == "refresh_token" ? field(r.body, "refresh_token") == refresh_
                                                  : grant == "authorization_code" && field(r.body, "code") == kAuthorizationCode;
      if (!known || field(r.body, "client_secret") != kClientSecret) return json(400, R"({"message":"Bad Request"})");
      ++(grant == "refresh_token" ? refreshes_ : exchanges_);
      const std::string issued = std::to_string(refreshes_ + exchanges_);
      access_ = "access-" + issued;
      refresh_ = "refresh-" + issued;
      return json(200, R"({"token_type":"Bearer","access_token":")" + access_ + R"(","expires_at":)" +
                           std::to_string(std::time(nullptr) + 6 * 3600) + R"(,"expires_in":21600,"refresh_token":")" +
                           refresh_ + "\"}");
    }
    if (r.header("authorization") != "Bearer " + access_) return json(401, R"({"message":"Authorization Error"})", limits);
    if (r.target.rfind("/api/v3/gear/", 0) == 0) {
      return json(200, R"({"id":"g7","name":"Daily trainer","brand_name":"Hoka","model_name":"Clifton 9","retired":false})",
                  limits);
    }
    if (r.target.rfind("/api/v3/athlete/activities?", 0) != 0) return json(404, R"({"message":"Record Not Found"})");
    list_targets_.push_back(r.target);
    if (!list_faults_.empty()) {
      ScriptedAnswer fault = list_faults_.front();
      list_faults_.pop_front();
      return fault;
    }
    const std::int64_t after = std::stoll(field(r.target, "after"));
    const std::size_t page = std::stoul(field(r.target, "page")), per_page = std::stoul(field(r.target, "per_page"));
    std::vector<Run> newer;
    for (const auto& run : runs_) {
      if (run.start > after) newer.push_back(run);
    }
    std::sort(newer.begin(), newer.end(), [](const Run& a, const Run& b) { return a.start < b.start; });
    std::string body = "[";
    for (std::size_t i = (page - 1) * per_page; i < newer.size() && i < page * per_page; ++i) {
      const Run& run = newer[i];
      body += std::string(body.size() > 1 ? "," : "") + R"({"id":)" + run.id + R"(,"type":"Run","sport_type":"Run",)" +
              R"("start_date":")" + iso(run.start) + R"(","utc_offset":7200.0,"distance":)" +
              std::to_string(run.distance_m) + R"(,"moving_time":1800,"elapsed_time":1900,)" +
              R"("total_elevation_gain":42.0,"gear_id":"g7"})";
    }
    return json(200, body + "]", limits);
  }

  mutable std::mutex mutex_;
  std::vector<Run> runs_;
  std::deque<ScriptedAnswer> list_faults_;
  std::vector<std::string> list_targets_;
  std::string access_ = "never-issued", refresh_ = "refresh-0";
  int refreshes_ = 0, exchanges_ = 0;
};

// What a browser does when Strava sends it back to the loopback address: GET `target` on
// 127.0.0.1:`port`; the whole answer, or "" when nothing answered.
std::string browser_get(int port, const std::string& target) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string answer;
  // NOLINTNEXTLINE: the sockets API takes the generic address type
  if (fd >= 0 && ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0) {
    const std::string request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size())) {
      char chunk[4096];
      for (ssize_t got; (got = ::recv(fd, chunk, sizeof chunk, 0)) > 0;) answer.append(chunk, static_cast<std::size_t>(got));
    }
  }
  if (fd >= 0) ::close(fd);
  return answer;
}

class Sync : public ::testing::Test {
 protected:
  Sync() : database(dir.path() / "state" / "tendon.db"), inbox(dir.path() / "inbox") {
    fs::create_directories(inbox);
    fs::create_directories(database.parent_path() / "sync");
  }

  void configure(const std::string& sync_sections) {
    dir.write("tendon.toml", "database = \"" + database.string() + "\"\n[athletes.ana]\ntimezone = \"UTC\"\ninboxes = [\"" +
                                 inbox.string() + "\"]\n" + sync_sections);
  }

  void start() {
    daemon = std::make_unique<RunningDaemon>(dir, std::vector<std::string>{"--config", dir / "tendon.toml"}, [] {
      setenv("TENDON_SYNC_RETRY_BASE_MS", "50", 1);
      setenv("TENDON_SYNC_MAX_DEFER_MS", "300", 1);
    });
    ASSERT_TRUE(daemon->wait_for("ready")) << daemon->log();
  }

  void stop() {
    daemon->signal(SIGTERM);
    EXPECT_EQ(daemon->wait_exit(), 0);
    logs += daemon->log();
    daemon.reset();
  }

  // The loopback port and the state in the address `sync login strava` prints (port 0 when
  // it printed none in time).
  static std::pair<int, std::string> login_address(const BackgroundProcess& login) {
    const std::string redirect = "redirect_uri=http://127.0.0.1:", state = "&state=";
    std::pair<int, std::string> found{0, ""};
    eventually([&] {
      const std::string out = login.output();
      const auto at = out.find(redirect), state_at = out.find(state);
      if (at == std::string::npos || state_at == std::string::npos) return false;
      found.first = std::atoi(out.c_str() + at + redirect.size());
      found.second = out.substr(state_at + state.size(), out.find_first_of("&\n", state_at + state.size()) - state_at - state.size());
      return true;
    });
    return found;
  }

  // tendonctl finds this test's daemon, not the user's.
  std::vector<std::string> tendonctl_env() const { return {"XDG_RUNTIME_DIR=" + dir / "run", "TENDON_SOCKET="}; }

  int run_tendonctl(std::vector<std::string> args) const {
    args.insert(args.begin(), tendonctl_path());
    return run_process(args, tendonctl_env()).exit_code;
  }

  std::int64_t activities() const { return query_int(database, "SELECT count(*) FROM activities"); }

  TempDir dir;
  fs::path database, inbox;
  std::unique_ptr<RunningDaemon> daemon;
  std::string logs;
};

TEST_F(Sync, StravaImportsEveryRunOnceThroughFailuresAndARestart) {
  ScriptedHttpServer server;
  FakeStrava strava(server);
  const std::int64_t now = std::time(nullptr);
  for (int i = 0; i < 5; ++i) strava.add({std::to_string(1000 + i), now - (20 - 3 * i) * kDay, 8000.0 + 500 * i});
  // An expired access token: the first round refreshes before asking anything.
  dir.write("state/sync/strava.json", R"({"access_token":"stale","refresh_token":"refresh-0","expires_at":"1000"})");
  ::chmod((database.parent_path() / "sync" / "strava.json").c_str(), 0600);
  // The first list requests fail in every way the service fails; each costs one round.
  strava.fail_list(json(401, R"({"message":"Authorization Error"})"));  // revoked early: refresh, ask again
  strava.fail_list(json(500, R"({"message":"Internal"})"));
  strava.fail_list(json(200, R"([{"id":1,"start_date":)"));               // malformed JSON
  strava.fail_list(json(429, R"({"message":"Rate Limit Exceeded"})",
                        {{"X-RateLimit-Limit", "100,1000"}, {"X-RateLimit-Usage", "101,240"}}));
  configure("[sync.strava]\nbase_url = \"" + server.url("") + "\"\nclient_id = \"4711\"\nclient_secret = \"" +
            kClientSecret + "\"\npage_size = 2\n");
  start();
  ASSERT_TRUE(eventually([&] { return activities() == 5; }, 20s)) << daemon->log();
  ASSERT_TRUE(eventually([&] {
    return query_int(database, "SELECT count(*) FROM sync_sources WHERE source = 'strava' AND last_error = '' "
                               "AND imported = 5") == 1;
  })) << daemon->log();
  EXPECT_EQ(strava.refreshes(), 2) << "once for the expired token, once for the revoked one";
  EXPECT_EQ(query_int(database, "SELECT count(*) FROM shoes WHERE brand = 'Hoka' AND model = 'Clifton 9'"), 1)
      << "the gear's brand and model reach the shoe catalogue";
  EXPECT_EQ(query_int(database, "SELECT count(*) FROM activities WHERE shoe = 'Daily trainer'"), 5);
  // The 429's daily window was not spent: it waited for the 15-minute one (cut short in tests).
  EXPECT_NE(daemon->log().find("rate limited by Strava"), std::string::npos) << daemon->log();

  // A restart resumes after the newest stored run instead of backfilling again. The next
  // round keeps its schedule (15 minutes after the last good one); `sync now` brings it forward.
  stop();
  strava.add({"2000", now - 2 * kDay, 12000});
  strava.add({"2001", now - 1 * kDay, 6000});
  const std::size_t lists_before = strava.list_targets().size();
  start();
  ASSERT_EQ(run_tendonctl({"sync", "now", "strava"}), 0);
  ASSERT_TRUE(eventually([&] { return activities() == 7; }, 20s)) << daemon->log();
  const auto targets = strava.list_targets();
  ASSERT_GT(targets.size(), lists_before);
  EXPECT_EQ(field(targets[lists_before], "after"), std::to_string(now - 8 * kDay)) << targets[lists_before];
  // Asking again changes nothing.
  ASSERT_EQ(run_tendonctl({"sync", "now"}), 0);
  ASSERT_TRUE(eventually([&] { return strava.list_targets().size() > targets.size(); }));
  stop();
  EXPECT_EQ(activities(), 7);
  EXPECT_EQ(query_int(database, "SELECT count(*) FROM activity_sources"), 7) << "each run stored exactly once";

  // Tokens stay in the state folder, private, and out of the logs.
  struct stat info {};
  ASSERT_EQ(::stat((database.parent_path() / "sync" / "strava.json").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  for (const char* secret : {kClientSecret, "refresh-1", "access-2"}) {
    EXPECT_EQ(logs.find(secret), std::string::npos) << secret << " leaked into the log";
  }
}

TEST_F(Sync, StravaLoginTakesTheBrowsersCodeAndTheDaemonExchangesItAndSyncs) {
  ScriptedHttpServer server;
  FakeStrava strava(server);
  strava.add({"3000", std::time(nullptr) - 3 * kDay, 9000});
  configure("[sync.strava]\nbase_url = \"" + server.url("") + "\"\nclient_id = \"4711\"\nclient_secret = \"" +
            kClientSecret + "\"\n");
  start();
  // A page that sends the browser to the loopback address with a code of its own (and no
  // state of this login) is refused; the person's own redirect is taken.
  {
    BackgroundProcess forged({tendonctl_path(), "sync", "login", "strava"}, tendonctl_env(), dir / "forged.log");
    const auto [port, state] = login_address(forged);
    ASSERT_GT(port, 0) << forged.output();
    EXPECT_NE(browser_get(port, "/strava?state=&code=someone-elses-code").find("not authorized"), std::string::npos);
    EXPECT_NE(forged.wait_exit(), 0) << forged.output();
  }
  BackgroundProcess login({tendonctl_path(), "sync", "login", "strava"}, tendonctl_env(), dir / "login.log");
  const auto [port, state] = login_address(login);
  ASSERT_GT(port, 0) << login.output();
  EXPECT_NE(login.output().find(server.url("") + "/oauth/authorize?client_id=4711&"), std::string::npos) << login.output();

  // Strava sends the browser back with the code; tendonctl hands it to tendond and ends.
  const std::string page = browser_get(port, "/strava?state=" + state + "&code=" + kAuthorizationCode +
                                                 "&scope=read,activity:read_all,profile:read_all");
  EXPECT_NE(page.find("Tendon is connected"), std::string::npos) << page;
  EXPECT_EQ(login.wait_exit(), 0) << login.output();

  ASSERT_TRUE(eventually([&] { return activities() == 1; }, 20s)) << daemon->log();
  EXPECT_EQ(strava.exchanges(), 1);
  struct stat info {};
  ASSERT_EQ(::stat((database.parent_path() / "sync" / "strava.json").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  stop();
  for (const char* secret : {kClientSecret, kAuthorizationCode, "access-1", "refresh-1"}) {
    EXPECT_EQ(logs.find(secret), std::string::npos) << secret << " leaked into the log";
  }
}

TEST_F(Sync, IntervalsHandsTheOriginalFitToTheImporterAndTheWatchFolderCopyIsTheSameRun) {
  const fs::path fit = fs::path(TENDON_TEST_DATA_DIR) / "fit" / "small-run.fit";
  std::ifstream in(fit, std::ios::binary);
  const std::string fit_bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_FALSE(fit_bytes.empty());
  ScriptedHttpServer server;
  const std::int64_t now = std::time(nullptr);
  server.set_handler([&](const RecordedRequest& r) -> std::optional<ScriptedAnswer> {
    if (r.header("authorization") != "Basic QVBJX0tFWTppbnRlcnZhbHMta2V5LTgzYWM=") return json(401, "{}");
    if (r.target.rfind("/api/v1/athlete/0/activities?oldest=", 0) == 0) {
      return json(200, R"([{"id":"i2","type":"Run","start_date_local":")" + iso(now - kDay).substr(0, 19) +
                           R"(","start_date":")" + iso(now - kDay) +
                           R"(","distance":5000.0,"moving_time":1500,"elapsed_time":1600,"gear":{"id":"g1","name":"Race flats"}},)" +
                           R"({"id":"i1","type":"Run","start_date":")" + iso(now - 3 * kDay) +
                           R"(","distance":7000.0,"file_type":"fit"}])");
    }
    if (r.target == "/api/v1/activity/i1/file") return ScriptedAnswer{200, {}, fit_bytes, 0ms};
    return json(404, "{}");
  });
  dir.write("key", std::string(kApiKey) + "\n");
  configure("[sync.intervals]\nbase_url = \"" + server.url("") + "\"\napi_key_file = \"key\"\n");
  start();
  ASSERT_TRUE(eventually([&] { return activities() == 2; }, 20s)) << daemon->log();
  EXPECT_EQ(query_int(database, "SELECT count(*) FROM activities WHERE source_kind = 3"), 1) << "read by the FIT importer";
  EXPECT_EQ(query_int(database, "SELECT count(*) FROM activities WHERE shoe = 'Race flats'"), 1);
  // The same file from the watch folder is the run already stored.
  fs::copy_file(fit, inbox / "from-the-watch.fit");
  ASSERT_TRUE(daemon->wait_for("from-the-watch.fit")) << daemon->log();
  stop();
  EXPECT_EQ(activities(), 2);
  EXPECT_EQ(logs.find(kApiKey), std::string::npos);
}

}  // namespace
}  // namespace tendon::testing
