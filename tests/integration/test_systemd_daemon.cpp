// The real tendond under what systemd gives a service, set up by hand (no systemd needed):
// a notify socket (READY, STATUS, WATCHDOG, RELOADING, STOPPING), a listening socket passed
// as fd 3 (socket activation), $STATE_DIRECTORY / $RUNTIME_DIRECTORY, and system mode's
// socket (0660, group tendon, members get the control tier).
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "running_daemon.h"
#include "support/process.h"
#include "test_client.h"

namespace tendon::testing {
namespace {

namespace fs = std::filesystem;

sockaddr_un unix_address(const fs::path& path) {
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, path.c_str(), sizeof address.sun_path - 1);
  return address;
}

// A Unix socket of `type` bound at `path` (listening when it is a stream socket).
int bound_socket(const fs::path& path, int type) {
  const int fd = ::socket(AF_UNIX, type | SOCK_CLOEXEC, 0);
  const sockaddr_un address = unix_address(path);
  // NOLINTNEXTLINE: the sockets API takes the generic address type
  if (fd < 0 || ::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    throw std::runtime_error("bind " + path.string() + ": " + std::strerror(errno));
  }
  if (type == SOCK_STREAM && ::listen(fd, 16) != 0) throw std::runtime_error("listen: " + std::string(std::strerror(errno)));
  return fd;
}

// In the child, before exec: what systemd does for socket activation. The descriptors
// become 3, 4, ... (first moved out of the way, so one already sitting on 3 is not lost).
void pass_listen_fds(const std::vector<int>& fds) {
  std::vector<int> moved;
  for (int fd : fds) moved.push_back(::fcntl(fd, F_DUPFD, 100));
  for (std::size_t i = 0; i < moved.size(); ++i) ::dup2(moved[i], 3 + static_cast<int>(i));  // dup2: no CLOEXEC
  ::setenv("LISTEN_FDS", std::to_string(fds.size()).c_str(), 1);
  ::setenv("LISTEN_PID", std::to_string(::getpid()).c_str(), 1);
}

std::string run_line(const std::string& id, int metres) {
  return "{\"id\":\"" + id + "\",\"start\":\"2026-11-02T07:00:00Z\",\"sport\":\"running\",\"distance_m\":" +
         std::to_string(metres) + "}\n";
}

// One athlete with one inbox; no database line, so the default (and $STATE_DIRECTORY) decides.
std::string config_text(const fs::path& inbox) {
  return "[athletes.ana]\ntimezone = \"UTC\"\ninboxes = [\"" + inbox.string() + "\"]\n";
}

std::string string_member(const rapidjson::Value& object, const char* name) {
  if (!object.IsObject() || !object.HasMember(name) || !object[name].IsString()) return {};
  return object[name].GetString();
}

// The greeting's tier, or "" when there was no greeting.
std::string greeting_tier(const fs::path& socket) {
  TestClient client(socket.string());
  const auto hello = client.read_json();
  if (string_member(hello, "method") != "Server.Hello" || !hello.HasMember("params")) return "";
  return string_member(hello["params"], "tier");
}

// The datagram socket systemd reads notifications on ($NOTIFY_SOCKET).
class NotifyListener {
 public:
  explicit NotifyListener(fs::path path) : path_(std::move(path)), fd_(bound_socket(path_, SOCK_DGRAM)) {}
  ~NotifyListener() { ::close(fd_); }
  NotifyListener(const NotifyListener&) = delete;
  NotifyListener& operator=(const NotifyListener&) = delete;

  const fs::path& path() const { return path_; }

  // How many lines received so far are exactly `line` (or start with it, for "STATUS=").
  std::size_t count(const std::string& line, bool prefix = false) {
    drain();
    return static_cast<std::size_t>(std::count_if(lines_.begin(), lines_.end(), [&](const std::string& l) {
      return prefix ? l.rfind(line, 0) == 0 : l == line;
    }));
  }
  bool eventually_has(const std::string& line, std::size_t times = 1, bool prefix = false) {
    return eventually([&] { return count(line, prefix) >= times; });
  }
  // The last STATUS= text.
  std::string status() {
    drain();
    for (auto it = lines_.rbegin(); it != lines_.rend(); ++it) {
      if (it->rfind("STATUS=", 0) == 0) return it->substr(7);
    }
    return "";
  }
  std::string all() {
    drain();
    std::string text;
    for (const auto& l : lines_) text += l + "\n";
    return text;
  }

 private:
  void drain() {
    char buffer[4096];
    for (;;) {
      const auto got = ::recv(fd_, buffer, sizeof buffer, MSG_DONTWAIT);
      if (got <= 0) return;
      std::string message(buffer, static_cast<std::size_t>(got));
      std::size_t start = 0;
      while (start <= message.size()) {
        const auto end = message.find('\n', start);
        const auto line = message.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!line.empty()) lines_.push_back(line);
        if (end == std::string::npos) break;
        start = end + 1;
      }
    }
  }

  fs::path path_;
  int fd_;
  std::vector<std::string> lines_;
};

