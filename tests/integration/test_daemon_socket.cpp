// The real tendond's control socket: a subscribed client hears about what arrives in the
// inbox (imports, failures, alerts), can list the alerts, and the socket is private (0600)
// and removed when the daemon stops.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "control/fd_passing.h"
#include "control/json_text.h"
#include "fit_writer.h"
#include "running_daemon.h"
#include "socket_daemon_test.h"
#include "test_client.h"

namespace tendon::testing {
namespace {

namespace fs = std::filesystem;

std::string run_line(const std::string& id, const std::string& day, int metres) {
  return "{\"id\":\"" + id + "\",\"start\":\"2026-11-" + day + "T07:00:00Z\",\"sport\":\"running\",\"distance_m\":" +
         std::to_string(metres) + "}\n";
}

class DaemonSocket : public SocketDaemonTest {
 protected:
  // The params of the next event named `method`, skipping other lines; a null document
  // when none came before the deadline.
  static rapidjson::Document next_event(TestClient& client, const std::string& method) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
      const auto line = client.read_line(std::chrono::milliseconds(200));
      if (!line) continue;
      rapidjson::Document doc;
      doc.Parse(line->c_str());
      if (!doc.HasParseError() && string_member(doc, "method") == method && doc.HasMember("params")) {
        rapidjson::Document params;
        params.CopyFrom(doc["params"], params.GetAllocator());
        return params;
      }
    }
    return rapidjson::Document{};
  }

  // Sends a request and returns the whole answer line, skipping events meanwhile.
  static rapidjson::Document call(TestClient& client, int id, const std::string& method, const std::string& params) {
    client.send_line("{\"jsonrpc\":\"2.0\",\"id\":" + std::to_string(id) + ",\"method\":\"" + method +
                     "\",\"params\":" + params + "}");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
      auto doc = client.read_json();
      if (doc.IsObject() && doc.HasMember("id") && doc["id"].IsInt() && doc["id"].GetInt() == id) return doc;
    }
    return rapidjson::Document{};
  }
};

TEST_F(DaemonSocket, TheSocketIsOnlyTheOwnersAndGoneAfterSigterm) {
  ASSERT_TRUE(daemon->wait_for("tendond: socket " + socket.string())) << daemon->log();
  struct stat info {};
  ASSERT_EQ(::lstat(socket.c_str(), &info), 0);
  EXPECT_TRUE(S_ISSOCK(info.st_mode));
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  daemon->signal(SIGTERM);
  EXPECT_EQ(daemon->wait_exit(), 0) << daemon->log();
  EXPECT_FALSE(fs::exists(fs::symlink_status(socket)));
}

TEST_F(DaemonSocket, ASubscriberHearsTheImportAndItsSpikeAlertWhichAlertListThenReturns) {
  auto client = connect();
  const auto subscribed = call(*client, 1, "Events.Subscribe", "{}");
  ASSERT_TRUE(subscribed.HasMember("result")) << daemon->log();

  deliver("two.jsonl", run_line("a", "01", 10000) + run_line("b", "03", 14000));
  const auto finished = next_event(*client, "Import.Finished");
  ASSERT_TRUE(finished.IsObject()) << daemon->log();
  EXPECT_EQ(string_member(finished, "file"), (inbox / "two.jsonl").string());
  EXPECT_EQ(finished["imported"].GetUint64(), 2u);
  const auto raised = next_event(*client, "Alert.Raised");
  ASSERT_TRUE(raised.IsObject()) << daemon->log();
  EXPECT_EQ(string_member(raised, "kind"), "spike");
  EXPECT_EQ(string_member(raised, "athlete"), "ana");

  const auto listed = call(*client, 2, "Alert.List", R"({"athlete":"ana"})");
  ASSERT_TRUE(listed.HasMember("result") && listed["result"].IsArray()) << daemon->log();
  bool spike_listed = false;
  for (const auto& alert : listed["result"].GetArray()) spike_listed = spike_listed || string_member(alert, "kind") == "spike";
  EXPECT_TRUE(spike_listed);

  const auto runs = call(*client, 3, "Run.List", R"({"athlete":"ana","limit":1})");
  ASSERT_TRUE(runs.HasMember("result") && runs["result"].IsArray());
  EXPECT_EQ(runs["result"].Size(), 1u);

  const auto unknown = call(*client, 4, "Alert.List", R"({"athlete":"nobody"})");
  ASSERT_TRUE(unknown.HasMember("error"));
  EXPECT_EQ(unknown["error"]["code"].GetInt(), -32002);

  daemon->signal(SIGTERM);
  EXPECT_EQ(daemon->wait_exit(), 0) << daemon->log();
  EXPECT_FALSE(fs::exists(fs::symlink_status(socket)));
}

