#pragma once
// Exit codes scripts can rely on (docs/cli.md).
namespace tendon::cli {
inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;       // nothing was done: bad config, unreadable database, failed file
inline constexpr int kExitUsage = 2;       // the command line was wrong
inline constexpr int kExitPartial = 3;     // done, but some records or files were skipped (listed)
inline constexpr int kExitNotFound = 4;    // the alert, athlete, shoe or activity asked for does not exist
inline constexpr int kExitNotRunning = 5;  // no tendond answers on the socket (use --offline, or start it)
inline constexpr int kExitPermission = 6;  // tendond refused: this user may not do that
}  // namespace tendon::cli
