// The control server over real Unix sockets: protocol, permissions, limits, events.
#include <gtest/gtest.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "control/server.h"
#include "server_fixture.h"
#include "tendon/protocol.h"
#include "tendon/version.h"
#include "test_client.h"
#include "test_methods.h"

namespace tendon::control {
namespace {

using testing::connect;
using testing::error_code_of;
using testing::error_message_of;
using testing::register_test_methods;
using testing::ServerFixture;
using testing::TestClient;
using namespace std::chrono_literals;

TEST(ControlServer, GreetsFirst) {
  ServerFixture fixture;
  fixture.start();
  TestClient client(fixture.socket_path());
  const auto hello = client.read_json();
  EXPECT_STREQ(hello["jsonrpc"].GetString(), "2.0");
  EXPECT_STREQ(hello["method"].GetString(), "Server.Hello");
  EXPECT_FALSE(hello.HasMember("id"));
  const auto& params = hello["params"];
  EXPECT_STREQ(params["server"].GetString(), "tendond");
  EXPECT_STREQ(params["version"].GetString(), TENDON_VERSION);
  EXPECT_EQ(params["protocol"].GetInt(), TENDON_PROTOCOL_VERSION);
  ASSERT_TRUE(params["features"].IsArray());
  EXPECT_STREQ(params["features"][0].GetString(), "events");
  EXPECT_STREQ(params["tier"].GetString(), "admin");  // we are the owner (or root)
}

TEST(ControlServer, AnswersACallWithItsId) {
  ServerFixture fixture;
  fixture.start({}, [](Server& server) { register_test_methods(server); });
  auto client = connect(fixture);
  client->send_line(R"({"jsonrpc":"2.0","id":7,"method":"Test.Echo","params":{"x":[1,2]}})");
  const auto reply = client->read_json();
  EXPECT_EQ(reply["id"].GetInt(), 7);
  EXPECT_EQ(reply["result"]["x"][1].GetInt(), 2);
  // String ids come back as strings; requests on one connection are answered in order.
  client->send_line(R"({"jsonrpc":"2.0","id":"a","method":"Test.Echo"})" "\n"
                    R"({"jsonrpc":"2.0","id":"b","method":"Test.Echo","params":[1]})");
  const auto first = client->read_json();
  const auto second = client->read_json();
  EXPECT_STREQ(first["id"].GetString(), "a");
  EXPECT_TRUE(first["result"].IsObject());
  EXPECT_STREQ(second["id"].GetString(), "b");
  EXPECT_EQ(second["result"][0].GetInt(), 1);
}

TEST(ControlServer, NotificationsGetNoAnswer) {
  std::atomic<int> count = 0;
  ServerFixture fixture;
  fixture.start({}, [&](Server& server) { register_test_methods(server, &count); });
  auto client = connect(fixture);
  client->send_line(R"({"jsonrpc":"2.0","method":"Test.Count"})");
  client->send_line(R"({"jsonrpc":"2.0","method":"No.Such"})");
  client->send_line(R"({"jsonrpc":"2.0","method":"Test.Echo","params":{"fail":1}})");
  client->send_line(R"({"jsonrpc":"2.0","id":2,"method":"Test.Count"})");
  const auto reply = client->read_json();
  EXPECT_EQ(reply["id"].GetInt(), 2);  // the first line back is the only request's answer
  EXPECT_EQ(count.load(), 2);
}

TEST(ControlServer, ParseErrorKeepsTheConnection) {
  ServerFixture fixture;
  fixture.start({}, [](Server& server) { register_test_methods(server); });
  auto client = connect(fixture);
  client->send_line("{not json");
  const auto reply = client->read_json();
  EXPECT_EQ(error_code_of(reply), TENDON_RPC_PARSE_ERROR);
  EXPECT_TRUE(reply["id"].IsNull());
  client->send_line(R"({"jsonrpc":"2.0","id":1,"method":"Test.Echo"})");
  EXPECT_EQ(client->read_json()["id"].GetInt(), 1);
}

TEST(ControlServer, InvalidRequests) {
  ServerFixture fixture;
  fixture.start({}, [](Server& server) { register_test_methods(server); });
  auto client = connect(fixture);
  client->send_line(R"({"jsonrpc":"2.0","id":3})");
  auto reply = client->read_json();
  EXPECT_EQ(error_code_of(reply), TENDON_RPC_INVALID_REQUEST);
  EXPECT_EQ(reply["id"].GetInt(), 3);
  client->send_line(R"([{"jsonrpc":"2.0","id":1,"method":"Test.Echo"}])");
  EXPECT_EQ(error_code_of(client->read_json()), TENDON_RPC_INVALID_REQUEST);
  client->send_line(R"({"jsonrpc":"1.0","id":4,"method":"Test.Echo"})");
  EXPECT_EQ(error_code_of(client->read_json()), TENDON_RPC_INVALID_REQUEST);
  client->send_line(R"({"jsonrpc":"2.0","id":{},"method":"Test.Echo"})");
  EXPECT_EQ(error_code_of(client->read_json()), TENDON_RPC_INVALID_REQUEST);
  // Blank lines are skipped, CRLF is accepted.
  client->send_raw("\n\r\n" R"({"jsonrpc":"2.0","id":5,"method":"Test.Echo"})" "\r\n");
  EXPECT_EQ(client->read_json()["id"].GetInt(), 5);
}

TEST(ControlServer, UnknownMethod) {
  ServerFixture fixture;
  fixture.start();
  auto client = connect(fixture);
  client->send_line(R"({"jsonrpc":"2.0","id":1,"method":"Alert.Nonsense"})");
  const auto reply = client->read_json();
  EXPECT_EQ(error_code_of(reply), TENDON_RPC_METHOD_NOT_FOUND);
  EXPECT_EQ(error_message_of(reply), "method not found: Alert.Nonsense");
}

TEST(ControlServer, InvalidParamsAndInternalErrors) {
  ServerFixture fixture;
  fixture.start({}, [](Server& server) { register_test_methods(server); });
  auto client = connect(fixture);
  client->send_line(R"({"jsonrpc":"2.0","id":1,"method":"Test.Echo","params":{"fail":true}})");
  auto reply = client->read_json();
  EXPECT_EQ(error_code_of(reply), TENDON_RPC_INVALID_PARAMS);
  EXPECT_EQ(error_message_of(reply), "fail was given");
  client->send_line(R"({"jsonrpc":"2.0","id":2,"method":"Test.Echo","params":5})");
  EXPECT_EQ(error_code_of(client->read_json()), TENDON_RPC_INVALID_PARAMS);
  client->send_line(R"({"jsonrpc":"2.0","id":3,"method":"Events.Subscribe","params":{"events":"Alert"}})");
  EXPECT_EQ(error_code_of(client->read_json()), TENDON_RPC_INVALID_PARAMS);
  client->send_line(R"({"jsonrpc":"2.0","id":4,"method":"Test.Throw"})");
  reply = client->read_json();
  EXPECT_EQ(error_code_of(reply), TENDON_RPC_INTERNAL_ERROR);
  EXPECT_EQ(error_message_of(reply), "internal error: boom");
}

TEST(ControlServer, ListMethodsIsSortedWithTiers) {
  ServerFixture fixture;
  fixture.start({}, [](Server& server) { register_test_methods(server); });
  auto client = connect(fixture);
  client->send_line(R"({"jsonrpc":"2.0","id":1,"method":"Server.ListMethods"})");
  const auto reply = client->read_json();
  const auto& methods = reply["result"]["methods"];
  ASSERT_TRUE(methods.IsArray());
  std::vector<std::string> names;
  for (const auto& method : methods.GetArray()) {
    names.emplace_back(method["name"].GetString());
    EXPECT_TRUE(method["description"].IsString());
    EXPECT_TRUE(method["params"].IsObject());
    if (names.back() == "Test.Control") {
      EXPECT_STREQ(method["tier"].GetString(), "control");
    }
    if (names.back() == "Test.Echo") {
      EXPECT_STREQ(method["tier"].GetString(), "read");
      EXPECT_STREQ(method["params"]["any"].GetString(), "anything");
    }
  }
  const std::vector<std::string> expected{"Events.Subscribe", "Events.Unsubscribe", "Server.ListMethods",
                                          "Test.Control",     "Test.Count",         "Test.Echo",
                                          "Test.Throw"};
  EXPECT_EQ(names, expected);
}

// We cannot change uid in a test: a policy under which this process is neither the owner
// nor root-as-admin, so the tier comes only from what a test adds.
PeerPolicy policy_that_does_not_own_us() {
  PeerPolicy policy;
  policy.owner_uid = ::getuid() + 4242;
  policy.root_is_admin = false;
  return policy;
}

void start_with_policy(ServerFixture& fixture, const PeerPolicy& policy) {
  ServerOptions options;
  options.decide_tier = policy;
  fixture.start(options, [](Server& server) { register_test_methods(server); });
}

TEST(ControlServer, ReadTierCannotCallControlMethods) {
  PeerPolicy policy = policy_that_does_not_own_us();
  policy.read_uids = {::getuid()};
  ServerFixture fixture;
  start_with_policy(fixture, policy);
  TestClient client(fixture.socket_path());
  EXPECT_STREQ(client.read_json()["params"]["tier"].GetString(), "read");
  client.send_line(R"({"jsonrpc":"2.0","id":1,"method":"Test.Control"})");
  const auto refused = client.read_json();
  EXPECT_EQ(error_code_of(refused), TENDON_RPC_PERMISSION_DENIED);
  EXPECT_EQ(error_message_of(refused), "permission denied: Test.Control needs control");
  client.send_line(R"({"jsonrpc":"2.0","id":2,"method":"Test.Echo"})");
  EXPECT_TRUE(client.read_json().HasMember("result"));
}

TEST(ControlServer, ControlTierFromGroup) {
  PeerPolicy policy = policy_that_does_not_own_us();
  policy.control_gids = {::getgid()};
  ServerFixture fixture;
  start_with_policy(fixture, policy);
  TestClient client(fixture.socket_path());
  EXPECT_STREQ(client.read_json()["params"]["tier"].GetString(), "control");
  client.send_line(R"({"jsonrpc":"2.0","id":1,"method":"Test.Control"})");
  EXPECT_STREQ(client.read_json()["result"].GetString(), "ok");
}

TEST(ControlServer, UnknownPeerIsRefusedAtConnect) {
  ServerOptions options;
  options.decide_tier = [](const PeerCredentials&) { return std::optional<Tier>(); };
  ServerFixture fixture;
  fixture.start(options);
  TestClient client(fixture.socket_path());
  const auto refused = client.read_json();  // no greeting: the error is the only line
  EXPECT_FALSE(refused.HasMember("method"));
  EXPECT_EQ(error_code_of(refused), TENDON_RPC_PERMISSION_DENIED);
  EXPECT_NE(error_message_of(refused).find("uid " + std::to_string(::getuid())), std::string::npos);
  EXPECT_TRUE(client.wait_closed());
  EXPECT_EQ(fixture.on_loop([&] { return fixture.server().client_count(); }), 0U);
}

TEST(ControlServer, OverlongLineIsAnsweredAndClosed) {
  ServerOptions options;
  options.limits.max_line_bytes = 1024;
  ServerFixture fixture;
  fixture.start(options, [](Server& server) { register_test_methods(server); });
  auto client = connect(fixture);
  // A line at the limit is fine.
  const std::string padding(1024 - std::string(R"({"id":1,"method":"Test.Echo","params":{"p":""}})").size(), 'x');
  client->send_line(R"({"id":1,"method":"Test.Echo","params":{"p":")" + padding + R"("}})");
  EXPECT_EQ(client->read_json()["id"].GetInt(), 1);
  // One byte more, without a newline yet: refused as soon as the limit is passed.
  client->send_raw(std::string(1025, 'y'));
  const auto reply = client->read_json();
  EXPECT_EQ(error_code_of(reply), TENDON_RPC_INVALID_REQUEST);
  EXPECT_EQ(error_message_of(reply), "line longer than 1024 bytes");
  EXPECT_TRUE(client->wait_closed());
}

TEST(ControlServer, ClientThatNeverReadsIsDroppedWithoutStallingOthers) {
  ServerOptions options;
  options.limits.max_output_bytes = 64 * 1024;
  ServerFixture fixture;
  fixture.start(options, [](Server& server) { register_test_methods(server); });
  auto sleeper = connect(fixture);
  sleeper->send_line(R"({"jsonrpc":"2.0","id":1,"method":"Events.Subscribe"})");
  EXPECT_TRUE(sleeper->read_json().HasMember("result"));
  auto reader = connect(fixture);
  // The sleeper stops reading; events pile up far past socket buffer + queue bound.
  const JsonText payload = JsonText::raw(R"({"text":")" + std::string(1000, 'e') + R"("})");
  for (int i = 0; i < 2000; ++i) fixture.server().publish("Test.Event", payload);
  // The other client is served promptly all along.
  for (int i = 0; i < 20; ++i) {
    const auto start = std::chrono::steady_clock::now();
    reader->send_line(R"({"jsonrpc":"2.0","id":)" + std::to_string(i) + R"(,"method":"Test.Echo"})");
    EXPECT_EQ(reader->read_json(2s)["id"].GetInt(), i);
    EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
  }
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (fixture.on_loop([&] { return fixture.server().client_count(); }) != 1 &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(10ms);
  }
  EXPECT_EQ(fixture.on_loop([&] { return fixture.server().client_count(); }), 1U);
  // The sleeper finds the events that fitted, perhaps the overflow notice, then the end.
  int events = 0;
  std::string last;
  while (auto line = sleeper->read_line(5s)) {
    ++events;
    last = *line;
  }
  EXPECT_TRUE(sleeper->closed());
  EXPECT_GT(events, 0);
  EXPECT_LT(events, 2000);
  if (last.find("Events.Overflow") == std::string::npos) {
    EXPECT_NE(last.find("Test.Event"), std::string::npos) << last;  // the notice did not fit
  }
}

TEST(ControlServer, MaxClients) {
  ServerOptions options;
  options.limits.max_clients = 2;
  ServerFixture fixture;
  fixture.start(options);
  auto first = connect(fixture);
  auto second = connect(fixture);
  TestClient third(fixture.socket_path());
  const auto refused = third.read_json();
  EXPECT_FALSE(refused.HasMember("method"));  // no greeting
  EXPECT_EQ(error_code_of(refused), TENDON_RPC_BUSY);
  EXPECT_EQ(error_message_of(refused), "too many clients (at most 2)");
  EXPECT_TRUE(third.wait_closed());
  // A place freed is a place taken.
  first.reset();
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (fixture.on_loop([&] { return fixture.server().client_count(); }) != 1 &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(10ms);
  }
  auto fourth = connect(fixture);
}

// An async method "Test.Slow" that answers only when the test takes its responders.
class SlowMethod {
 public:
  void register_on(Server& server) {
    server.register_async_method({"Test.Slow", Tier::read, "Answers when the test says so.", "{}"},
                                 [this](const rapidjson::Value&, const Caller&, Responder responder) {
                                   const std::lock_guard lock(mutex_);
                                   waiting_.push_back(std::move(responder));
                                 });
  }
  // The responders waiting so far (the loop thread adds them); the caller answers or drops them.
  std::vector<Responder> take() {
    const std::lock_guard lock(mutex_);
    return std::exchange(waiting_, {});
  }

