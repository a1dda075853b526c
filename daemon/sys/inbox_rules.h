#pragma once
// The rules of an inbox folder: which names are files to import, and how a handled file
// is moved aside into processed/ or failed/ without ever replacing a file already there.
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

namespace tendon {

inline constexpr std::string_view kProcessedFolder = "processed";
inline constexpr std::string_view kFailedFolder = "failed";

// True for names that are not (yet) files to import: dot-files and the partial downloads
// and temporary files of browsers and sync tools (*.part, *.tmp, *.crdownload), and the
// processed/ and failed/ folders themselves.
bool is_ignored_inbox_name(std::string_view filename);

// `name` with the clash number `n` put before its suffix: ("run.fit", 2) -> "run-2.fit",
// ("run.fit.gz", 1) -> "run-1.fit.gz" (a compression suffix stays with the one before it),
// ("notes", 3) -> "notes-3". n == 0 gives `name` unchanged.
std::string numbered_name(const std::string& name, unsigned n);

// Moves `file` into `folder` (created when missing) with rename(2): under its own name,
// or the first numbered_name() that is free. A name counts as taken when it exists, or
// when `companion_suffix` is not empty and name + companion_suffix exists (so a failed
// file's .reason never lands on an older one). Returns the new path, or sets `ec` (for
// instance EXDEV across file systems, EROFS on a read-only mount) and returns {}.
std::filesystem::path move_without_overwrite(const std::filesystem::path& file, const std::filesystem::path& folder,
                                             std::error_code& ec, std::string_view companion_suffix = {});

}  // namespace tendon
