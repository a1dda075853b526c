#pragma once
// The schema's history: numbered migrations compiled into the binary. The version lives in
// PRAGMA user_version and the owner in PRAGMA application_id, both in the database header,
// so they change in the same transaction as the tables they describe.
#include <cstdint>
#include <span>
#include <string_view>

#include "store/sqlite_handle.h"

namespace tendon::store_detail {

// 'TEND': marks the file as Tendon's so that a different program's SQLite file given by
// mistake is refused instead of having our tables added to it.
inline constexpr std::int32_t kApplicationId = 0x54454E44;

struct Migration {
  int version;           // the schema version after this migration; 1, 2, 3, ...
  std::string_view sql;  // one or more statements
};

std::span<const Migration> migrations();

// The schema version of the file, after checking that this binary may touch it: throws
// StoreError when the file is not a database, belongs to another program, or has a newer
// schema than Store::kSchemaVersion. Only reads.
int checked_schema_version(sqlite::Database& db);

// Brings the file to Store::kSchemaVersion in ONE transaction (all pending migrations or
// none) and returns how many migrations it applied (0 when already current).
int migrate(sqlite::Database& db);

}  // namespace tendon::store_detail
