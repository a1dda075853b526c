#pragma once
// An export as a tree of files, whether the zip the platform gave or the folder it
// unpacks to. Entries are read into memory one at a time (never extracted to disk), within
// limits; entries that are unsafe (absolute, '..', links, devices) are never read. Each
// refusal is one problem line naming the entry; the rest of the tree stays readable.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tendon::archive {

struct Limits {
  std::uint64_t max_entry_bytes = std::uint64_t{256} << 20;  // one file, inflated
  std::uint64_t max_total_bytes = std::uint64_t{8} << 30;    // every file read, inflated
  // Inflated / compressed bytes of one zip entry; more is a decompression bomb. Real
  // exports' CSV, JSON and XML stay far below; their .fit.gz members are near 1.
  double max_ratio = 200;
  std::uint64_t ratio_floor_bytes = std::uint64_t{1} << 20;  // smaller entries: no ratio check
  std::size_t max_entries = 1'000'000;
  int max_depth = 16;  // folders: how deep the listing goes
};

struct Entry {
  std::string path;        // normalised ("activities/123.fit.gz")
  std::uint64_t size = 0;  // as declared by the archive or the file system (0: unknown)
};

class ExportTree {
 public:
  virtual ~ExportTree() = default;

  // The regular files, in the tree's own order (a zip's, or sorted by path for a folder).
  const std::vector<Entry>& entries() const { return entries_; }

  // Reads every listed file for which wanted(path) is true, in the tree's order, and hands
  // its bytes to take(path, bytes); take returns false to stop (then read returns false).
  // A file that breaks a limit or cannot be read is a problem and is skipped.
  using Wanted = std::function<bool(const std::string& path)>;
  using Take = std::function<bool(const std::string& path, std::string_view bytes)>;
  virtual bool read(const Wanted& wanted, const Take& take) = 0;

  // Streams one listed file's bytes to take_chunk a piece at a time, never holding the
  // whole file: for an entry too large to read at once (Apple Health's export.xml reaches
  // gigabytes). `max_bytes` stands in for the entry limit; the ratio and total limits
  // still apply. False when the file is not listed, breaks a limit or cannot be read (a
  // problem names it), or take_chunk returned false.
  using TakeChunk = std::function<bool(std::string_view chunk)>;
  virtual bool stream(const std::string& path, std::uint64_t max_bytes, const TakeChunk& take_chunk) = 0;

  // What was refused or failed so far ("entry '../evil': escapes its folder ('..'); not
  // read"), oldest first; taking clears the list.
  std::vector<std::string> take_problems();

 protected:
  explicit ExportTree(const Limits& limits) : limits_(limits) {}
  void refuse(std::string_view name, const std::string& reason);
  // Keeps `problem` as one line (an entry name or a libarchive message may hold control
  // characters), at most 1000 of them.
  void note(std::string problem);
  // Counts `bytes` more read against the total; false (and a problem) past the limit.
  bool count_total(std::string_view name, std::uint64_t bytes);

  Limits limits_;
  std::vector<Entry> entries_;
  std::vector<std::string> problems_;
  std::uint64_t total_read_ = 0;
};

// A zip held in memory (`bytes` must outlive the tree). Throws std::runtime_error with
// libarchive's reason when it is not a readable zip.
std::unique_ptr<ExportTree> open_zip(std::string_view bytes, const Limits& limits = {});

// A folder, read with openat() relative to `directory_fd` (not closed, not followed out
// of: symlinks and hard-linked files are refused). Throws std::runtime_error when the
// folder cannot be listed.
std::unique_ptr<ExportTree> open_folder(int directory_fd, const Limits& limits = {});

// Whether `head` starts like a zip (a local file header, or an empty zip's end record).
bool looks_like_zip(std::string_view head);

// Entry names found in the local file headers within `head` (a probe's first bytes), in
// order: enough to recognise an export without its central directory.
std::vector<std::string> zip_names_in_head(std::string_view head);

}  // namespace tendon::archive
