// control::Client against a real control::Server on a temporary socket.
#include "control/client.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <boost/asio/post.hpp>
#include <mutex>
#include <vector>

#include "fd_test_support.h"
#include "server_fixture.h"
#include "test_methods.h"

namespace tendon::control {
namespace {

using testing::file_text;
using testing::OpenFile;
using testing::ServerFixture;

void start_with_test_methods(ServerFixture& fixture, ServerOptions options = {}) {
  fixture.start(std::move(options), [](Server& server) {
    testing::register_test_methods(server);
    testing::register_fd_method(server);
    // Test.Publish (read) publishes Test.Event {"n":1} and {"n":2}; they go out after its answer.
    server.register_method({"Test.Publish", Tier::read, "Publishes two events.", "{}"},
                           [&server](const rapidjson::Value&, const Caller&) {
                             server.publish("Test.Event", JsonText::raw(R"({"n":1})"));
                             server.publish("Test.Event", JsonText::raw(R"({"n":2})"));
                             return JsonText::raw("true");
                           });
  });
}

TEST(ControlClient, ConnectsAndCalls) {
  ServerFixture fixture;
  start_with_test_methods(fixture);
  Client client = Client::connect(fixture.socket_path());
  EXPECT_STREQ(client.greeting()["server"].GetString(), "tendond");
  EXPECT_STREQ(client.greeting()["tier"].GetString(), "admin");
  const auto result = client.call("Test.Echo", R"({"x": [1, 2],
                                                   "text": "two\nlines"})");  // pretty params go as one line
  EXPECT_EQ(result["x"][1].GetInt(), 2);
  EXPECT_STREQ(result["text"].GetString(), "two\nlines");
  EXPECT_TRUE(client.call("Test.Count").IsBool());
  // Moved, it goes on working.
  Client moved = std::move(client);
  EXPECT_EQ(moved.call("Test.Echo", "[7]")[0].GetInt(), 7);
  EXPECT_GE(moved.native_handle(), 0);
  EXPECT_THROW(moved.call("Test.Echo", "{broken"), std::invalid_argument);
}

TEST(ControlClient, ErrorAnswerIsRpcErrorWithItsCode) {
  ServerFixture fixture;
  start_with_test_methods(fixture);
  Client client = Client::connect(fixture.socket_path());
  try {
    client.call("Test.Echo", R"({"fail":true})");
    FAIL() << "no RpcError";
  } catch (const RpcError& error) {
    EXPECT_EQ(error.code(), TENDON_RPC_INVALID_PARAMS);
    EXPECT_STREQ(error.what(), "fail was given");
  }
  try {
    client.call("No.Such");
    FAIL() << "no RpcError";
  } catch (const RpcError& error) {
    EXPECT_EQ(error.code(), TENDON_RPC_METHOD_NOT_FOUND);
  }
  // The connection stays usable.
  EXPECT_EQ(client.call("Test.Echo", "[1]")[0].GetInt(), 1);
}

TEST(ControlClient, EventsDuringACallAreQueued) {
  ServerFixture fixture;
  start_with_test_methods(fixture);
  Client client = Client::connect(fixture.socket_path());
  client.call("Events.Subscribe", R"({"events":["Test"]})");
  client.call("Test.Publish");
  EXPECT_EQ(client.call("Test.Echo", "[3]")[0].GetInt(), 3);  // the events came before this answer
  EXPECT_TRUE(client.has_queued_event());
  for (int n = 1; n <= 2; ++n) {
    const auto event = client.next_event();
    ASSERT_TRUE(event);
    EXPECT_STREQ((*event)["method"].GetString(), "Test.Event");
    EXPECT_EQ((*event)["params"]["n"].GetInt(), n);
  }
  EXPECT_FALSE(client.has_queued_event());
  // One published while nobody calls is read by next_event itself.
  fixture.server().publish("Test.Event", JsonText::raw(R"({"n":3})"));
  EXPECT_EQ((*client.next_event())["params"]["n"].GetInt(), 3);
  // The server goes away: no more events.
  fixture.on_loop([&] { fixture.server().stop(); });
  EXPECT_EQ(client.next_event(), std::nullopt);
  EXPECT_THROW(client.call("Test.Echo"), std::runtime_error);
}

TEST(ControlClient, PassesADescriptor) {
  ServerFixture fixture;
  start_with_test_methods(fixture);
  const OpenFile file(fixture.dir().write("run.gpx", "<gpx/>"));
  Client client = Client::connect(fixture.socket_path());
  const auto result = client.call("Test.Fds", "{}", file.fd());
  EXPECT_EQ(result["count"].GetInt(), 1);
  EXPECT_STREQ(result["texts"][0].GetString(), "<gpx/>");
  EXPECT_EQ(file_text(file.fd()), "<gpx/>");  // the caller keeps its own
  EXPECT_EQ(client.call("Test.Fds")["count"].GetInt(), 0);
  // A request longer than one socket write still carries its descriptor.
  const std::string long_params = R"({"pad":")" + std::string(512 * 1024, 'x') + R"("})";
  EXPECT_EQ(client.call("Test.Fds", long_params, file.fd())["count"].GetInt(), 1);
}

TEST(ControlClient, ConnectionBrokenDuringACall) {
  std::mutex mutex;
  std::vector<Responder> unanswered;
  ServerFixture fixture;
  fixture.start({}, [&](Server& server) {
    server.register_async_method({"Test.Hangup", Tier::read, "Never answers; the server stops.", "{}"},
                                 [&](const rapidjson::Value&, const Caller&, Responder responder) {
                                   const std::lock_guard lock(mutex);
                                   unanswered.push_back(std::move(responder));
                                   boost::asio::post(fixture.io(), [&server] { server.stop(); });
                                 });
  });
  Client client = Client::connect(fixture.socket_path());
  try {
    client.call("Test.Hangup");
    FAIL() << "no error";
  } catch (const RpcError&) {
    FAIL() << "an RpcError for a broken connection";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("closed the connection"), std::string::npos) << error.what();
  }
}

