// The real tendond end to end: the time from a file appearing in the inbox to the alert it
// raises arriving on the control socket, and the daemon's memory when idle and after the run.
// Each iteration renames a small activity log into the inbox whose second run is 15 % longer
// than its first (one spike alert every time; the files are 32 days apart so every one starts
// afresh) and waits for Import.Finished and Alert.Raised for it on a subscribed connection.
// Iteration time is that latency (manual time); the counters give its percentiles in ms and
// the memory in MiB.
#include <benchmark/benchmark.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "bench_daemon.h"

namespace tendon::bench {
namespace {

namespace fs = std::filesystem;
using tendon::testing::RunningDaemon;
using tendon::testing::TestClient;
using Clock = std::chrono::steady_clock;

constexpr int kFiles = 200;
constexpr auto kEventWithin = std::chrono::seconds(10);

std::string date_of(std::chrono::sys_days day) {
  const std::chrono::year_month_day date{day};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()));
  return text;
}

// File `n`: a 5 km run, and the next morning one 15 % longer (a small spike).
std::string spike_file(int n) {
  using namespace std::chrono;
  const sys_days first = sys_days{year{2001} / 1 / 1} + days{32 * n};
  auto run = [n](const char* which, sys_days day, int metres) {
    return "{\"id\":\"f" + std::to_string(n) + which + "\",\"start\":\"" + date_of(day) +
           "T07:00:00Z\",\"sport\":\"running\",\"distance_m\":" + std::to_string(metres) + "}\n";
  };
  return run("a", first, 5000) + run("b", first + days{1}, 5750);
}

std::string string_member(const rapidjson::Value& object, const char* name) {
  if (!object.IsObject() || !object.HasMember(name) || !object[name].IsString()) return {};
  return object[name].GetString();
}

// Reads events until `matches` accepts one; its arrival time, or nothing by the deadline.
template <class Matches>
std::optional<Clock::time_point> await_event(TestClient& client, Matches matches) {
  const auto deadline = Clock::now() + kEventWithin;
  while (Clock::now() < deadline) {
    const auto line = client.read_line(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()));
    if (!line) return std::nullopt;
    const auto arrived = Clock::now();
    rapidjson::Document event;
    event.Parse(line->c_str());
    if (event.HasParseError() || !event.HasMember("params")) continue;
    if (matches(string_member(event, "method"), event["params"])) return arrived;
  }
  return std::nullopt;
}

double percentile_ms(std::vector<double> seconds, double fraction) {
  if (seconds.empty()) return 0;
  std::sort(seconds.begin(), seconds.end());
  const auto rank = static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(seconds.size())));
  return seconds[std::clamp<std::size_t>(rank, 1, seconds.size()) - 1] * 1000;
}

void BM_DaemonAlertLatency(benchmark::State& state) {
  BenchDaemon bench;
  if (!bench.ready(state)) return;
  RunningDaemon& daemon = bench.daemon();
  const fs::path& inbox = bench.inbox();
  const Memory idle = memory_of(daemon.pid());

  std::vector<double> alert_seconds, import_seconds;
  try {
    const auto connection = bench.connect();
    TestClient& client = *connection;
    client.send_line(R"({"jsonrpc":"2.0","id":1,"method":"Events.Subscribe","params":{"events":["Import","Alert.Raised"]}})");
    client.read_json();
    int n = 0;
    for (auto _ : state) {
      const std::string name = "run-" + std::to_string(n) + ".jsonl";
      const fs::path part = inbox / ("." + name + ".part"), file = inbox / name;
      std::ofstream(part, std::ios::binary) << spike_file(n++);
      const auto closed = Clock::now();
      fs::rename(part, file);
      const auto imported = await_event(client, [&](const std::string& method, const rapidjson::Value& params) {
        return method.rfind("Import.", 0) == 0 && string_member(params, "file") == file.string();
      });
      const auto alerted = await_event(client, [](const std::string& method, const rapidjson::Value& params) {
        return method == "Alert.Raised" && string_member(params, "kind") == "spike";
      });
      if (!imported || !alerted) {
        state.SkipWithError(("no import and spike alert for " + file.string() + " within 10 s: " + daemon.log()).c_str());
        break;
      }
      import_seconds.push_back(std::chrono::duration<double>(*imported - closed).count());
      alert_seconds.push_back(std::chrono::duration<double>(*alerted - closed).count());
      state.SetIterationTime(alert_seconds.back());
    }
  } catch (const std::exception& failure) {
    state.SkipWithError((std::string("control socket: ") + failure.what()).c_str());
  }
  const Memory after = memory_of(daemon.pid());

  state.counters["alert_p50_ms"] = percentile_ms(alert_seconds, 0.50);
  state.counters["alert_p90_ms"] = percentile_ms(alert_seconds, 0.90);
  state.counters["alert_p99_ms"] = percentile_ms(alert_seconds, 0.99);
  state.counters["alert_max_ms"] = percentile_ms(alert_seconds, 1.0);
  state.counters["import_p99_ms"] = percentile_ms(import_seconds, 0.99);
  state.counters["idle_rss_MiB"] = idle.rss_mib;
  state.counters["idle_hwm_MiB"] = idle.hwm_mib;
  state.counters["after_rss_MiB"] = after.rss_mib;
  state.counters["after_hwm_MiB"] = after.hwm_mib;
}

// One pass of kFiles files: the percentiles need every latency of one daemon's life.
BENCHMARK(BM_DaemonAlertLatency)->Iterations(kFiles)->UseManualTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace tendon::bench