TEST_F(DaemonSocket, AFitFileWrittenIntoTheInboxIsHeardWithTheSpikeItRaises) {
  auto client = connect();
  ASSERT_TRUE(call(*client, 1, "Events.Subscribe", "{}").HasMember("result"));
  // 800 m runs in the fortnight before; the watch's file is a 1000 m run: 25 % over, small spike.
  deliver("april.jsonl", "{\"id\":\"p1\",\"start\":\"2024-04-20T07:00:00Z\",\"sport\":\"running\",\"distance_m\":800}\n"
                         "{\"id\":\"p2\",\"start\":\"2024-04-25T07:00:00Z\",\"sport\":\"running\",\"distance_m\":800}\n");
  ASSERT_TRUE(next_event(*client, "Import.Finished").IsObject()) << daemon->log();
  const auto fit = fit::testing::small_run();
  deliver("2024-05-01-06-00-00.fit", std::string(fit.begin(), fit.end()));

  const auto finished = next_event(*client, "Import.Finished");
  ASSERT_TRUE(finished.IsObject()) << daemon->log();
  EXPECT_EQ(string_member(finished, "file"), (inbox / "2024-05-01-06-00-00.fit").string());
  EXPECT_EQ(finished["imported"].GetUint64(), 1u);
  const auto raised = next_event(*client, "Alert.Raised");
  ASSERT_TRUE(raised.IsObject()) << daemon->log();
  EXPECT_EQ(string_member(raised, "kind"), "spike");
  EXPECT_EQ(string_member(raised, "category"), "small");
  EXPECT_TRUE(fs::exists(inbox / "processed" / "2024-05-01-06-00-00.fit"));
}

TEST_F(DaemonSocket, AGarbageFitFileIsAnImportFailedEvent) {
  auto client = connect();
  ASSERT_TRUE(call(*client, 1, "Events.Subscribe", R"({"events":["Import"]})").HasMember("result"));
  deliver("broken.fit", "this is not a FIT file at all");
  const auto failed = next_event(*client, "Import.Failed");
  ASSERT_TRUE(failed.IsObject()) << daemon->log();
  EXPECT_EQ(string_member(failed, "file"), (inbox / "broken.fit").string());
  EXPECT_FALSE(string_member(failed, "reason").empty());
  daemon->signal(SIGTERM);
  EXPECT_EQ(daemon->wait_exit(), 0) << daemon->log();
}

