#include "store/sqlite_handle.h"

#include <limits>
#include <stdexcept>

namespace tendon::sqlite {

namespace {

// SQLITE_TRANSIENT is a C-style cast in a macro; spelled once here so the strict warning
// set stays on. SQLite copies the text before bind returns, so callers' strings may die.
sqlite3_destructor_type transient() {
  return reinterpret_cast<sqlite3_destructor_type>(static_cast<std::intptr_t>(-1));
}

}  // namespace

// --- Database --------------------------------------------------------------------------

Database::Database(const std::filesystem::path& file) : file_(file) {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  const int rc = sqlite3_open_v2(file.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    // Even a failed open allocates a handle that carries the message.
    std::string reason = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) reason = "is a folder, not a database file";
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw SqliteError(file.string() + ": " + reason, rc);
  }
  sqlite3_extended_result_codes(db_, 1);
}

Database::~Database() {
  cache_.clear();  // statements first: close refuses a connection with live statements
  sqlite3_close_v2(db_);
}

void Database::exec(std::string_view sql) {
  const std::string text(sql);  // sqlite3_exec wants a NUL-terminated string
  char* message = nullptr;
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    std::string reason = message ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    throw SqliteError(file_.string() + ": " + reason, rc);
  }
}

StatementLease Database::cached(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    it = cache_.emplace(std::string(sql), std::make_unique<Statement>(*this, sql)).first;
  }
  return StatementLease(*it->second);
}

void Database::fail(int code, std::string_view what) const {
  std::string message = file_.string() + ": ";
  if (!what.empty()) message.append(what).append(": ");
  message += sqlite3_errmsg(db_);
  throw SqliteError(message, code);
}

void Database::fail_with(std::string_view message) const {
  throw SqliteError(file_.string() + ": " + std::string(message), SQLITE_ERROR);
}

// --- Statement -------------------------------------------------------------------------

Statement::Statement(Database& db, std::string_view sql) : db_(db) {
  if (sql.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    db.fail_with("statement too long");
  }
  const int rc = sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  if (rc != SQLITE_OK) db.fail(rc, "preparing a statement");
  if (!stmt_) db.fail_with("empty statement");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, std::int64_t value) {
  const int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK) db_.fail(rc, "binding a parameter");
  return *this;
}

Statement& Statement::bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }

Statement& Statement::bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value ? 1 : 0)); }

Statement& Statement::bind(int index, double value) {
  const int rc = sqlite3_bind_double(stmt_, index, value);
  if (rc != SQLITE_OK) db_.fail(rc, "binding a parameter");
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  // An empty string_view may have a null data pointer, which SQLite would store as NULL.
  const char* data = value.data() ? value.data() : "";
  const int rc = sqlite3_bind_text64(stmt_, index, data, value.size(), transient(), SQLITE_UTF8);
  if (rc != SQLITE_OK) db_.fail(rc, "binding a parameter");
  return *this;
}

Statement& Statement::bind(int index, std::nullopt_t) {
  const int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK) db_.fail(rc, "binding a parameter");
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_.fail(rc);
}

void Statement::run() {
  while (step()) {
  }
}

void Statement::reset() noexcept {
  // The return value repeats the last step's error, which step() has already thrown.
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Statement::text(int column) const {
  const unsigned char* data = sqlite3_column_text(stmt_, column);
  if (!data) return {};
  // column_bytes after column_text: the length of the UTF-8 form just produced.
  const int size = sqlite3_column_bytes(stmt_, column);
  return std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size));
}

std::optional<std::int64_t> Statement::optional_int64(int column) const {
  if (is_null(column)) return std::nullopt;
  return int64(column);
}

std::optional<double> Statement::optional_real(int column) const {
  if (is_null(column)) return std::nullopt;
  return real(column);
}

std::optional<std::string> Statement::optional_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

// --- StatementLease --------------------------------------------------------------------

StatementLease::StatementLease(Statement& statement) : statement_(statement) {
  // Two live borrows of one cached statement would interleave their rows and bindings.
  if (statement_.leased_) throw std::logic_error("cached SQLite statement used re-entrantly");
  statement_.leased_ = true;
}

StatementLease::~StatementLease() {
  statement_.reset();
  statement_.leased_ = false;
}

}  // namespace tendon::sqlite
