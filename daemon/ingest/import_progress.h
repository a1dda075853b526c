#pragma once
// Progress of one big import (an export of thousands of files), told to whoever started it
// while the importer works through it on this thread. The host's nested-import path
// (plugin_nested_import.cpp) notes each file an export's importer hands back to it, so no
// plugin and no C ABI has to know about progress.
#include <chrono>
#include <cstddef>
#include <functional>
#include <string_view>

namespace tendon {

struct ImportProgress {
  std::size_t files_done = 0;   // nested files read (whatever became of them)
  std::size_t files_total = 0;  // 0: not known
  std::size_t activities = 0;   // activities the import has taken so far
  std::size_t skipped = 0;      // files that hold no activity (a FIT settings file)
  std::size_t failed = 0;       // files that could not be read
  bool final = false;           // the last report of this import
};

// While alive, the import running on this thread reports to `report`: at most once per
// `interval` as files are done, and once more from finish(). Not nested: an inner scope
// on the same thread takes over until it ends.
class ImportProgressScope {
 public:
  using Report = std::function<void(const ImportProgress&)>;
  ImportProgressScope(Report report, std::chrono::milliseconds interval);
  ~ImportProgressScope();
  ImportProgressScope(const ImportProgressScope&) = delete;
  ImportProgressScope& operator=(const ImportProgressScope&) = delete;

  void set_total(std::size_t files_total) { progress_.files_total = files_total; }
  // The last report, with the activities the import ended with; the total becomes the
  // files actually read. Returns it (the import's answer carries the same counts).
  ImportProgress finish(std::size_t activities);
  const ImportProgress& progress() const { return progress_; }

  // For the nested-import path: a file handed back by the outermost importer finished
  // with `status` (a tendon_status); `activities` the outer import has taken so far.
  void note_file(int status, std::size_t activities);

 private:
  Report report_;
  std::chrono::milliseconds interval_;
  std::chrono::steady_clock::time_point last_report_{};
  ImportProgress progress_;
  ImportProgressScope* outer_;
};

// The scope of the import running on this thread, or nullptr.
ImportProgressScope* current_import_progress();

// How many watch files (.fit, .gpx, .tcx, gzipped or not) an export holds: the files its
// importer will hand to the host, so the total a progress bar counts to. `bytes` is a zip
// (anything else: 0); a folder is listed through `directory_fd`. Never throws: 0 when
// the listing fails (the total is then not known).
std::size_t count_export_files(std::string_view zip_bytes);
std::size_t count_export_files_in_folder(int directory_fd);

}  // namespace tendon