TEST_F(DaemonSocket, ActivityImportTakesAPathOrAPassedDescriptorAndPublishesLikeTheInbox) {
  // A second connection listens, so the events cannot be mistaken for (or skipped with) answers.
  auto listener = connect();
  ASSERT_TRUE(call(*listener, 1, "Events.Subscribe", R"({"events":["Import","Alert"]})").HasMember("result"));
  auto client = connect();

  // By path: the daemon opens the file itself.
  const auto by_path = dir.write("outside/two.jsonl", run_line("a", "02", 10000) + run_line("b", "04", 14000));
  const auto answer = call(*client, 2, "Activity.Import", "{\"path\":" + control::json_string(by_path.string()) + "}");
  ASSERT_TRUE(answer.HasMember("result")) << daemon->log();
  EXPECT_TRUE(answer["result"]["ok"].GetBool());
  EXPECT_EQ(answer["result"]["imported"].GetInt64(), 2);
  EXPECT_EQ(answer["result"]["alerts_raised"].GetInt64(), 1);
  const auto finished = next_event(*listener, "Import.Finished");
  ASSERT_TRUE(finished.IsObject()) << daemon->log();
  EXPECT_EQ(string_member(finished, "file"), by_path.string());
  EXPECT_EQ(string_member(next_event(*listener, "Alert.Raised"), "kind"), "spike");

  // By descriptor: the request line goes with an open file (SCM_RIGHTS); the daemon never
  // sees the path, only the name given.
  const auto by_fd = dir.write("outside/private.jsonl", run_line("c", "05", 6000));
  const int fd = ::open(by_fd.c_str(), O_RDONLY | O_CLOEXEC);
  ASSERT_GE(fd, 0);
  const std::string line =
      R"({"jsonrpc":"2.0","id":3,"method":"Activity.Import","params":{"fd":0,"name":"watch.jsonl"}})" "\n";
  const int passed[] = {fd};
  ASSERT_EQ(control::send_with_fds(client->fd(), line, passed), static_cast<ssize_t>(line.size()));
  ::close(fd);
  rapidjson::Document by_fd_answer;
  ASSERT_TRUE(eventually([&] {
    const auto next = client->read_line(std::chrono::milliseconds(200));
    if (!next) return false;
    by_fd_answer.Parse(next->c_str());
    return by_fd_answer.IsObject() && by_fd_answer.HasMember("id") && by_fd_answer["id"].IsInt() &&
           by_fd_answer["id"].GetInt() == 3;
  })) << daemon->log();
  ASSERT_TRUE(by_fd_answer.HasMember("result")) << daemon->log();
  EXPECT_EQ(string_member(by_fd_answer["result"], "file"), "watch.jsonl");
  EXPECT_EQ(by_fd_answer["result"]["imported"].GetInt64(), 1);

  // Refusals are RPC errors: a missing path is not found, a descriptor not sent is bad params.
  const auto missing = call(*client, 4, "Activity.Import", "{\"path\":" + control::json_string(dir / "nope.fit") + "}");
  ASSERT_TRUE(missing.HasMember("error"));
  EXPECT_EQ(missing["error"]["code"].GetInt(), -32002);
  const auto no_fd = call(*client, 5, "Activity.Import", R"({"fd":0,"name":"x.fit"})");
  ASSERT_TRUE(no_fd.HasMember("error"));
  EXPECT_EQ(no_fd["error"]["code"].GetInt(), -32602);

  daemon->signal(SIGTERM);
  EXPECT_EQ(daemon->wait_exit(), 0) << daemon->log();
}

TEST_F(DaemonSocket, DaemonReloadReloadsOrSaysWhyNot) {
  auto client = connect();
  const auto reloaded = call(*client, 1, "Daemon.Reload", "{}");
  ASSERT_TRUE(reloaded.HasMember("result")) << daemon->log();
  EXPECT_TRUE(reloaded["result"]["reloaded"].GetBool());

  dir.write("tendon.toml", "this is = = not toml\n");
  const auto refused = call(*client, 2, "Daemon.Reload", "{}");
  ASSERT_TRUE(refused.HasMember("error")) << daemon->log();
  EXPECT_EQ(refused["error"]["code"].GetInt(), -32603);
  EXPECT_NE(std::string(refused["error"]["message"].GetString()).find("tendon.toml"), std::string::npos);
  // The old config stays: the athlete is still there.
  EXPECT_TRUE(call(*client, 3, "Status.Get", R"({"athlete":"ana"})").HasMember("result")) << daemon->log();
  daemon->signal(SIGTERM);
  EXPECT_EQ(daemon->wait_exit(), 0) << daemon->log();
}

}  // namespace
}  // namespace tendon::testing
