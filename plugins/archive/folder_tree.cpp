// The folder side of ExportTree: every file is reached with openat() relative to the
// descriptor the daemon was handed, one component at a time with O_NOFOLLOW, so nothing
// outside the folder is ever opened and a sandboxed daemon needs no path access.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "entry_path.h"
#include "export_tree.h"

namespace tendon::archive {

namespace {

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

std::string os_error() { return std::strerror(errno); }

// Why a file's status makes it unreadable for us, or "".
std::string status_problem(const struct stat& info) {
  if (S_ISLNK(info.st_mode)) return "is a symbolic link (refused)";
  if (!S_ISREG(info.st_mode)) return "is a device or special file (refused)";
  // Another name of a file elsewhere (perhaps one only the daemon may read).
  if (info.st_nlink > 1) return "has " + std::to_string(info.st_nlink) + " hard links (refused)";
  return "";
}

class FolderTree final : public ExportTree {
 public:
  FolderTree(int directory_fd, const Limits& limits) : ExportTree(limits), root_(directory_fd) {
    list_folder(root_, "", 0);
    std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) { return a.path < b.path; });
  }

  bool read(const Wanted& wanted, const Take& take) override {
    std::string data;
    for (const Entry& entry : entries_) {
      if (!wanted(entry.path)) continue;
      if (!read_file(entry.path, data)) continue;
      if (!take(entry.path, data)) return false;
    }
    return true;
  }

  bool stream(const std::string& path, std::uint64_t max_bytes, const TakeChunk& take_chunk) override {
    const bool listed = std::any_of(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.path == path; });
    return listed && pump_file(path, max_bytes, take_chunk);
  }

 private:
  void list_folder(int folder_fd, const std::string& prefix, int depth) {
    const int listing_fd = ::openat(folder_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (listing_fd < 0) throw std::runtime_error("cannot list " + (prefix.empty() ? "the folder" : prefix) + ": " + os_error());
    DIR* dir = ::fdopendir(listing_fd);
    if (dir == nullptr) {
      ::close(listing_fd);
      throw std::runtime_error("cannot list " + (prefix.empty() ? "the folder" : prefix) + ": " + os_error());
    }
    std::vector<std::string> names;
    while (const dirent* item = ::readdir(dir)) {
      const std::string name = item->d_name;
      if (name != "." && name != "..") names.push_back(name);
    }
    ::closedir(dir);
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
      if (entries_.size() >= limits_.max_entries) {
        note("the folder holds more than " + std::to_string(limits_.max_entries) + " files; the rest is not read");
        return;
      }
      const std::string path = prefix.empty() ? name : prefix + "/" + name;
      struct stat info {};
      if (::fstatat(folder_fd, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) {
        refuse(path, "cannot be examined: " + os_error());
        continue;
      }
      if (S_ISDIR(info.st_mode)) {
        if (depth + 1 >= limits_.max_depth) {
          refuse(path, "is more than " + std::to_string(limits_.max_depth) + " folders deep (not read)");
          continue;
        }
        const Fd sub(::openat(folder_fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (sub.get() < 0) {
          refuse(path, "cannot be opened: " + os_error());
          continue;
        }
        list_folder(sub.get(), path, depth + 1);
        continue;
      }
      if (auto reason = unsafe_path_reason(path)) {  // a control character in a name
        refuse(path, *reason + "; not read");
        continue;
      }
      if (std::string problem = status_problem(info); !problem.empty()) {
        refuse(path, problem);
        continue;
      }
      entries_.push_back(Entry{path, static_cast<std::uint64_t>(info.st_size)});
    }
  }

  // Opens `path` below the root one component at a time, never following a link.
  int open_below_root(const std::string& path) const {
    std::size_t start = 0;
    int folder = root_;
    std::unique_ptr<Fd> held;
    for (;;) {
      const std::size_t slash = path.find('/', start);
      const std::string part = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
      if (slash == std::string::npos) {
        return ::openat(folder, part.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
      }
      auto next = std::make_unique<Fd>(::openat(folder, part.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
      if (next->get() < 0) return -1;
      held = std::move(next);
      folder = held->get();
      start = slash + 1;
    }
  }

  bool read_file(const std::string& path, std::string& data) {
    data.clear();
    return pump_file(path, limits_.max_entry_bytes, [&](std::string_view chunk) {
      data.append(chunk);
      return true;
    });
  }

  // Hands the file's bytes to take_chunk as they are read, within `max_bytes` and the
  // total limit; false after naming the problem, or when take_chunk stops.
  bool pump_file(const std::string& path, std::uint64_t max_bytes, const TakeChunk& take_chunk) {
    const Fd file(open_below_root(path));
    if (file.get() < 0) {
      refuse(path, "cannot be opened: " + os_error());
      return false;
    }
    struct stat info {};
    if (::fstat(file.get(), &info) != 0) {
      refuse(path, "cannot be examined: " + os_error());
      return false;
    }
    if (std::string problem = status_problem(info); !problem.empty()) {  // swapped since the listing
      refuse(path, problem);
      return false;
    }
    if (static_cast<std::uint64_t>(info.st_size) > max_bytes) {
      refuse(path, "is " + std::to_string(info.st_size) + " bytes, over the limit of " +
                       std::to_string(max_bytes) + " (not read)");
      return false;
    }
    const int flags = ::fcntl(file.get(), F_GETFL);
    if (flags >= 0) ::fcntl(file.get(), F_SETFL, flags & ~O_NONBLOCK);
    std::uint64_t read_so_far = 0;
    char chunk[1 << 16];
    for (;;) {
      const ssize_t got = ::read(file.get(), chunk, sizeof chunk);
      if (got < 0) {
        if (errno == EINTR) continue;
        refuse(path, "cannot be read: " + os_error());
        return false;
      }
      if (got == 0) return true;
      read_so_far += static_cast<std::uint64_t>(got);
      if (read_so_far > max_bytes) {
        refuse(path, "grew over the limit of " + std::to_string(max_bytes) + " bytes (not read)");
        return false;
      }
      if (!count_total(path, static_cast<std::uint64_t>(got))) return false;
      if (!take_chunk(std::string_view(chunk, static_cast<std::size_t>(got)))) return false;
    }
  }

  int root_;
};

}  // namespace

std::unique_ptr<ExportTree> open_folder(int directory_fd, const Limits& limits) {
  return std::make_unique<FolderTree>(directory_fd, limits);
}

}  // namespace tendon::archive
