#include "sync/sync_worker.h"

#include <algorithm>
#include <chrono>

namespace tendon {

namespace {

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

const char* level_word(tendon_level level) {
  switch (level) {
    case TENDON_LEVEL_ERROR: return "error: ";
    case TENDON_LEVEL_WARNING: return "warning: ";
    case TENDON_LEVEL_INFO: break;
  }
  return "";
}

// What the loop answers to one commit; shared, so a worker that stops waiting leaves it
// to the loop task that may still run.
struct CommitReply {
  std::mutex mutex;
  std::condition_variable done_changed;
  bool done = false;
  StoredBatch result;
};

}  // namespace

SyncWorker::SyncWorker(const std::filesystem::path& database, std::vector<SyncSourceConfig> sources,
                       SyncWorkerHooks hooks, std::ostream& log, SyncTiming timing)
    : store_(std::make_unique<Store>(database)),
      hooks_(std::move(hooks)),
      log_(log),
      timing_(timing),
      sources_(std::move(sources)) {}

SyncWorker::~SyncWorker() { stop(); }

void SyncWorker::start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([this] { run(); });
}

void SyncWorker::run_now(const std::optional<std::string>& source) {
  {
    std::lock_guard lock(mutex_);
    for (const auto& s : sources_) {
      if (!source || s.source == *source) asked_now_.insert(s.source);
    }
  }
  changed_.notify_all();
}

void SyncWorker::login(const std::string& source, std::map<std::string, std::string> settings) {
  {
    std::lock_guard lock(mutex_);
    logins_[source] = std::move(settings);
    asked_now_.insert(source);
  }
  changed_.notify_all();
}

void SyncWorker::set_sources(std::vector<SyncSourceConfig> sources) {
  {
    std::lock_guard lock(mutex_);
    sources_ = std::move(sources);
  }
  changed_.notify_all();
}

