#pragma once
// How every Tendon connection is opened: parent folders created, the file checked before
// anything in it is changed, then the settings the store relies on.
#include <filesystem>
#include <memory>

#include "store/sqlite_handle.h"

namespace tendon::store_detail {

inline constexpr int kBusyTimeoutMs = 5000;

// Opens (creating) the file, refuses one this binary must not touch (see
// checked_schema_version) and turns on WAL, foreign keys, synchronous=NORMAL and the busy
// timeout. Does not migrate.
std::unique_ptr<sqlite::Database> open_connection(const std::filesystem::path& file);

}  // namespace tendon::store_detail
