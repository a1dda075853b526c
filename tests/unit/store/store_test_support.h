#pragma once
// Shared by the store tests: every test gets a fresh folder with a real SQLite file in it.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>

#include "store/store.h"
#include "support/temp_dir.h"

namespace tendon::test {

using testing::TempDir;

inline std::string read_bytes(const std::filesystem::path& file) {
  // Sized read rather than istreambuf_iterator, which trips GCC 12's -Wnull-dereference at -O2.
  std::ifstream in(file, std::ios::binary);
  std::string bytes(static_cast<std::size_t>(std::filesystem::file_size(file)), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return bytes;
}

inline void write_bytes(const std::filesystem::path& file, const std::string& bytes) {
  std::ofstream out(file, std::ios::binary);
  out << bytes;
}

// A connection of our own, beside the store's, to look at the file the way another
// program would.
class RawDb {
 public:
  explicit RawDb(const std::filesystem::path& file) {
    if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
      throw std::runtime_error("cannot open " + file.string());
    }
  }
  ~RawDb() { sqlite3_close_v2(db_); }
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;

  void exec(const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      std::string what = message ? message : "?";
      sqlite3_free(message);
      throw std::runtime_error(sql + ": " + what);
    }
  }
  // The first column of the first row, as text ("" when there is no row or it is NULL).
  std::string text(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      throw std::runtime_error(sql + ": " + sqlite3_errmsg(db_));
    }
    std::string result;
    if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_type(stmt, 0) != SQLITE_NULL) {
      result = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    }
    sqlite3_finalize(stmt);
    return result;
  }
  std::int64_t integer(const std::string& sql) { return std::stoll(text(sql)); }

 private:
  sqlite3* db_ = nullptr;
};

inline constexpr Instant kDay = 86400;
inline constexpr Instant kT0 = 1772348400;  // 2026-03-01T07:00:00Z

inline Activity make_run(const std::string& athlete, Instant start, double distance_m, const std::string& source_id,
                         SourceKind kind = SourceKind::gpx) {
  Activity a;
  a.athlete = athlete;
  a.source_id = source_id;
  a.source_kind = kind;
  a.source_name = source_id + ".file";
  a.start = start;
  a.sport = "running";
  a.distance_m = distance_m;
  return a;
}

// A store in a fresh folder with one athlete, "ana".
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = dir_.path() / "tendon.db";
    store_ = std::make_unique<Store>(file_);
    store_->ensure_athlete("ana", "Europe/Berlin");
  }
  void reopen() {
    store_.reset();
    store_ = std::make_unique<Store>(file_);
  }
  Store& store() { return *store_; }

  TempDir dir_;
  std::filesystem::path file_;
  std::unique_ptr<Store> store_;
};

}  // namespace tendon::test
