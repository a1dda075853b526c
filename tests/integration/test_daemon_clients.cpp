// The real tendond's control socket under hostile or careless clients: a subscriber that
// stops reading while thousands of events pile up, a user without permission, and more
// clients than the limit. None of them may stall the daemon or the well-behaved clients.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <grp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "running_daemon.h"
#include "tendon/protocol.h"
#include "socket_daemon_test.h"
#include "test_client.h"

namespace tendon::testing {
namespace {

namespace fs = std::filesystem;
using std::chrono::milliseconds;
using std::chrono::steady_clock;

// A daemon that blocked on a client would never answer; a busy one answers after a store
// write or two (they run on the loop's thread). Time is only the liveness bound, generous
// for sanitizers on a loaded machine: what is checked is how many stores an answer waited
// for (kStoresAnAnswerMayWaitFor).
constexpr auto kAnswerWithin = std::chrono::seconds(60);
// The store under way when the request arrived and the one already queued before it: files
// parsed ahead are stored one per turn of the loop, not all before the answer.
constexpr std::size_t kStoresAnAnswerMayWaitFor = 3;
constexpr uid_t kNobody = 65534;

bool has_result(const rapidjson::Value& answer) { return answer.IsObject() && answer.HasMember("result"); }

int error_code(const rapidjson::Value& answer) {
  if (!answer.IsObject() || !answer.HasMember("error") || !answer["error"].IsObject() ||
      !answer["error"].HasMember("code") || !answer["error"]["code"].IsInt()) {
    return 0;
  }
  return answer["error"]["code"].GetInt();
}

std::string iso_time(std::chrono::sys_seconds when) {
  const auto day = std::chrono::floor<std::chrono::days>(when);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss time{when - day};
  char text[64];  // room for any int year: GCC checks the worst case
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02ld:%02ld:%02ldZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<long>(time.hours().count()), static_cast<long>(time.minutes().count()),
                static_cast<long>(time.seconds().count()));
  return text;
}

// An activity log that raises about one spike alert per run: `blocks` blocks of
// kRunsPerBlock runs, each run 15 % longer than the one before, half an hour apart; the
// blocks 32 days apart so each starts afresh. Block numbers make every file's runs distinct.
constexpr int kRunsPerBlock = 30;
// About 12,000 alert events in all: more than the output bound (8192 messages or 4 MiB)
// plus what the socket itself buffers.
constexpr int kFiles = 40;
constexpr int kBlocksPerFile = 10;
std::string spiky_history(int first_block, int blocks) {
  using namespace std::chrono;
  std::string text;
  for (int block = first_block; block < first_block + blocks; ++block) {
    const sys_seconds block_start = sys_days{year{1991} / 1 / 1} + days{32 * block} + hours{6};
    double metres = 1000;
    for (int run = 0; run < kRunsPerBlock; ++run, metres *= 1.15) {
      text += "{\"id\":\"b" + std::to_string(block) + "-" + std::to_string(run) + "\",\"start\":\"" +
              iso_time(block_start + minutes{30 * run}) + "\",\"sport\":\"running\",\"distance_m\":" +
              std::to_string(static_cast<int>(metres)) + "}\n";
    }
  }
  return text;
}

class DaemonClients : public SocketDaemonTest {
 protected:
  // Sends a request and returns its answer, skipping events; a null document when none
  // came within kAnswerWithin.
  static rapidjson::Document call(TestClient& client, int id, const std::string& method, const std::string& params) {
    client.send_line("{\"jsonrpc\":\"2.0\",\"id\":" + std::to_string(id) + ",\"method\":\"" + method +
                     "\",\"params\":" + params + "}");
    const auto deadline = steady_clock::now() + kAnswerWithin;
    while (steady_clock::now() < deadline) {
      const auto line = client.read_line(std::chrono::duration_cast<milliseconds>(deadline - steady_clock::now()));
      if (!line) break;
      rapidjson::Document doc;
      doc.Parse(line->c_str());
      if (!doc.HasParseError() && doc.IsObject() && doc.HasMember("id") && doc["id"].IsInt() &&
          doc["id"].GetInt() == id) {
        return doc;
      }
    }
    return rapidjson::Document{};
  }

  // Delivers kFiles spiky histories, at most `in_flight` of them waiting at a time, and asks
  // `reader` for the latest run all along; returns the slowest answer. A missing answer
  // (none within kAnswerWithin) is a test failure and ends it.
  milliseconds import_while_asking(TestClient& reader, int in_flight) {
    int delivered = 0, id = 2;
    auto slowest = milliseconds(0);
    const bool all_processed = eventually(
        [&] {
          const int processed = static_cast<int>(processed_files());
          for (; delivered < kFiles && delivered < processed + in_flight; ++delivered) {
            deliver("history-" + std::to_string(delivered) + ".jsonl",
                    spiky_history(delivered * kBlocksPerFile, kBlocksPerFile));
          }
          const auto asked = steady_clock::now();
          const std::size_t stored_before = processed_files();
          const auto answer = call(reader, id++, "Run.List", R"({"limit":1})");
          EXPECT_TRUE(has_result(answer)) << "no answer within " << kAnswerWithin.count() << " s\n" << daemon->log();
          EXPECT_LE(processed_files() - stored_before, kStoresAnAnswerMayWaitFor) << "an answer waited for every store";
          slowest = std::max(slowest, std::chrono::duration_cast<milliseconds>(steady_clock::now() - asked));
          return !has_result(answer) || processed == kFiles;
        },
        std::chrono::seconds(300));
    EXPECT_TRUE(all_processed) << processed_files() << " of " << kFiles << " files processed\n" << daemon->log();
    return slowest;
  }

