#pragma once
// Exit codes scripts can rely on (docs/cli.md).
namespace tendon::cli {
inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;    // nothing was done: bad config, unreadable database, failed file
inline constexpr int kExitUsage = 2;    // the command line was wrong
inline constexpr int kExitPartial = 3;  // done, but some records or files were skipped (listed)
inline constexpr int kExitNotFound = 4; // the alert or athlete asked for does not exist
}  // namespace tendon::cli