 private:
  std::mutex mutex_;
  std::vector<Responder> waiting_;
};

TEST(ControlServer, AsyncHandlerAnswersLaterWhileOthersAreServed) {
  SlowMethod slow;
  ServerFixture fixture;
  fixture.start({}, [&](Server& server) {
    register_test_methods(server);
    slow.register_on(server);
  });
  auto client = connect(fixture);
  client->send_line(R"({"jsonrpc":"2.0","id":"slow","method":"Test.Slow"})");
  client->send_line(R"({"jsonrpc":"2.0","id":"fast","method":"Test.Echo"})");
  EXPECT_STREQ(client->read_json()["id"].GetString(), "fast");
  std::vector<Responder> taken = slow.take();
  ASSERT_EQ(taken.size(), 1U);
  Responder responder = taken.front();
  rapidjson::Document result(rapidjson::kObjectType);
  result.AddMember("imported", 3, result.GetAllocator());
  responder.reply(result);  // from the test's thread, not the loop's
  responder.fail(busy("too late"));  // a second answer is ignored
  const auto reply = client->read_json();
  EXPECT_STREQ(reply["id"].GetString(), "slow");
  EXPECT_EQ(reply["result"]["imported"].GetInt(), 3);

  // A responder dropped without an answer answers for itself.
  client->send_line(R"({"jsonrpc":"2.0","id":9,"method":"Test.Slow"})");
  client->send_line(R"({"jsonrpc":"2.0","id":10,"method":"Test.Echo"})");
  EXPECT_EQ(client->read_json()["id"].GetInt(), 10);
  slow.take();  // dropped here without an answer
  const auto dropped = client->read_json();
  EXPECT_EQ(dropped["id"].GetInt(), 9);
  EXPECT_EQ(error_code_of(dropped), TENDON_RPC_INTERNAL_ERROR);
}

TEST(ControlServer, HalfClosedClientStillGetsItsAnswers) {
  SlowMethod slow;
  ServerFixture fixture;
  fixture.start({}, [&](Server& server) {
    register_test_methods(server);
    slow.register_on(server);
  });
  auto client = connect(fixture);
  // Like `printf '...' | socat - UNIX:...`: the last request has no newline.
  client->send_raw(R"({"jsonrpc":"2.0","id":1,"method":"Test.Slow"})" "\n"
                   R"({"jsonrpc":"2.0","id":2,"method":"Test.Echo"})");
  ::shutdown(client->fd(), SHUT_WR);
  EXPECT_EQ(client->read_json()["id"].GetInt(), 2);
  std::vector<Responder> taken;
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (taken.empty() && std::chrono::steady_clock::now() < deadline) {
    taken = slow.take();
    if (taken.empty()) std::this_thread::sleep_for(1ms);
  }
  ASSERT_EQ(taken.size(), 1U);
  taken.front().reply(JsonText::raw("1"));
  EXPECT_EQ(client->read_json()["id"].GetInt(), 1);
  EXPECT_TRUE(client->wait_closed());
}

TEST(ControlServer, SubscribeAndPublishWithFilters) {
  ServerFixture fixture;
  fixture.start({}, [](Server& server) { register_test_methods(server); });
  auto alerts = connect(fixture);
  auto everything = connect(fixture);
  auto nothing = connect(fixture);
  alerts->send_line(R"({"jsonrpc":"2.0","id":1,"method":"Events.Subscribe","params":{"events":["Alert"]}})");
  EXPECT_STREQ(alerts->read_json()["result"]["events"][0].GetString(), "Alert");
  everything->send_line(R"({"jsonrpc":"2.0","id":1,"method":"Events.Subscribe","params":{}})");
  EXPECT_STREQ(everything->read_json()["result"]["events"][0].GetString(), "*");

  fixture.server().publish("Import.Finished", JsonText::raw(R"({"file":"a.fit"})"));
  fixture.server().publish("Alert.Raised", JsonText::raw(R"({"id":12})"));

  auto event = alerts->read_json();
  EXPECT_STREQ(event["method"].GetString(), "Alert.Raised");
  EXPECT_EQ(event["params"]["id"].GetInt(), 12);
  EXPECT_FALSE(event.HasMember("id"));
  EXPECT_STREQ(everything->read_json()["method"].GetString(), "Import.Finished");
  EXPECT_STREQ(everything->read_json()["method"].GetString(), "Alert.Raised");
  // The unsubscribed client's first line is the answer to its call, not an event.
  nothing->send_line(R"({"jsonrpc":"2.0","id":5,"method":"Test.Echo"})");
  EXPECT_EQ(nothing->read_json()["id"].GetInt(), 5);

  // Unsubscribing stops them.
  alerts->send_line(R"({"jsonrpc":"2.0","id":2,"method":"Events.Unsubscribe"})");
  EXPECT_EQ(alerts->read_json()["id"].GetInt(), 2);
  fixture.server().publish("Alert.Withdrawn", JsonText::raw("{}"));
  EXPECT_STREQ(everything->read_json()["method"].GetString(), "Alert.Withdrawn");
  alerts->send_line(R"({"jsonrpc":"2.0","id":3,"method":"Test.Echo"})");
  EXPECT_EQ(alerts->read_json()["id"].GetInt(), 3);
}

TEST(ControlServer, StopClosesClientsAndRemovesTheSocketFile) {
  ServerFixture fixture;
  fixture.start();
  auto client = connect(fixture);
  ASSERT_TRUE(std::filesystem::exists(fixture.socket_path()));
  fixture.on_loop([&] { fixture.server().stop(); });
  EXPECT_FALSE(std::filesystem::exists(fixture.socket_path()));
  EXPECT_TRUE(client->wait_closed());
  EXPECT_THROW(TestClient again(fixture.socket_path()), std::runtime_error);
}

}  // namespace
}  // namespace tendon::control