  // Every file whole: all its runs stored, none failed.
  void expect_every_file_imported() const {
    const std::string log = daemon->log();
    for (int file = 0; file < kFiles; ++file) {
      const std::string name = "history-" + std::to_string(file) + ".jsonl";
      EXPECT_NE(log.find(name + ": " + std::to_string(kBlocksPerFile * kRunsPerBlock) + " imported"), std::string::npos)
          << name << "\n"
          << log;
    }
    EXPECT_FALSE(fs::exists(inbox / "failed"));
  }

  std::size_t processed_files() const {
    std::error_code ec;
    std::size_t n = 0;
    for (auto it = fs::directory_iterator(inbox / "processed", ec); !ec && it != fs::directory_iterator(); ++it) ++n;
    return n;
  }
};

TEST_F(DaemonClients, ASubscriberThatNeverReadsIsDroppedWhileOthersAreAnsweredAndEveryFileIsImported) {
  auto stalled = connect();
  stalled->send_line(R"({"jsonrpc":"2.0","id":1,"method":"Events.Subscribe","params":{}})");
  auto reader = connect();
  ASSERT_TRUE(has_result(call(*reader, 1, "Run.List", R"({"limit":1})"))) << daemon->log();

  // A steady stream, two files at a time (one per parse worker).
  const auto slowest = import_while_asking(*reader, 2);
  ASSERT_FALSE(HasFailure());
  std::cout << "slowest answer while importing: " << slowest.count() << " ms\n";
  expect_every_file_imported();

  // The stalled client was hung up on while the daemon kept running: it reads what the
  // socket held, at most the Events.Overflow notice (sent only if the socket had room),
  // then end of stream, far fewer lines than the events published.
  std::size_t lines = 0;
  std::string last;
  while (auto line = stalled->read_line(std::chrono::seconds(10))) {
    ++lines;
    last = *line;
  }
  ASSERT_TRUE(stalled->closed()) << "the stalled client is still connected after " << lines << " lines";
  EXPECT_LT(lines, static_cast<std::size_t>(TENDON_DEFAULT_MAX_OUTPUT_MESSAGES));
  if (last.find(TENDON_EVENT_OVERFLOW) != std::string::npos) {
    rapidjson::Document overflow;
    overflow.Parse(last.c_str());
    ASSERT_TRUE(!overflow.HasParseError() && overflow.IsObject() && overflow.HasMember("params")) << last;
    EXPECT_EQ(string_member(overflow["params"], "reason"), "output queue full");
  }
  std::cout << "the stalled client read " << lines << " lines before the end of stream; the last: "
            << last.substr(0, 120) << "\n";

  EXPECT_TRUE(has_result(call(*reader, 100000, "Run.List", R"({"limit":1})"))) << daemon->log();
  EXPECT_NE(daemon->log().find("dropped a client that stopped reading"), std::string::npos)
      << "the daemon says why the client went\n" << daemon->log();
  daemon->signal(SIGTERM);
  EXPECT_EQ(daemon->wait_exit(), 0) << daemon->log();
}

// Files parsed ahead of a burst are stored one per turn of the loop: a request waits for a
// store or two, not for all of them (before that, 18 s for these 40 files in Debug).
TEST_F(DaemonClients, ABurstOfFilesDoesNotHoldUpAnswers) {
  auto reader = connect();
  const auto slowest = import_while_asking(*reader, kFiles);
  EXPECT_FALSE(HasFailure());
  std::cout << "slowest answer while importing: " << slowest.count() << " ms\n";
  expect_every_file_imported();
}

// What a client running as `uid` got from the socket: the errno of a refused connect, or
// everything the server sent until it hung up (at most 10 s).
struct Attempt {
  int connect_errno = 0;
  std::string received;
  bool hung_up = false;
};

// Runs the attempt in a child that drops root for `uid` and reports back through a pipe:
// "E<errno>" or "C" (closed) / "T" (timeout) followed by the bytes received.
Attempt connect_as(uid_t uid, const fs::path& socket) {
  int report[2];
  if (::pipe(report) != 0) throw std::runtime_error("pipe failed");
  const pid_t child = ::fork();
  if (child == 0) {
    ::close(report[0]);
    std::string result;
    const gid_t gid = uid;
    if (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0) {
      result = "X" + std::string(std::strerror(errno));
    } else {
      const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
      sockaddr_un address{};
      address.sun_family = AF_UNIX;
      std::strncpy(address.sun_path, socket.c_str(), sizeof address.sun_path - 1);
      // NOLINTNEXTLINE: the sockets API takes the generic address type
      if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        result = "E" + std::to_string(errno);
      } else {
        std::string received;
        char status = 'T';
        const auto deadline = steady_clock::now() + std::chrono::seconds(10);
        while (steady_clock::now() < deadline) {
          pollfd readable{fd, POLLIN, 0};
          if (::poll(&readable, 1, 100) <= 0) continue;
          char chunk[4096];
          const auto got = ::recv(fd, chunk, sizeof chunk, 0);
          if (got <= 0) {
            status = 'C';
            break;
          }
          received.append(chunk, static_cast<std::size_t>(got));
        }
        result = status + received;
      }
    }
    [[maybe_unused]] const auto written = ::write(report[1], result.data(), result.size());
    ::_exit(0);
  }
  ::close(report[1]);
  std::string result;
  char chunk[4096];
  for (ssize_t got; (got = ::read(report[0], chunk, sizeof chunk)) > 0;) result.append(chunk, static_cast<std::size_t>(got));
  ::close(report[0]);
  ::waitpid(child, nullptr, 0);

