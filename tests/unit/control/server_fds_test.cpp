// Descriptors passed with SCM_RIGHTS over a real Unix socket: which request gets them, the
// bound per request, and that every descriptor no handler takes is closed.
#include <gtest/gtest.h>
#include <sys/socket.h>

#include <memory>
#include <mutex>
#include <vector>

#include "control/server.h"
#include "fd_test_support.h"
#include "server_fixture.h"
#include "test_client.h"
#include "test_methods.h"

namespace tendon::control {
namespace {

using testing::connect;
using testing::error_code_of;
using testing::error_message_of;
using testing::file_text;
using testing::open_fd_count;
using testing::OpenFile;
using testing::ServerFixture;
using testing::within;
using namespace std::chrono_literals;

std::string fds_request(int id, bool leave = false) {
  return R"({"jsonrpc":"2.0","id":)" + std::to_string(id) + R"(,"method":"Test.Fds","params":{)" +
         (leave ? R"("leave":true)" : "") + "}}";
}

// A server with Test.Echo & co and Test.Fds, and two files to pass.
struct FdServer {
  explicit FdServer(ServerOptions options = {}, const std::function<void(Server&)>& more = {}) {
    fixture.start(std::move(options), [&](Server& server) {
      testing::register_test_methods(server);
      testing::register_fd_method(server);
      if (more) more(server);
    });
  }
  ServerFixture fixture;
  OpenFile alpha{fixture.dir().write("alpha.txt", "alpha")};
  OpenFile beta{fixture.dir().write("beta.txt", "beta")};
};

std::vector<std::string> texts_of(const rapidjson::Document& reply) {
  std::vector<std::string> texts;
  for (const auto& text : reply["result"]["texts"].GetArray()) texts.emplace_back(text.GetString());
  return texts;
}

TEST(ControlFds, HandlerReadsOneOrTwoPassedFiles) {
  FdServer server;
  auto client = connect(server.fixture);
  client->send_with_fds(fds_request(1) + "\n", {server.alpha.fd()});
  auto reply = client->read_json();
  EXPECT_EQ(reply["id"].GetInt(), 1);
  EXPECT_EQ(reply["result"]["count"].GetInt(), 1);
  EXPECT_EQ(texts_of(reply), std::vector<std::string>{"alpha"});
  EXPECT_TRUE(reply["result"]["cloexec"].GetBool());

  client->send_with_fds(fds_request(2) + "\n", {server.alpha.fd(), server.beta.fd()});
  reply = client->read_json();
  EXPECT_EQ(texts_of(reply), (std::vector<std::string>{"alpha", "beta"}));

  client->send_line(fds_request(3));
  EXPECT_EQ(client->read_json()["result"]["count"].GetInt(), 0);
  // The sender keeps its own descriptor.
  EXPECT_EQ(file_text(server.alpha.fd()), "alpha");
}

TEST(ControlFds, LineSplitAcrossSends) {
  FdServer server;
  auto client = connect(server.fixture);
  const std::string line = fds_request(1) + "\n";
  client->send_with_fds(line.substr(0, 10), {server.alpha.fd()});
  client->send_raw(line.substr(10, 15));
  client->send_raw(line.substr(25));
  EXPECT_EQ(texts_of(client->read_json()), std::vector<std::string>{"alpha"});

  // Sent with the last piece of the line, they belong to it as well.
  const std::string second = fds_request(2) + "\n";
  client->send_raw(second.substr(0, 20));
  client->send_with_fds(second.substr(20), {server.beta.fd()});
  EXPECT_EQ(texts_of(client->read_json()), std::vector<std::string>{"beta"});

  // A plain line, then one with a descriptor, back to back: the kernel may hand both over in
  // one read (plain bytes in front of the segment with descriptors); only the second gets it.
  client->send_line(fds_request(3));
  client->send_with_fds(fds_request(4) + "\n", {server.alpha.fd()});
  auto third = client->read_json();
  auto fourth = client->read_json();
  EXPECT_EQ(third["id"].GetInt(), 3);
  EXPECT_EQ(third["result"]["count"].GetInt(), 0);
  EXPECT_EQ(fourth["id"].GetInt(), 4);
  EXPECT_EQ(texts_of(fourth), std::vector<std::string>{"alpha"});
}

TEST(ControlFds, TooManyInOneSendIsAnErrorForThatClient) {
  ServerOptions options;
  options.limits.max_fds_per_request = 1;
  FdServer server(options);
  auto plain = connect(server.fixture);
  const std::size_t baseline = open_fd_count();
  auto greedy = connect(server.fixture);
  greedy->send_with_fds(fds_request(1) + "\n", {server.alpha.fd(), server.beta.fd()});
  const auto reply = greedy->read_json();
  EXPECT_EQ(error_code_of(reply), TENDON_RPC_INVALID_REQUEST);
  EXPECT_EQ(error_message_of(reply), "too many file descriptors with one request (at most 1)");
  EXPECT_TRUE(greedy->wait_closed());
  greedy.reset();
  EXPECT_TRUE(within(5s, [&] { return open_fd_count() == baseline; })) << open_fd_count() << " vs " << baseline;
  // Everyone else goes on.
  plain->send_with_fds(fds_request(2) + "\n", {server.beta.fd()});
  EXPECT_EQ(texts_of(plain->read_json()), std::vector<std::string>{"beta"});
}

TEST(ControlFds, TooManyForOneLineOverSeveralSends) {
  FdServer server;  // the default bound: 8
  auto client = connect(server.fixture);
  const std::size_t baseline = open_fd_count() - 2;  // without the connection's two ends
  const std::vector<int> five(5, server.alpha.fd());
  const std::vector<int> four(4, server.beta.fd());
  const std::string line = fds_request(1) + "\n";
  client->send_with_fds(line.substr(0, 10), five);
  client->send_with_fds(line.substr(10), four);
  const auto reply = client->read_json();
  EXPECT_EQ(error_message_of(reply), "too many file descriptors with one request (at most 8)");
  EXPECT_TRUE(client->wait_closed());
  client.reset();
  EXPECT_TRUE(within(5s, [&] { return open_fd_count() == baseline; })) << open_fd_count() << " vs " << baseline;
}

TEST(ControlFds, DescriptorsNoHandlerTakesAreClosed) {
  std::mutex held_mutex;
  std::shared_ptr<PassedFds> held;
  FdServer server({}, [&](Server& s) {
    s.register_method({"Test.Hold", Tier::read, "Keeps the passed descriptors.", "{}"},
                      [&](const rapidjson::Value&, const Caller& caller) {
                        const std::lock_guard lock(held_mutex);
                        held = caller.fds;
                        return JsonText::raw("true");
                      });
  });
  auto client = connect(server.fixture);
  const std::size_t baseline = open_fd_count();
  const auto back_to_baseline = [&] { return within(5s, [&] { return open_fd_count() == baseline; }); };

  // Kept by a handler: counted (so the checks below would see a leak).
  client->send_with_fds(R"({"id":1,"method":"Test.Hold"})" "\n", {server.alpha.fd()});
  EXPECT_EQ(client->read_json()["id"].GetInt(), 1);
  EXPECT_EQ(open_fd_count(), baseline + 1);
  {
    const std::lock_guard lock(held_mutex);
    held.reset();
  }
  EXPECT_TRUE(back_to_baseline()) << open_fd_count() << " vs " << baseline;

  // Seen but not taken by the handler.
  client->send_with_fds(fds_request(2, true) + "\n", {server.alpha.fd(), server.beta.fd()});
  EXPECT_EQ(client->read_json()["result"]["count"].GetInt(), 2);
  EXPECT_TRUE(back_to_baseline()) << open_fd_count() << " vs " << baseline;

  // Lines that reach no handler: unknown method, parse error, a notification, a blank line.
  client->send_with_fds(R"({"id":3,"method":"No.Such"})" "\n", {server.alpha.fd()});
  EXPECT_EQ(error_code_of(client->read_json()), TENDON_RPC_METHOD_NOT_FOUND);
  client->send_with_fds("{oops\n", {server.alpha.fd()});
  EXPECT_EQ(error_code_of(client->read_json()), TENDON_RPC_PARSE_ERROR);
  client->send_with_fds(R"({"method":"Test.Fds","params":{"leave":true}})" "\n", {server.alpha.fd()});
  client->send_with_fds("\n", {server.beta.fd()});
  client->send_line(R"({"id":4,"method":"Test.Echo"})");
  EXPECT_EQ(client->read_json()["id"].GetInt(), 4);
  EXPECT_TRUE(back_to_baseline()) << open_fd_count() << " vs " << baseline;

  // Pieces of a line that turns out broken; then a last line cut short by the client's close.
  client->send_with_fds(R"({"id":5,"meth)", {server.alpha.fd()});
  client->send_line(R"({"id":6)");
  EXPECT_EQ(error_code_of(client->read_json()), TENDON_RPC_PARSE_ERROR);
  client->send_with_fds(R"({"id":7,"meth)", {server.beta.fd()});
  client.reset();
  // Both ends of the connection are gone too.
  EXPECT_TRUE(within(5s, [&] { return open_fd_count() == baseline - 2; })) << open_fd_count() << " vs " << baseline;
}

TEST(ControlFds, AsyncHandlerGetsItsRequestsDescriptors) {
  FdServer server({}, [](Server& s) {
    s.register_async_method({"Test.AsyncRead", Tier::read, "Reads the first passed file, answers later.", "{}"},
                            [](const rapidjson::Value&, const Caller& caller, Responder responder) {
                              // Taken during the call; the answer goes through the loop later.
                              const int fd = caller.fds->take(0);
                              const std::string text = file_text(fd);
                              ::close(fd);
                              responder.reply(JsonText::raw(json_string(text)));
                            });
  });
  auto client = connect(server.fixture);
  client->send_with_fds(R"({"id":1,"method":"Test.AsyncRead"})" "\n", {server.beta.fd()});
  EXPECT_STREQ(client->read_json()["result"].GetString(), "beta");
}

TEST(ControlFds, HalfClosedLastLineKeepsItsDescriptors) {
  FdServer server;
  auto client = connect(server.fixture);
  client->send_with_fds(fds_request(1), {server.alpha.fd()});  // no newline
  ::shutdown(client->fd(), SHUT_WR);
  EXPECT_EQ(texts_of(client->read_json()), std::vector<std::string>{"alpha"});
  EXPECT_TRUE(client->wait_closed());
}

TEST(ControlFds, PlainClientUnaffectedByAPassingOne) {
  FdServer server;
  auto passing = connect(server.fixture);
  auto plain = connect(server.fixture);
  for (int i = 0; i < 5; ++i) {
    passing->send_with_fds(fds_request(i) + "\n", {server.alpha.fd()});
    plain->send_line(fds_request(i));
    EXPECT_EQ(plain->read_json()["result"]["count"].GetInt(), 0);
    EXPECT_EQ(texts_of(passing->read_json()), std::vector<std::string>{"alpha"});
  }
}

}  // namespace
}  // namespace tendon::control
