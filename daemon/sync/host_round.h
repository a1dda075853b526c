#pragma once
// One round of one source, host side: the tendon_source_round a source's poll is handed
// (ABI 1.2) and what the source does through it. HTTP goes through daemon/net on the
// calling (sync) thread; activities and files are collected until the source commits,
// then handed to the worker to store; reports, the rate budget and a deferral are kept
// for the source's status. Secret values are blanked out of every report.
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/sync_config.h"
#include "core/activity.h"
#include "ingest/plugin_types.h"
#include "sync/secret_file.h"
#include "tendon/plugin.h"

namespace tendon {

// What one commit hands over.
struct SyncBatch {
  std::vector<Activity> activities;                       // emitted, converted and checked
  std::vector<std::pair<std::string, std::string>> files; // name, bytes
  std::vector<Shoe> gear;
  std::vector<std::string> warnings;                      // activities dropped and why
};

// Stores a batch, then the cursor; false when it was not stored (the round then stops).
using SyncCommit = std::function<bool(SyncBatch batch, const std::string& cursor)>;

struct RoundOutcome {
  int status = TENDON_OK;
  std::vector<std::string> errors;              // ERROR reports, in order
  std::optional<std::int64_t> defer_until_ms;
  std::optional<std::int64_t> short_window_left, daily_left;
};

class HostRound {
 public:
  // `login`: extra settings for a login round ("login.code", "login.api_key").
  HostRound(const SyncSourceConfig& config, std::optional<std::string> cursor, std::int64_t now_ms,
            const SecretFile& secrets, std::map<std::string, std::string> login, SyncCommit commit,
            const std::atomic<bool>& stopping, std::function<void(tendon_level, const std::string&)> log);
  HostRound(const HostRound&) = delete;  // the source holds pointers into it
  HostRound& operator=(const HostRound&) = delete;

  const tendon_source_round* round() const { return &round_; }
  RoundOutcome& outcome() { return outcome_; }

 private:
  static const char* setting(void* context, const char* key);
  static const char* secret(void* context, const char* name);
  static int store_secrets(void* context, const char* const* names, const char* const* values, std::uint32_t count);
  static int http(void* context, tendon_http_exchange* exchange);
  static int emit(void* context, const tendon_activity* activity);
  static int emit_file(void* context, const char* name, const std::uint8_t* bytes, std::size_t size);
  static void gear(void* context, const tendon_gear* gear);
  static int commit(void* context, const char* cursor);
  static void report(void* context, tendon_level level, const char* message);
  static void rate_budget(void* context, std::int64_t short_window_left, std::int64_t daily_left);
  static void defer_until(void* context, std::int64_t until_ms);

  std::string redacted(std::string text) const;

  const SyncSourceConfig& config_;
  std::optional<std::string> cursor_;
  std::map<std::string, std::string> settings_;
  const SecretFile& secret_file_;
  std::map<std::string, std::string> secrets_;
  SyncCommit commit_;
  const std::atomic<bool>& stopping_;
  std::function<void(tendon_level, const std::string&)> log_;
  PluginHostLimits limits_;
  tendon_source_round round_{};
  RoundOutcome outcome_;
  SyncBatch batch_;
  std::size_t emitted_ = 0;
  // The last answer, kept while the source reads it.
  std::string response_body_;
  std::string response_error_;
  std::vector<std::string> response_header_lines_;
  std::vector<const char*> response_headers_;
};

}  // namespace tendon
