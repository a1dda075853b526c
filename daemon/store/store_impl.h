#pragma once
// What the per-table files of Store share: the connection and the athlete lookups.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "store/sqlite_handle.h"
#include "store/store.h"

namespace tendon {

struct Store::Impl {
  std::filesystem::path file;
  std::unique_ptr<sqlite::Database> db;
  int schema_version = 0;
  std::function<Instant()> clock;
  std::function<void()> commit_listener;  // may be empty

  // The athlete's row id, or nullopt when no such athlete is stored.
  std::optional<std::int64_t> find_athlete(const std::string& name);
  // The athlete's row id; an unknown athlete is a StoreError (data must not be filed
  // under a name that the configuration never declared).
  std::int64_t athlete_id(const std::string& name);
};

}  // namespace tendon
