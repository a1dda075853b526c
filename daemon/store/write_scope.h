#pragma once
// Makes a multi-statement change atomic whether or not the caller already holds a
// Store::Transaction: on its own it takes the write lock up front (BEGIN IMMEDIATE, so a
// second process waits on the busy timeout instead of failing half-way with SQLITE_BUSY);
// inside a transaction it is a savepoint, so a failed call undoes only itself and the
// caller decides about the rest.
#include "store/sqlite_handle.h"

namespace tendon::sqlite {

class WriteScope {
 public:
  explicit WriteScope(Database& db);
  ~WriteScope();  // rolls back unless commit() was called
  WriteScope(const WriteScope&) = delete;
  WriteScope& operator=(const WriteScope&) = delete;
  void commit();

 private:
  Database& db_;
  bool savepoint_ = false;
  bool done_ = false;
};

}  // namespace tendon::sqlite