  if (result.empty() || result[0] == 'X') throw std::runtime_error("cannot become uid " + std::to_string(uid) + ": " + result);
  Attempt attempt;
  if (result[0] == 'E') {
    attempt.connect_errno = std::stoi(result.substr(1));
  } else {
    attempt.hung_up = result[0] == 'C';
    attempt.received = result.substr(1);
  }
  return attempt;
}

TEST_F(DaemonClients, AnotherUserIsRefusedByTheFileModeAndThenByThePeerCredentialCheck) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root: the test becomes uid " << kNobody << " to connect as someone else";
  ASSERT_TRUE(daemon->wait_for("tendond: socket " + socket.string())) << daemon->log();

  // As started: a 0600 socket in a private folder.
  const Attempt at_the_file = connect_as(kNobody, socket);
  EXPECT_EQ(at_the_file.connect_errno, EACCES) << "received: " << at_the_file.received;

  // Opened up on purpose, so that only the daemon's own check stands in the way.
  fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
  fs::permissions(socket, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                              fs::perms::group_write | fs::perms::others_read | fs::perms::others_write);
  const Attempt at_the_server = connect_as(kNobody, socket);
  ASSERT_EQ(at_the_server.connect_errno, 0) << std::strerror(at_the_server.connect_errno);
  EXPECT_TRUE(at_the_server.hung_up) << at_the_server.received;
  ASSERT_FALSE(at_the_server.received.empty());
  EXPECT_EQ(at_the_server.received.find('\n'), at_the_server.received.size() - 1)
      << "one line, no greeting: " << at_the_server.received;
  rapidjson::Document refusal;
  refusal.Parse(at_the_server.received.c_str());
  ASSERT_FALSE(refusal.HasParseError()) << at_the_server.received;
  EXPECT_EQ(error_code(refusal), TENDON_RPC_PERMISSION_DENIED) << at_the_server.received;
  EXPECT_TRUE(refusal.IsObject() && refusal.HasMember("id") && refusal["id"].IsNull()) << at_the_server.received;

  // The owner (root here) is still served.
  auto owner = connect();
  EXPECT_TRUE(has_result(call(*owner, 1, "Run.List", "{}"))) << daemon->log();

  // Read after a clean stop: the control server's log lines are not flushed one by one.
  daemon->signal(SIGTERM);
  EXPECT_EQ(daemon->wait_exit(), 0);
  EXPECT_NE(daemon->log().find("refused uid " + std::to_string(kNobody)), std::string::npos) << daemon->log();
}

TEST_F(DaemonClients, OneClientMoreThanTheLimitIsToldBusyAndTheOthersKeepWorking) {
  std::vector<std::unique_ptr<TestClient>> clients;
  for (int i = 0; i < TENDON_DEFAULT_MAX_CLIENTS; ++i) clients.push_back(connect());

  TestClient extra(socket.string());
  const auto busy = extra.read_json();
  EXPECT_EQ(error_code(busy), TENDON_RPC_BUSY) << extra.pending();
  EXPECT_TRUE(busy.IsObject() && busy.HasMember("id") && busy["id"].IsNull());
  EXPECT_TRUE(extra.wait_closed()) << "the refused client was not hung up on";

  for (std::size_t i = 0; i < clients.size(); ++i) {
    EXPECT_TRUE(has_result(call(*clients[i], static_cast<int>(i), "Run.List", R"({"limit":1})")))
        << "client " << i << "\n"
        << daemon->log();
  }

  // A place freed is a place taken: once the server has seen one hang up, a newcomer is greeted.
  clients.pop_back();
  EXPECT_TRUE(eventually([&] {
    TestClient newcomer(socket.string());
    const auto first = newcomer.read_json();
    return string_member(first, "method") == TENDON_METHOD_SERVER_HELLO;
  })) << daemon->log();
}

}  // namespace
}  // namespace tendon::testing