class SystemdDaemon : public ::testing::Test {
 protected:
  SystemdDaemon() : inbox(dir.path() / "inbox"), config(dir.write("tendon.toml", config_text(dir.path() / "inbox"))) {
    fs::create_directories(inbox);
  }

  TempDir dir;
  fs::path inbox;
  fs::path config;
};

TEST_F(SystemdDaemon, TellsSystemdReadyStatusWatchdogReloadAndStop) {
  NotifyListener notify(dir.path() / "notify.sock");
  RunningDaemon daemon(dir, {"--config", config.string(), "--socket", dir / "s.sock"}, [&] {
    ::setenv("NOTIFY_SOCKET", notify.path().c_str(), 1);
    ::setenv("WATCHDOG_USEC", "300000", 1);  // pings every 150 ms
    ::setenv("WATCHDOG_PID", std::to_string(::getpid()).c_str(), 1);
  });
  ASSERT_TRUE(notify.eventually_has("READY=1")) << daemon.log() << notify.all();
  EXPECT_EQ(notify.status(), "watching 1 inbox, 0 activities stored, nothing imported yet");
  // More than the first ping: the timer on the loop keeps them coming.
  EXPECT_TRUE(notify.eventually_has("WATCHDOG=1", 4)) << notify.all();

  std::ofstream(inbox / "run.jsonl.part") << run_line("r1", 10000);
  fs::rename(inbox / "run.jsonl.part", inbox / "run.jsonl");
  EXPECT_TRUE(eventually([&] { return notify.status().find("1 activity stored, last import ") != std::string::npos; }))
      << daemon.log() << notify.all();
  EXPECT_NE(notify.status().find(" run.jsonl"), std::string::npos) << notify.status();

  daemon.signal(SIGHUP);
  EXPECT_TRUE(notify.eventually_has("RELOADING=1")) << notify.all();
  EXPECT_TRUE(notify.eventually_has("MONOTONIC_USEC=", 1, true)) << notify.all();
  EXPECT_TRUE(notify.eventually_has("READY=1", 2)) << daemon.log() << notify.all();

  daemon.signal(SIGTERM);
  EXPECT_EQ(daemon.wait_exit(), 0) << daemon.log();
  EXPECT_EQ(notify.count("STOPPING=1"), 1u) << notify.all();
}

TEST_F(SystemdDaemon, AWatchdogMeantForAnotherProcessIsLeftAlone) {
  NotifyListener notify(dir.path() / "notify.sock");
  RunningDaemon daemon(dir, {"--config", config.string(), "--socket", dir / "s.sock"}, [&] {
    ::setenv("NOTIFY_SOCKET", notify.path().c_str(), 1);
    ::setenv("WATCHDOG_USEC", "300000", 1);
    ::setenv("WATCHDOG_PID", "1", 1);  // systemd watches pid 1, not us
  });
  ASSERT_TRUE(notify.eventually_has("READY=1")) << daemon.log() << notify.all();
  daemon.signal(SIGTERM);
  EXPECT_EQ(daemon.wait_exit(), 0) << daemon.log();
  // The first ping goes out before READY=1, so had the watchdog started it would be here.
  EXPECT_EQ(notify.count("WATCHDOG=1"), 0u) << notify.all();
}

TEST_F(SystemdDaemon, UsesTheListeningSocketSystemdPasses) {
  const fs::path socket = dir.path() / "activated.sock";
  const int listening = bound_socket(socket, SOCK_STREAM);
  RunningDaemon daemon(dir, {"--config", config.string()}, [&] { pass_listen_fds({listening}); });
  ::close(listening);  // the daemon's copy is the one that must answer
  ASSERT_TRUE(daemon.wait_for("ready")) << daemon.log();
  EXPECT_NE(daemon.log().find("socket " + socket.string() + " (from systemd)"), std::string::npos) << daemon.log();
  EXPECT_EQ(greeting_tier(socket), "admin");
  // It bound nothing of its own at the default place.
  EXPECT_FALSE(fs::exists(dir.path() / "run" / "tendon" / "tendond.sock"));

  daemon.signal(SIGTERM);
  EXPECT_EQ(daemon.wait_exit(), 0) << daemon.log();
  EXPECT_TRUE(fs::exists(socket)) << "the socket file is systemd's to remove, not the daemon's";
}

TEST_F(SystemdDaemon, RefusesMoreThanOnePassedSocket) {
  const int first = bound_socket(dir.path() / "a.sock", SOCK_STREAM);
  const int second = bound_socket(dir.path() / "b.sock", SOCK_STREAM);
  RunningDaemon daemon(dir, {"--config", config.string()}, [&] { pass_listen_fds({first, second}); });
  ::close(first);
  ::close(second);
  EXPECT_EQ(daemon.wait_exit(), 1) << daemon.log();
  EXPECT_NE(daemon.log().find("tendond: socket activation: systemd passed 2 sockets, tendond takes exactly one"),
            std::string::npos)
      << daemon.log();
}

