#include "inbox_rules.h"

#include <cerrno>
#include <cstdio>  // renameat2, RENAME_NOREPLACE
#include <fcntl.h>  // AT_FDCWD

#include <algorithm>
#include <array>
#include <cctype>

namespace tendon {
namespace {

bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  return std::equal(suffix.begin(), suffix.end(), text.end() - static_cast<std::ptrdiff_t>(suffix.size()),
                    [](char a, char b) {
                      return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
                    });
}

// Where the suffix of `name` starts: the last extension, or the one before a compression
// suffix ("run.fit.gz" keeps ".fit.gz" together). A leading dot is not a suffix.
std::size_t suffix_start(const std::string& name) {
  const std::size_t last = name.rfind('.');
  if (last == std::string::npos || last == 0) return name.size();
  static constexpr std::array<std::string_view, 4> kCompression{".gz", ".bz2", ".xz", ".zst"};
  const std::string_view ext = std::string_view(name).substr(last);
  const bool compressed = std::any_of(kCompression.begin(), kCompression.end(),
                                      [&](std::string_view c) { return ends_with_ignoring_case(ext, c); });
  if (compressed && last > 0) {
    const std::size_t before = name.rfind('.', last - 1);
    if (before != std::string::npos && before > 0) return before;
  }
  return last;
}

bool taken(const std::filesystem::path& candidate, std::string_view companion_suffix) {
  std::error_code ec;
  if (std::filesystem::exists(std::filesystem::symlink_status(candidate, ec))) return true;
  if (companion_suffix.empty()) return false;
  std::filesystem::path companion = candidate;
  companion += std::string(companion_suffix);
  return std::filesystem::exists(std::filesystem::symlink_status(companion, ec));
}

// rename(2) that refuses to replace `to`. File systems without RENAME_NOREPLACE (EINVAL)
// fall back to a plain rename after the caller's existence check: the inbox belongs to
// one daemon, so nothing else races for names in processed/ and failed/.
int rename_no_replace(const std::filesystem::path& from, const std::filesystem::path& to) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return 0;
  if (errno != EINVAL && errno != ENOSYS) return errno;
  return std::rename(from.c_str(), to.c_str()) == 0 ? 0 : errno;
}

}  // namespace

bool is_ignored_inbox_name(std::string_view filename) {
  if (filename.empty() || filename.front() == '.') return true;
  if (filename == kProcessedFolder || filename == kFailedFolder) return true;
  for (std::string_view partial : {".part", ".tmp", ".crdownload"}) {
    if (ends_with_ignoring_case(filename, partial)) return true;
  }
  return false;
}

std::string numbered_name(const std::string& name, unsigned n) {
  if (n == 0) return name;
  const std::size_t at = suffix_start(name);
  return name.substr(0, at) + "-" + std::to_string(n) + name.substr(at);
}

std::filesystem::path move_without_overwrite(const std::filesystem::path& file, const std::filesystem::path& folder,
                                             std::error_code& ec, std::string_view companion_suffix) {
  ec.clear();
  std::filesystem::create_directories(folder, ec);
  if (ec) return {};
  const std::string name = file.filename().string();
  // A bound keeps a folder full of clashes (or a file system that lies) from looping forever.
  for (unsigned n = 0; n < 10000; ++n) {
    const std::filesystem::path candidate = folder / numbered_name(name, n);
    if (taken(candidate, companion_suffix)) continue;
    const int err = rename_no_replace(file, candidate);
    if (err == 0) return candidate;
    if (err == EEXIST) continue;  // taken between the check and the rename
    ec = std::error_code(err, std::generic_category());
    return {};
  }
  ec = std::make_error_code(std::errc::file_exists);
  return {};
}

}  // namespace tendon
