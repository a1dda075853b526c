#include "plugin_file_trust.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace tendon {

namespace {

std::string octal_mode(mode_t mode) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04o", static_cast<unsigned>(mode & 07777));
  return buffer;
}

// The ownership and mode rules shared by files and folders.
std::optional<std::string> ownership_problem(const struct stat& st) {
  const uid_t me = geteuid();
  if (st.st_uid != me && st.st_uid != 0) {
    return "is owned by uid " + std::to_string(st.st_uid) + ", not by uid " + std::to_string(me) + " or root";
  }
  if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
    return "is writable by group or others (mode " + octal_mode(st.st_mode) + ")";
  }
  return std::nullopt;
}

// "" or ", a symlink to /real/path," so that a reason names what was actually checked.
std::string symlink_note(const std::filesystem::path& path) {
  struct stat link {};
  if (lstat(path.c_str(), &link) != 0 || !S_ISLNK(link.st_mode)) return "";
  std::error_code ec;
  const auto target = std::filesystem::canonical(path, ec);
  return ec ? " (a symlink)" : " (a symlink to " + target.string() + ")";
}

}  // namespace

std::optional<std::string> untrusted_file_reason(const std::filesystem::path& file) {
  struct stat st {};
  if (stat(file.c_str(), &st) != 0) return std::string("cannot be read: ") + std::strerror(errno);
  const std::string what = symlink_note(file);
  if (!S_ISREG(st.st_mode)) return "is not a regular file" + what;
  if (auto problem = ownership_problem(st)) return what.empty() ? *problem : what.substr(1) + " " + *problem;
  return std::nullopt;
}

std::optional<std::string> untrusted_folder_reason(const std::filesystem::path& folder) {
  struct stat st {};
  if (stat(folder.c_str(), &st) != 0) return std::string("folder cannot be read: ") + std::strerror(errno);
  if (!S_ISDIR(st.st_mode)) return "is not a folder";
  if (auto problem = ownership_problem(st)) return "folder " + *problem;
  return std::nullopt;
}

}  // namespace tendon
