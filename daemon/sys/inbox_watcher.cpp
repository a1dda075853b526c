#include "inbox_watcher.h"

#include <sys/inotify.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <system_error>

#include "inbox_rules.h"

namespace tendon {
namespace {

constexpr std::uint32_t kFileEvents = IN_CLOSE_WRITE | IN_MOVED_TO;
// The folder itself going away; IN_Q_OVERFLOW and IN_IGNORED arrive without asking.
constexpr std::uint32_t kFolderEvents = IN_DELETE_SELF | IN_MOVE_SELF;

int open_inotify() {
  const int fd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd < 0) throw std::system_error(errno, std::generic_category(), "cannot watch inbox folders (inotify_init1)");
  return fd;
}

}  // namespace

InboxWatcher::InboxWatcher(boost::asio::io_context& io, FileHandler on_file, std::ostream& log)
    : inotify_(io, open_inotify()), on_file_(std::move(on_file)), log_(log) {
  read_events();
}

InboxWatcher::~InboxWatcher() { stop(); }

void InboxWatcher::stop() {
  stopped_ = true;
  boost::system::error_code ignored;
  inotify_.close(ignored);  // drops every watch with the descriptor
  folder_by_watch_.clear();
}

void InboxWatcher::watch(const std::vector<std::filesystem::path>& folders) {
  if (stopped_) return;
  for (auto it = folder_by_watch_.begin(); it != folder_by_watch_.end();) {
    if (std::find(folders.begin(), folders.end(), it->second) == folders.end()) {
      ::inotify_rm_watch(inotify_.native_handle(), it->first);
      it = folder_by_watch_.erase(it);
    } else {
      ++it;
    }
  }
  for (const auto& folder : folders) {
    const bool watched = std::any_of(folder_by_watch_.begin(), folder_by_watch_.end(),
                                     [&](const auto& entry) { return entry.second == folder; });
    if (watched) continue;
    // IN_ONLYDIR: a file configured as an inbox is an error, not something to watch.
    const int wd = ::inotify_add_watch(inotify_.native_handle(), folder.c_str(), kFileEvents | kFolderEvents | IN_ONLYDIR);
    if (wd < 0) {
      log_ << "tendond: cannot watch inbox " << folder.string() << ": " << std::strerror(errno) << std::endl;
      continue;
    }
    folder_by_watch_[wd] = folder;
    // After the watch is in place, so a file arriving now is seen by one or the other.
    scan(folder);
  }
}

void InboxWatcher::scan(const std::filesystem::path& folder) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (!it->is_regular_file(type_ec)) continue;
    if (is_ignored_inbox_name(it->path().filename().string())) continue;
    files.push_back(it->path());
  }
  if (ec) log_ << "tendond: cannot scan inbox " << folder.string() << ": " << ec.message() << std::endl;
  // Oldest name first would need stat calls; name order at least makes runs repeatable.
  std::sort(files.begin(), files.end());
  for (const auto& file : files) on_file_(file);
}

void InboxWatcher::read_events() {
  inotify_.async_read_some(boost::asio::buffer(buffer_), [this](const boost::system::error_code& ec, std::size_t n) {
    if (ec || stopped_) {
      if (ec != boost::asio::error::operation_aborted && !stopped_) {
        log_ << "tendond: inbox watching stopped: " << ec.message() << std::endl;
      }
      return;
    }
    handle_events(n);
    read_events();
  });
}

void InboxWatcher::handle_events(std::size_t bytes) {
  bool overflowed = false;
  std::size_t offset = 0;
  while (offset + sizeof(inotify_event) <= bytes) {
    inotify_event event{};
    std::memcpy(&event, buffer_.data() + offset, sizeof(event));
    const char* name_start = buffer_.data() + offset + sizeof(event);
    // The name is NUL-padded to an aligned length.
    const std::string name(name_start, strnlen(name_start, event.len));
    offset += sizeof(event) + event.len;

    if (event.mask & IN_Q_OVERFLOW) {
      overflowed = true;
      continue;
    }
    const auto folder = folder_by_watch_.find(event.wd);
    if (folder == folder_by_watch_.end()) continue;
    if (event.mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
      log_ << "tendond: inbox " << folder->second.string()
           << " was removed or moved away; not watched until the next reload (SIGHUP)" << std::endl;
      ::inotify_rm_watch(inotify_.native_handle(), event.wd);
      folder_by_watch_.erase(folder);
      continue;
    }
    if (event.mask & IN_IGNORED) {  // the kernel dropped the watch (its folder is gone)
      folder_by_watch_.erase(folder);
      continue;
    }
    if ((event.mask & IN_ISDIR) || !(event.mask & kFileEvents)) continue;
    if (is_ignored_inbox_name(name)) continue;
    on_file_(folder->second / name);
    if (stopped_) return;
  }
  if (overflowed && !stopped_) {
    log_ << "tendond: inbox events overflowed; scanning the inboxes again" << std::endl;
    std::vector<std::filesystem::path> folders;
    for (const auto& entry : folder_by_watch_) folders.push_back(entry.second);
    for (const auto& folder : folders) scan(folder);
  }
}

}  // namespace tendon