void SyncWorker::stop() {
  stopping_ = true;
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void SyncWorker::log_line(const std::string& source, tendon_level level, const std::string& message) {
  // One write per line: the loop's thread logs too.
  log_ << ("tendond: sync " + source + ": " + level_word(level) + message + "\n") << std::flush;
}

void SyncWorker::run() {
  while (!stopping_) {
    std::vector<SyncSourceConfig> sources;
    std::set<std::string> asked;
    std::map<std::string, std::map<std::string, std::string>> logins;
    {
      std::lock_guard lock(mutex_);
      sources = sources_;
      asked.swap(asked_now_);
      logins.swap(logins_);
    }
    std::optional<std::int64_t> earliest;
    for (const auto& source : sources) {
      if (stopping_) return;
      if (next_ms_.count(source.source) == 0) {
        const auto state = store_->sync_state(source.source);
        next_ms_[source.source] = state && state->next_run_at ? *state->next_run_at * 1000 : 0;
      }
      const bool due = asked.count(source.source) != 0 || next_ms_[source.source] <= now_ms();
      if (due) {
        const auto login = logins.find(source.source);
        run_round(source, login == logins.end() ? std::map<std::string, std::string>{} : login->second);
      }
      const std::int64_t next = next_ms_[source.source];
      earliest = earliest ? std::min(*earliest, next) : next;
    }
    std::unique_lock lock(mutex_);
    const auto woken = [this] { return stopping_.load() || !asked_now_.empty(); };
    if (earliest) {
      const auto wait = std::chrono::milliseconds(std::max<std::int64_t>(0, *earliest - now_ms()));
      changed_.wait_for(lock, wait, woken);
    } else {
      changed_.wait(lock, [&] { return woken() || !sources_.empty(); });
    }
  }
}

void SyncWorker::run_round(const SyncSourceConfig& source, std::map<std::string, std::string> login) {
  SyncState state = store_->sync_state(source.source).value_or(SyncState{});
  state.source = source.source;
  const std::int64_t started = now_ms();
  RoundOutcome outcome;
  std::string error;
  try {
    const SecretFile secrets(secret_file_for(store_->path(), source.source));
    HostRound round(
        source, state.cursor, started, secrets, std::move(login),
        [&](SyncBatch batch, const std::string& cursor) { return commit(source, std::move(batch), cursor, state); },
        stopping_, [&](tendon_level level, const std::string& message) { log_line(source.source, level, message); });
    std::string poll_error;
    round.outcome().status = hooks_.plugins()->poll_source(source.source, round.round(), poll_error);
    if (!poll_error.empty()) round.outcome().errors.push_back(poll_error);
    outcome = std::move(round.outcome());
  } catch (const std::exception& e) {  // the secret file, the store
    outcome.status = TENDON_ERR_IO;
    outcome.errors.push_back(e.what());
  }
  if (outcome.status == TENDON_ERR_CANCELLED && stopping_) return;  // not a failure: we stop
  const bool ok = outcome.status == TENDON_OK;
  if (!ok && outcome.errors.empty()) outcome.errors.push_back("the source failed (" + std::to_string(outcome.status) + ")");
  const std::int64_t ended = now_ms();
  state.failures = ok ? 0 : state.failures + 1;
  state.last_run_at = ended / 1000;
  if (ok) state.last_success_at = ended / 1000;
  state.last_error = ok ? "" : outcome.errors.back();
  if (outcome.short_window_left) state.short_window_left = outcome.short_window_left;
  if (outcome.daily_left) state.daily_left = outcome.daily_left;
  const std::int64_t next = next_round_ms(timing_, source.interval_minutes, state.failures, outcome.defer_until_ms, ended);
  next_ms_[source.source] = next;
  state.next_run_at = (next + 999) / 1000;
  try {
    store_->save_sync_state(state);
  } catch (const std::exception& e) {
    log_line(source.source, TENDON_LEVEL_ERROR, std::string("cannot save the sync state: ") + e.what());
  }
  if (!ok) {
    log_line(source.source, TENDON_LEVEL_WARNING,
             "round failed (" + state.last_error + "); next try in " + std::to_string((next - ended + 999) / 1000) + " s");
  }
}

std::vector<NamedParse> SyncWorker::parse_batch(const SyncSourceConfig& source, SyncBatch batch) {
  std::vector<NamedParse> pieces;
  if (!batch.activities.empty() || !batch.warnings.empty()) {
    NamedParse piece{source.source, {}};
    piece.parsed.format = source.source;
    piece.parsed.activities = std::move(batch.activities);
    piece.parsed.problems = std::move(batch.warnings);
    piece.parsed.gear = batch.gear;
    if (piece.parsed.activities.empty()) {  // every one dropped: the warnings say why
      piece.parsed.not_activity = true;
      piece.parsed.fatal = "no activity kept";
    }
    pieces.push_back(std::move(piece));
  }
  const auto plugins = hooks_.plugins();
  for (auto& [name, bytes] : batch.files) {
    NamedParse piece{name, {}};
    try {
      piece.parsed = parse_file_bytes(*plugins, name, bytes);
    } catch (const std::exception& e) {
      piece.parsed.fatal = e.what();
    }
    if (!piece.parsed.fatal.empty() && !piece.parsed.not_activity) {
      // A file the service sent that no importer can read: said, and left behind (the
      // cursor moves on, or the round would fetch it forever).
      log_line(source.source, TENDON_LEVEL_WARNING, name + ": " + piece.parsed.fatal + " (skipped)");
      continue;
    }
    piece.parsed.gear.insert(piece.parsed.gear.end(), batch.gear.begin(), batch.gear.end());
    pieces.push_back(std::move(piece));
  }
  return pieces;
}

bool SyncWorker::commit(const SyncSourceConfig& source, SyncBatch batch, const std::string& cursor, SyncState& state) {
  std::vector<NamedParse> pieces = parse_batch(source, std::move(batch));
  if (!pieces.empty()) {
    auto reply = std::make_shared<CommitReply>();
    hooks_.post_to_loop([reply, store = hooks_.store, athlete = source.athlete, pieces = std::move(pieces)]() mutable {
      StoredBatch result = store(athlete, std::move(pieces));
      std::lock_guard lock(reply->mutex);
      reply->result = std::move(result);
      reply->done = true;
      reply->done_changed.notify_all();
    });
    std::unique_lock lock(reply->mutex);
    // Polled for stop(): the loop stops first and may never run the task.
    while (!reply->done) {
      if (stopping_) return false;
      reply->done_changed.wait_for(lock, std::chrono::milliseconds(200));
    }
    if (!reply->result.error.empty()) {
      log_line(source.source, TENDON_LEVEL_ERROR, "not stored: " + reply->result.error);
      return false;
    }
    state.imported += static_cast<std::int64_t>(reply->result.imported);
  }
  state.cursor = cursor;
  store_->save_sync_state(state);
  return true;
}

}  // namespace tendon
