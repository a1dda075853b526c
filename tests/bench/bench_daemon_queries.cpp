// Status.Get round trips per second on the real tendond's control socket while many other
// clients are connected and subscribed to every event (a coach's dashboards, desktop
// forwarders). The athlete has a year of daily runs, so each answer is a real status
// (30-day longest, ceiling, weeks, ACWR, shoes, alerts). One client asks and waits for each
// answer (request-response, as tendonctl does); the argument is the number of subscribers.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "bench_daemon.h"

namespace tendon::bench {
namespace {

namespace fs = std::filesystem;
using tendon::testing::TestClient;

// 365 daily runs from 2026-01-01, 6 to 14 km in a weekly rhythm (alerts are raised).
std::string year_of_runs() {
  std::string out;
  for (int day = 0; day < 365; ++day) {
    const int metres = 6000 + (day % 7) * 1000 + (day % 29 == 0 ? 4000 : 0);
    const auto start = std::chrono::sys_days{std::chrono::year{2026} / 1 / 1} + std::chrono::days{day};
    const std::chrono::year_month_day date{start};
    char line[160];
    std::snprintf(line, sizeof line,
                  "{\"id\":\"d%d\",\"start\":\"%04d-%02u-%02uT07:00:00Z\",\"sport\":\"running\",\"distance_m\":%d}\n", day,
                  static_cast<int>(date.year()), static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                  metres);
    out += line;
  }
  return out;
}

void BM_DaemonStatusQueries(benchmark::State& state) {
  BenchDaemon bench;
  if (!bench.ready(state)) return;
  const fs::path part = bench.inbox() / ".year.jsonl.part", file = bench.inbox() / "year.jsonl";
  std::ofstream(part, std::ios::binary) << year_of_runs();
  fs::rename(part, file);
  if (!bench.daemon().wait_for("imported " + file.string())) {
    state.SkipWithError(("the year of runs was not imported: " + bench.daemon().log()).c_str());
    return;
  }
  try {
    std::vector<std::unique_ptr<TestClient>> subscribers;
    for (int i = 0; i < state.range(0); ++i) {
      subscribers.push_back(bench.connect());
      subscribers.back()->send_line(R"({"jsonrpc":"2.0","id":1,"method":"Events.Subscribe","params":{}})");
      subscribers.back()->read_json();
    }
    const auto asker = bench.connect();
    std::int64_t id = 0;
    for (auto _ : state) {
      asker->send_line(R"({"jsonrpc":"2.0","id":)" + std::to_string(++id) +
                       R"(,"method":"Status.Get","params":{"athlete":"ana","now":"2026-12-31T20:00:00Z"}})");
      const auto answer = asker->read_line();
      if (!answer || answer->find("\"result\"") == std::string::npos) {
        state.SkipWithError(("Status.Get failed: " + answer.value_or("no answer")).c_str());
        break;
      }
    }
  } catch (const std::exception& failure) {
    state.SkipWithError((std::string("control socket: ") + failure.what()).c_str());
  }
  state.counters["queries/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["subscribers"] = static_cast<double>(state.range(0));
}

// 60 subscribers plus the asker stay under the default limit of 64 clients.
BENCHMARK(BM_DaemonStatusQueries)->Arg(0)->Arg(60)->MinTime(2.0)->UseRealTime()->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace tendon::bench
