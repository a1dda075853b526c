#pragma once
// The real tendond on a temporary config (athlete ana, UTC, one inbox) and a socket of its
// own, with what the socket tests share: connecting past the greeting and delivering files.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "running_daemon.h"
#include "tendon/protocol.h"
#include "test_client.h"

namespace tendon::testing {

// The string member `name`, "" when absent or not a string.
inline std::string string_member(const rapidjson::Value& object, const char* name) {
  if (!object.IsObject() || !object.HasMember(name) || !object[name].IsString()) return {};
  return object[name].GetString();
}

class SocketDaemonTest : public ::testing::Test {
 protected:
  SocketDaemonTest() : inbox(dir.path() / "inbox"), socket(dir.path() / "s.sock") {
    dir.write("tendon.toml", "database = \"" + dir / "t.db" + "\"\n[athletes.ana]\ntimezone = \"UTC\"\ninboxes = [\"" +
                                 inbox.string() + "\"]\n");
    std::filesystem::create_directories(inbox);
    daemon = std::make_unique<RunningDaemon>(
        dir, std::vector<std::string>{"--config", dir / "tendon.toml", "--socket", socket.string()});
    EXPECT_TRUE(daemon->wait_for("ready")) << daemon->log();
  }

  // Connects and reads the greeting.
  std::unique_ptr<TestClient> connect() const {
    auto client = std::make_unique<TestClient>(socket.string());
    const auto hello = client->read_json();
    EXPECT_EQ(string_member(hello, "method"), TENDON_METHOD_SERVER_HELLO) << daemon->log();
    return client;
  }

  // Written under a temporary hidden name, then renamed in: the way a sync tool delivers.
  void deliver(const std::string& name, const std::string& text) const {
    const std::filesystem::path part = inbox / ("." + name + ".part");
    std::ofstream(part, std::ios::binary) << text;
    std::filesystem::rename(part, inbox / name);
  }

  TempDir dir;
  std::filesystem::path inbox;
  std::filesystem::path socket;
  std::unique_ptr<RunningDaemon> daemon;
};

}  // namespace tendon::testing
