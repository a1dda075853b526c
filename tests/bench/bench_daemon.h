#pragma once
// What the daemon benchmarks share: the real tendond on a temporary folder (one athlete,
// UTC, its own inbox, database and socket), a connected client, and memory read from /proc.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "running_daemon.h"
#include "test_client.h"

namespace tendon::bench {

struct Memory {
  double rss_mib = 0;
  double hwm_mib = 0;
};

// VmRSS and VmHWM of `pid` from /proc (kB there).
inline Memory memory_of(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  Memory memory;
  for (std::string line; std::getline(status, line);) {
    double kib = 0;
    if (std::sscanf(line.c_str(), "VmRSS: %lf kB", &kib) == 1) memory.rss_mib = kib / 1024;
    if (std::sscanf(line.c_str(), "VmHWM: %lf kB", &kib) == 1) memory.hwm_mib = kib / 1024;
  }
  return memory;
}

class BenchDaemon {
 public:
  BenchDaemon() : inbox_(dir_.path() / "inbox"), socket_(dir_.path() / "s.sock") {
    std::filesystem::create_directories(inbox_);
    dir_.write("tendon.toml", "database = \"" + dir_ / "t.db" + "\"\n[athletes.ana]\ntimezone = \"UTC\"\ninboxes = [\"" +
                                  inbox_.string() + "\"]\n");
    daemon_ = std::make_unique<testing::RunningDaemon>(
        dir_, std::vector<std::string>{"--config", dir_ / "tendon.toml", "--socket", socket_.string()});
  }
  ~BenchDaemon() {
    daemon_->signal(SIGTERM);
    daemon_->wait_exit();
  }
  BenchDaemon(const BenchDaemon&) = delete;
  BenchDaemon& operator=(const BenchDaemon&) = delete;

  // False (and the benchmark marked failed with the daemon's log) when it did not start.
  bool ready(benchmark::State& state) {
    if (daemon_->wait_for("ready")) return true;
    state.SkipWithError(("tendond did not start: " + daemon_->log()).c_str());
    return false;
  }

  // A client past the greeting.
  std::unique_ptr<testing::TestClient> connect() const {
    auto client = std::make_unique<testing::TestClient>(socket_.string());
    client->read_json();
    return client;
  }

  const std::filesystem::path& inbox() const { return inbox_; }
  testing::RunningDaemon& daemon() { return *daemon_; }

 private:
  testing::TempDir dir_;
  std::filesystem::path inbox_, socket_;
  std::unique_ptr<testing::RunningDaemon> daemon_;
};

}  // namespace tendon::bench