TEST_F(SystemdDaemon, RefusesAPassedSocketOfTheWrongKind) {
  const int datagram = bound_socket(dir.path() / "d.sock", SOCK_DGRAM);
  RunningDaemon daemon(dir, {"--config", config.string()}, [&] { pass_listen_fds({datagram}); });
  ::close(datagram);
  EXPECT_EQ(daemon.wait_exit(), 1) << daemon.log();
  EXPECT_NE(daemon.log().find("is not a listening Unix stream socket"), std::string::npos) << daemon.log();
}

TEST_F(SystemdDaemon, KeepsItsStateAndSocketInSystemdsDirectories) {
  const fs::path state = dir.path() / "state", runtime = dir.path() / "runtime";
  fs::create_directories(state);  // systemd creates them before starting the service
  fs::create_directories(runtime);
  RunningDaemon daemon(dir, {"--config", config.string()}, [&] {
    ::setenv("STATE_DIRECTORY", state.c_str(), 1);
    ::setenv("RUNTIME_DIRECTORY", runtime.c_str(), 1);
  });
  ASSERT_TRUE(daemon.wait_for("ready")) << daemon.log();
  EXPECT_TRUE(fs::exists(state / "tendon.db")) << daemon.log();
  EXPECT_NE(daemon.log().find("database " + (state / "tendon.db").string()), std::string::npos) << daemon.log();
  EXPECT_EQ(greeting_tier(runtime / "tendond.sock"), "admin") << daemon.log();
  EXPECT_FALSE(fs::exists(dir.path() / "data" / "tendon" / "tendon.db")) << "the XDG default was used";
}

// What a process running as `uid` with only the group `gid` sees when it connects: the
// greeting's tier, or "refused: reason". Runs in a child, as the test itself is root.
std::string tier_as(const fs::path& socket, uid_t uid, gid_t gid) {
  int result[2];
  if (::pipe(result) != 0) return "pipe failed";
  const pid_t child = ::fork();
  if (child == 0) {
    ::close(result[0]);
    std::string answer;
    if (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0) {
      answer = "cannot become the caller";
    } else {
      try {
        answer = greeting_tier(socket);
      } catch (const std::exception& e) {
        answer = std::string("refused: ") + e.what();
      }
    }
    (void)!::write(result[1], answer.data(), answer.size());
    ::_exit(0);
  }
  ::close(result[1]);
  std::string answer;
  char buffer[512];
  for (;;) {  // the child's own reads have deadlines, so the pipe closes
    const auto got = ::read(result[0], buffer, sizeof buffer);
    if (got <= 0) break;
    answer.append(buffer, static_cast<std::size_t>(got));
  }
  ::close(result[0]);
  ::waitpid(child, nullptr, 0);
  return answer;
}

// The group "tendon" as systemd-sysusers would create it at install; made here (an empty
// system group, left in place so that tests running side by side never see it vanish) only
// when missing and we are root.
const group* tendon_group() {
  if (const group* found = ::getgrnam("tendon")) return found;
  (void)run_process({"/usr/sbin/groupadd", "--system", "tendon"});
  return ::getgrnam("tendon");
}

TEST_F(SystemdDaemon, SystemModeSocketIsForTheTendonGroup) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root: it checks the group of the socket and connects as other users";
  const group* tendon = tendon_group();
  if (tendon == nullptr) GTEST_SKIP() << "no group 'tendon' and groupadd could not create it";
  const gid_t tendon_gid = tendon->gr_gid;
  const uid_t nobody = 65534;

  fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
  const fs::path state = dir.path() / "state", etc = dir.path() / "etc", runtime = dir.path() / "runtime";
  fs::create_directories(state);
  dir.write("etc/tendon.toml", config_text(inbox));
  // No --config, no --socket: system mode finds both through systemd's directories.
  RunningDaemon daemon(dir, {"--system"}, [&] {
    ::setenv("STATE_DIRECTORY", state.c_str(), 1);
    ::setenv("CONFIGURATION_DIRECTORY", etc.c_str(), 1);
    ::setenv("RUNTIME_DIRECTORY", runtime.c_str(), 1);
  });
  ASSERT_TRUE(daemon.wait_for("ready")) << daemon.log();
  EXPECT_NE(daemon.log().find("config " + (etc / "tendon.toml").string()), std::string::npos) << daemon.log();
  EXPECT_TRUE(fs::exists(state / "tendon.db"));

  const fs::path socket = runtime / "tendond.sock";
  struct stat info {};
  ASSERT_EQ(::stat(socket.c_str(), &info), 0) << daemon.log();
  EXPECT_TRUE(S_ISSOCK(info.st_mode));
  EXPECT_EQ(info.st_mode & 07777, 0660u);
  EXPECT_EQ(info.st_gid, tendon_gid);
  // The folder it made itself lets group members reach the socket.
  ASSERT_EQ(::stat(runtime.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 07777, 0755u);

  EXPECT_EQ(greeting_tier(socket), "admin");  // root
  EXPECT_EQ(tier_as(socket, nobody, tendon_gid), "control");
  EXPECT_NE(tier_as(socket, nobody, nobody).find("refused: connect"), std::string::npos);
}

}  // namespace
}  // namespace tendon::testing
