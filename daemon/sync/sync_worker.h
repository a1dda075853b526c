#pragma once
// Platform sync (docs/sync.md): polls each configured source ([sync.NAME]) on its own
// thread, never the event loop's, so HTTP waits block nothing else. A round asks the
// source (ABI 1.2, through the plugin host) for what is new since its cursor; each commit
// is parsed here, stored on the loop's thread through the import service (the same path,
// duplicate rule and push policy as an inbox file), and only then the cursor is saved, on
// the worker's own SQLite connection. A round that fails is retried after a backoff; the
// cursor never moves past what is stored, so nothing is lost and a restart resumes.
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "config/sync_config.h"
#include "ingest/file_formats.h"
#include "ingest/plugin_host.h"
#include "store/store.h"
#include "sync/host_round.h"
#include "sync/sync_schedule.h"

namespace tendon {

// One parsed piece of a commit, named for the import report ("strava", "intervals-i42.fit").
struct NamedParse {
  std::string name;
  ParsedFile parsed;
};

struct StoredBatch {
  std::size_t imported = 0;  // activities newly stored (duplicates and re-imports not counted)
  std::string error;         // non-empty: the store refused; nothing of the batch is kept
};

struct SyncWorkerHooks {
  // Runs `task` on the loop's thread; it may never run once the daemon stops.
  std::function<void(std::function<void()> task)> post_to_loop;
  // On the loop's thread: stores the pieces for `athlete` (import service, log, events).
  std::function<StoredBatch(const std::string& athlete, std::vector<NamedParse> pieces)> store;
  // The importers now (files are parsed with them on the worker's thread) and the sources.
  std::function<std::shared_ptr<const PluginHost>()> plugins;
};

class SyncWorker {
 public:
  // Opens its own connection to `database` (throws StoreError). Nothing runs before start().
  SyncWorker(const std::filesystem::path& database, std::vector<SyncSourceConfig> sources, SyncWorkerHooks hooks,
             std::ostream& log, SyncTiming timing = SyncTiming::from_environment());
  ~SyncWorker();  // stop()
  SyncWorker(const SyncWorker&) = delete;
  SyncWorker& operator=(const SyncWorker&) = delete;

  void start();
  // Any thread: a round of `source` (every source when nullopt) as soon as the current one ends.
  void run_now(const std::optional<std::string>& source);
  // Any thread: the next round of `source` carries these settings ("login.code", ...).
  void login(const std::string& source, std::map<std::string, std::string> settings);
  // Any thread: the config changed.
  void set_sources(std::vector<SyncSourceConfig> sources);
  // Any thread but the worker's; idempotent. A request in flight is given up within about
  // a second; what was not committed is fetched again next time.
  void stop();

 private:
  void run();
  void run_round(const SyncSourceConfig& source, std::map<std::string, std::string> login);
  bool commit(const SyncSourceConfig& source, SyncBatch batch, const std::string& cursor, SyncState& state);
  // The pieces of a batch: its activities, and each file parsed by the importers.
  std::vector<NamedParse> parse_batch(const SyncSourceConfig& source, SyncBatch batch);
  void log_line(const std::string& source, tendon_level level, const std::string& message);

  std::unique_ptr<Store> store_;  // used only on the worker thread once started
  SyncWorkerHooks hooks_;
  std::ostream& log_;
  const SyncTiming timing_;

  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<SyncSourceConfig> sources_;                        // guarded by mutex_
  std::set<std::string> asked_now_;                              // guarded by mutex_
  std::map<std::string, std::map<std::string, std::string>> logins_;  // guarded by mutex_
  std::map<std::string, std::int64_t> next_ms_;                  // worker thread only
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace tendon
