#pragma once
// Watches inbox folders with inotify on the Asio loop (no polling). A file is reported
// when it is closed after writing (IN_CLOSE_WRITE) or moved in (IN_MOVED_TO): never while
// a writer still has it open. Folders are scanned when first watched (what arrived while
// the daemon was down) and again after the kernel's event queue overflowed.
#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <array>
#include <filesystem>
#include <functional>
#include <map>
#include <ostream>
#include <vector>

namespace tendon {

class InboxWatcher {
 public:
  // Called on the loop's thread with the full path of each file worth importing (names
  // is_ignored_inbox_name() accepts; sub-folders such as processed/ are never reported).
  using FileHandler = std::function<void(const std::filesystem::path& file)>;

  // Throws when inotify is not available (the error names the reason).
  InboxWatcher(boost::asio::io_context& io, FileHandler on_file, std::ostream& log);
  ~InboxWatcher();
  InboxWatcher(const InboxWatcher&) = delete;
  InboxWatcher& operator=(const InboxWatcher&) = delete;

  // Watches exactly `folders` from now on: new ones (and ones whose watch was lost) are
  // added and scanned, ones no longer listed are dropped. A folder that cannot be watched
  // is logged and left out.
  void watch(const std::vector<std::filesystem::path>& folders);
  // No more events or scans.
  void stop();

 private:
  void read_events();
  void handle_events(std::size_t bytes);
  void scan(const std::filesystem::path& folder);

  boost::asio::posix::stream_descriptor inotify_;
  FileHandler on_file_;
  std::ostream& log_;
  std::map<int, std::filesystem::path> folder_by_watch_;
  bool stopped_ = false;
  // Room for many events per read; inotify never splits one event across reads.
  alignas(8) std::array<char, 64 * 1024> buffer_{};
};

}  // namespace tendon
