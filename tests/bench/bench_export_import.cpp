// A ten-year Strava export (3,650 daily runs as .fit.gz in a zip, with activities.csv and
// shoes.csv) imported the way tendond imports it: the plugin host's Strava importer, its
// nested FIT files, ImportService on a real temporary SQLite file, every alert judged.
// Each import runs in a forked child that does nothing else, so its peak memory
// (ru_maxrss) is the import's; a one-year export beside it shows whether memory grows
// with the archive. Wall time is the child's, from fork to exit.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <stdexcept>

#include "config/config.h"
#include "config/shoe_catalogue.h"
#include "ingest/import_service.h"
#include "store/store.h"
#include "support/generated_export.h"
#include "support/temp_dir.h"

namespace tendon::testing {
namespace {

// The export of `runs` days, generated once per size into the shared folder.
const std::filesystem::path& export_file(const TempDir& dir, std::size_t runs) {
  static std::map<std::size_t, std::filesystem::path> made;
  auto found = made.find(runs);
  if (found != made.end()) return found->second;
  GeneratedExportShape shape;
  shape.runs = runs;
  shape.first_start = 1420092000;  // 2015-01-01T06:00:00Z
  const auto file = dir.path() / ("export_" + std::to_string(runs) + ".zip");
  std::ofstream(file, std::ios::binary) << generated_strava_export(shape);
  return made.emplace(runs, file).first->second;
}

// In the child: the whole import into a fresh database; exit 0 when every run arrived.
[[noreturn]] void import_in_child(const TempDir& dir, const std::filesystem::path& zip, std::size_t runs) {
  int code = 1;
  try {
    const std::string db = dir / ("bench-" + std::to_string(::getpid()) + ".db");
    const auto config_file = dir.write("tendon-" + std::to_string(::getpid()) + ".toml",
                                       "database = \"" + db + "\"\n[athletes.ana]\ntimezone = \"UTC\"\ninboxes = []\n");
    const Config config = load_config(config_file);
    const ShoeCatalogue catalogue = ShoeCatalogue::bundled();
    Store store(config.database);
    PluginHost host([](std::string_view, tendon_level, std::string_view) {});
    register_builtin_plugins(host);
    ImportService service(store, config, catalogue, host);
    const ImportReport report = service.import_file(zip, std::nullopt, 1893456000);
    if (!report.failed() && report.total(&AthleteImport::imported) == runs) code = 0;
    else std::fprintf(stderr, "import: %s, %zu of %zu runs\n", report.error.c_str(), report.total(&AthleteImport::imported), runs);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "import: %s\n", e.what());
  }
  std::fflush(stderr);
  ::_exit(code);
}

void BM_ImportExport(benchmark::State& state) {
  static const TempDir dir;
  const auto runs = static_cast<std::size_t>(state.range(0));
  const auto& zip = export_file(dir, runs);
  long peak_kib = 0;
  for (auto _ : state) {
    const auto started = std::chrono::steady_clock::now();
    const pid_t child = ::fork();
    if (child < 0) throw std::runtime_error("fork failed");
    if (child == 0) import_in_child(dir, zip, runs);
    int status = 0;
    struct rusage usage {};
    ::wait4(child, &status, 0, &usage);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      state.SkipWithError("the import failed (see stderr)");
      return;
    }
    state.SetIterationTime(took.count());
    peak_kib = std::max(peak_kib, usage.ru_maxrss);
  }
  state.counters["runs"] = static_cast<double>(runs);
  state.counters["zip_MB"] = static_cast<double>(std::filesystem::file_size(zip)) / 1e6;
  state.counters["peak_rss_MB"] = static_cast<double>(peak_kib) / 1024.0;
}

// 3,650 runs: ten years of daily running; 365: one year, for the memory comparison.
BENCHMARK(BM_ImportExport)->Arg(365)->Arg(3650)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);

}  // namespace
}  // namespace tendon::testing
