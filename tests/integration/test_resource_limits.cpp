// The real tendond refusing what is too large, with a clear error and without dying: a
// request line over the socket's limit, a file over the import cap (a sparse file: no disk
// is spent), an export zip whose entry inflates past the archive limits, and one client
// too many. After each refusal the daemon still answers.
#include <fcntl.h>
#include <unistd.h>

#include <fstream>

#include "export_fixtures.h"
#include "socket_daemon_test.h"

namespace tendon::testing {
namespace {

namespace fs = std::filesystem;

class ResourceLimits : public SocketDaemonTest {
 protected:
  // The daemon is alive and answers a request on a new connection.
  void expect_still_serving() const {
    auto client = connect();
    client->send_line(R"({"jsonrpc":"2.0","id":99,"method":"Server.ListMethods"})");
    const auto answer = client->read_json();
    EXPECT_TRUE(answer.IsObject() && answer.HasMember("result")) << daemon->log();
  }

  bool arrives(const fs::path& file) const {
    return eventually([&] { return fs::exists(file); });
  }
};

TEST_F(ResourceLimits, ALineOverTheLimitIsRefusedAndTheClientHungUpOn) {
  auto client = connect();
  // No newline: the daemon must refuse it once the limit is passed, not wait for the end.
  client->send_raw(std::string(static_cast<std::size_t>(TENDON_DEFAULT_MAX_LINE_BYTES) + 4096, 'x'));
  const auto error = client->read_json();
  ASSERT_TRUE(error.IsObject() && error.HasMember("error")) << client->pending();
  EXPECT_EQ(error["error"]["code"].GetInt(), TENDON_RPC_INVALID_REQUEST);
  EXPECT_EQ(string_member(error["error"], "message"),
            "line longer than " + std::to_string(TENDON_DEFAULT_MAX_LINE_BYTES) + " bytes");
  EXPECT_TRUE(client->wait_closed());
  expect_still_serving();
}

TEST_F(ResourceLimits, AFileOverTheImportCapGoesToFailedWithTheLimitNamed) {
  // 600 MiB that take no disk: over the 512 MiB cap, and read as nothing but its size.
  const fs::path part = inbox / ".huge.jsonl.part";
  {
    const int fd = ::open(part.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::ftruncate(fd, off_t{600} << 20), 0);
    ::close(fd);
  }
  fs::rename(part, inbox / "huge.jsonl");
  ASSERT_TRUE(arrives(inbox / "failed/huge.jsonl.reason")) << daemon->log();
  const std::string reason = "file is 629145600 bytes, over the limit of 536870912";
  EXPECT_TRUE(daemon->wait_for("tendond: failed " + (inbox / "huge.jsonl").string() + ": " + reason)) << daemon->log();
  std::ifstream reason_file(inbox / "failed/huge.jsonl.reason");
  std::string first_line;
  std::getline(reason_file, first_line);
  EXPECT_EQ(first_line, reason);
  expect_still_serving();
}

TEST_F(ResourceLimits, AnExportEntryThatInflatesPastTheLimitIsRefusedByName) {
  // 300 MiB of zeros: past the 256 MiB entry limit and the 200:1 ratio, a few hundred KiB zipped.
  const std::string csv =
      "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,Filename,Moving Time,Distance\n"
      "bomb,\"Jan 2, 2026, 7:00:00 AM\",Bomb,Run,1800,5.0,activities/bomb.gpx,1750,5000\n"
      "plain,\"Jan 3, 2026, 7:00:00 AM\",Plain,Run,1800,5.0,,1750,5000\n";
  const std::string zip = make_zip({{"activities.csv", csv}, {"activities/bomb.gpx", std::string(300u << 20, '\0')}});
  deliver("export.zip", zip);
  ASSERT_TRUE(arrives(inbox / "processed/export.zip")) << daemon->log();
  EXPECT_TRUE(daemon->wait_for("entry 'activities/bomb.gpx': is 314572800 bytes, over the limit of 268435456 (not read)"))
      << daemon->log();
  // The refused track is not the end of the export: both rows are stored from the CSV's figures.
  EXPECT_TRUE(daemon->wait_for("tendond: imported " + (inbox / "export.zip").string() + ": 2 imported")) << daemon->log();
  expect_still_serving();
}

TEST_F(ResourceLimits, OneClientTooManyGetsAClearErrorAndTheOthersStay) {
  std::vector<std::unique_ptr<TestClient>> clients;
  for (int i = 0; i < TENDON_DEFAULT_MAX_CLIENTS; ++i) clients.push_back(connect());
  TestClient extra(socket.string());
  const auto refusal = extra.read_json();
  ASSERT_TRUE(refusal.IsObject() && refusal.HasMember("error")) << extra.pending();
  EXPECT_EQ(refusal["error"]["code"].GetInt(), TENDON_RPC_BUSY);
  EXPECT_TRUE(extra.wait_closed());
  clients.back()->send_line(R"({"jsonrpc":"2.0","id":1,"method":"Server.ListMethods"})");
  EXPECT_TRUE(clients.back()->read_json().HasMember("result"));
}

}  // namespace
}  // namespace tendon::testing
