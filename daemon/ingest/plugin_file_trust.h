#pragma once
// Whether a file may be run as code: a .so plugin the daemon dlopen()s or a program an exec
// importer starts. Code that someone else can replace runs as the daemon, so the file
// and its folder must belong to the daemon's user (or root) and be writable by no one else.
#include <filesystem>
#include <optional>
#include <string>

namespace tendon {

// Why `file` may not be trusted, or nullopt. A symlink is resolved and its target checked:
// it must be a regular file owned by the effective uid or root, and not writable by group
// or others ("is writable by group or others (mode 0664)").
std::optional<std::string> untrusted_file_reason(const std::filesystem::path& file);

// The same rules for the folder a plugin is loaded from: a directory owned by the
// effective uid or root, not writable by group or others. Without this a check of the file
// would prove nothing: whoever can write the folder can swap the file after the check.
std::optional<std::string> untrusted_folder_reason(const std::filesystem::path& folder);

}  // namespace tendon
