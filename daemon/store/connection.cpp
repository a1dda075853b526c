#include "store/connection.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>

#include "store/migrations.h"

namespace tendon::store_detail {

namespace {

std::string pragma_text(sqlite::Database& db, std::string_view pragma) {
  sqlite::Statement statement(db, pragma);
  return statement.step() ? statement.text(0) : std::string();
}

}  // namespace

std::unique_ptr<sqlite::Database> open_connection(const std::filesystem::path& file) {
  if (file.has_parent_path()) {
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    if (ec) {
      throw StoreError(file.string() + ": cannot create folder " + file.parent_path().string() + ": " +
                       ec.message());
    }
  }
  auto db = std::make_unique<sqlite::Database>(file);
  // SQLite quietly falls back to reading a file it may not write (a read-only mount, file
  // modes, an immutable file), and fails later with "unable to open database file" or at
  // the first write. Say at once why the store cannot be written.
  if (sqlite3_db_readonly(db->handle(), "main") == 1) {
    const int reason = ::access(file.c_str(), W_OK) == 0 ? EACCES : errno;
    db->fail_with(std::string("cannot be written: ") + std::strerror(reason));
  }
  // A writer holding the lock (another tendond, a backup, the sqlite3 shell) makes us wait
  // up to this long instead of failing at once with SQLITE_BUSY.
  sqlite3_busy_timeout(db->handle(), kBusyTimeoutMs);
  // Per connection and off by default in SQLite; the cascades in the schema depend on it.
  db->exec("PRAGMA foreign_keys = ON");
  if (pragma_text(*db, "PRAGMA foreign_keys") != "1") {
    db->fail_with("this SQLite library does not enforce foreign keys");
  }
  // Before anything below writes to the file: a file that is not ours, or is too new, must
  // stay byte-for-byte as it was.
  checked_schema_version(*db);
  // WAL lets readers (the control socket, tendonctl) run beside the one writer; with WAL,
  // synchronous=NORMAL stays crash-safe and only a power loss can lose the last commits.
  const std::string mode = pragma_text(*db, "PRAGMA journal_mode = WAL");
  if (mode != "wal") db->fail_with("cannot use write-ahead logging (journal mode stays " + mode + ")");
  db->exec("PRAGMA synchronous = NORMAL");
  return db;
}

}  // namespace tendon::store_detail