TEST(ControlClient, MissingSocketIsUnreachable) {
  testing::TempDir dir;
  const auto path = dir.path() / "tendond.sock";
  try {
    Client::connect(path);
    FAIL() << "connected to nothing";
  } catch (const DaemonUnreachable& error) {
    EXPECT_NE(std::string(error.what()).find(path.string()), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("no such socket"), std::string::npos) << error.what();
  }
}

TEST(ControlClient, StaleSocketFileIsUnreachable) {
  testing::TempDir dir;
  const auto path = dir.path() / "tendond.sock";
  // A daemon that crashed leaves its socket file behind, with nobody listening.
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, path.c_str(), sizeof address.sun_path - 1);
  // NOLINTNEXTLINE: the sockets API takes the generic address type
  ASSERT_EQ(::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
  ::close(fd);
  ASSERT_TRUE(std::filesystem::exists(path));
  try {
    Client::connect(path);
    FAIL() << "connected to a stale socket";
  } catch (const DaemonUnreachable& error) {
    EXPECT_NE(std::string(error.what()).find(path.string()), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("nobody is listening"), std::string::npos) << error.what();
  }
}

TEST(ControlClient, RefusedAtTheDoorIsRpcError) {
  ServerOptions options;
  options.decide_tier = [](const PeerCredentials&) { return std::optional<Tier>(); };
  ServerFixture fixture;
  fixture.start(options);
  try {
    Client::connect(fixture.socket_path());
    FAIL() << "not refused";
  } catch (const RpcError& error) {
    EXPECT_EQ(error.code(), TENDON_RPC_PERMISSION_DENIED);
    EXPECT_NE(std::string(error.what()).find("uid " + std::to_string(::getuid())), std::string::npos);
  }
}

TEST(ControlClient, TooManyClientsIsRpcError) {
  ServerOptions options;
  options.limits.max_clients = 1;
  ServerFixture fixture;
  fixture.start(options);
  Client first = Client::connect(fixture.socket_path());
  try {
    Client::connect(fixture.socket_path());
    FAIL() << "not refused";
  } catch (const RpcError& error) {
    EXPECT_EQ(error.code(), TENDON_RPC_BUSY);
  }
}

}  // namespace
}  // namespace tendon::control
