#pragma once
// A thin RAII layer over the SQLite C API: one connection, prepared statements with typed
// bind and column helpers, and errors that carry both the file and SQLite's own message so
// that a failure in the field says which database and why.
#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "store/store.h"

namespace tendon::sqlite {

// Keeps SQLite's primary and extended result code so that callers can tell a constraint
// violation from an I/O failure without parsing the message.
class SqliteError : public StoreError {
 public:
  SqliteError(const std::string& what, int code) : StoreError(what), code_(code) {}
  int code() const { return code_; }
  int primary_code() const { return code_ & 0xff; }

 private:
  int code_;
};

class Database;

class Statement {
 public:
  Statement(Database& db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters are 1-based, as in SQLite.
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value);
  Statement& bind(int index, double value);
  Statement& bind(int index, bool value);
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, std::nullopt_t);
  template <class T>
  Statement& bind(int index, const std::optional<T>& value) {
    if (value) return bind(index, *value);
    return bind(index, std::nullopt);
  }
  // Binds the arguments to parameters 1..N in order.
  template <class... Args>
  Statement& bind_all(const Args&... args) {
    int index = 0;
    (bind(++index, args), ...);
    return *this;
  }

  // True when a row is ready to be read; false when the statement has finished.
  bool step();
  // Runs a statement that returns no rows (or whose rows do not matter) to completion.
  void run();
  // Makes the statement ready for new bindings and releases the read snapshot it holds.
  void reset() noexcept;

  // Columns are 0-based, as in SQLite. NULL reads as 0 / 0.0 / "" unless optional.
  bool is_null(int column) const;
  std::int64_t int64(int column) const;
  double real(int column) const;
  std::string text(int column) const;
  std::optional<std::int64_t> optional_int64(int column) const;
  std::optional<double> optional_real(int column) const;
  std::optional<std::string> optional_text(int column) const;

 private:
  friend class StatementLease;
  Database& db_;
  sqlite3_stmt* stmt_ = nullptr;
  bool leased_ = false;
};

// A borrowed cached statement; resets it when the borrow ends so that no half-read
// SELECT keeps a snapshot (and so a WAL checkpoint) pinned.
class StatementLease {
 public:
  explicit StatementLease(Statement& statement);
  ~StatementLease();
  StatementLease(const StatementLease&) = delete;
  StatementLease& operator=(const StatementLease&) = delete;
  Statement* operator->() const { return &statement_; }
  Statement& operator*() const { return statement_; }

 private:
  Statement& statement_;
};

class Database {
 public:
  // Opens read-write, creating the file when missing. SQLite opens lazily, so a file that
  // is not a database is only noticed by the first statement that reads it.
  explicit Database(const std::filesystem::path& file);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  sqlite3* handle() const { return db_; }
  const std::filesystem::path& file() const { return file_; }

  // Runs one or more statements that return no rows.
  void exec(std::string_view sql);
  // A statement prepared once per connection and reused; see StatementLease.
  StatementLease cached(std::string_view sql);

  bool in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }
  std::int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
  std::int64_t changes() const { return sqlite3_changes64(db_); }

  // Throws SqliteError "FILE: what: sqlite's message" (or "FILE: sqlite's message").
  [[noreturn]] void fail(int code, std::string_view what = {}) const;
  [[noreturn]] void fail_with(std::string_view message) const;

 private:
  std::filesystem::path file_;
  sqlite3* db_ = nullptr;
  // Transparent, so a lookup by string_view does not build a std::string per call.
  struct SqlHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view sql) const { return std::hash<std::string_view>{}(sql); }
  };
  std::unordered_map<std::string, std::unique_ptr<Statement>, SqlHash, std::equal_to<>> cache_;
};

}  // namespace tendon::sqlite
