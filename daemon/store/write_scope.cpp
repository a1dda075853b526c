#include "store/write_scope.h"

namespace tendon::sqlite {

WriteScope::WriteScope(Database& db) : db_(db), savepoint_(db.in_transaction()) {
  db_.exec(savepoint_ ? "SAVEPOINT tendon_write" : "BEGIN IMMEDIATE");
}

WriteScope::~WriteScope() {
  if (done_) return;
  // Some errors (SQLITE_FULL, SQLITE_IOERR, ...) make SQLite roll the whole transaction
  // back by itself; then there is nothing left to undo and the statements below would fail.
  if (!db_.in_transaction()) return;
  try {
    if (savepoint_) {
      db_.exec("ROLLBACK TO tendon_write; RELEASE tendon_write");
    } else {
      db_.exec("ROLLBACK");
    }
  } catch (const StoreError&) {
    // A destructor must not throw; the enclosing transaction (if any) is rolled back by
    // its own owner, and a failed ROLLBACK leaves SQLite to undo on close.
  }
}

void WriteScope::commit() {
  db_.exec(savepoint_ ? "RELEASE tendon_write" : "COMMIT");
  done_ = true;
}

}  // namespace tendon::sqlite
