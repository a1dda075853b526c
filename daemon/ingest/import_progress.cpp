#include "import_progress.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <exception>
#include <string>

#include "archive/export_tree.h"
#include "tendon/plugin.h"

namespace tendon {

namespace {

thread_local ImportProgressScope* current_scope = nullptr;

constexpr std::array<std::string_view, 6> kWatchFileSuffixes = {".fit", ".fit.gz", ".gpx", ".gpx.gz", ".tcx", ".tcx.gz"};

bool is_watch_file(std::string path) {
  std::transform(path.begin(), path.end(), path.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::any_of(kWatchFileSuffixes.begin(), kWatchFileSuffixes.end(), [&](std::string_view suffix) {
    return path.size() >= suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
  });
}

std::size_t count_watch_files(const archive::ExportTree& tree) {
  const auto& entries = tree.entries();
  return static_cast<std::size_t>(
      std::count_if(entries.begin(), entries.end(), [](const archive::Entry& e) { return is_watch_file(e.path); }));
}

}  // namespace

ImportProgressScope::ImportProgressScope(Report report, std::chrono::milliseconds interval)
    : report_(std::move(report)), interval_(interval), outer_(current_scope) {
  current_scope = this;
}

ImportProgressScope::~ImportProgressScope() { current_scope = outer_; }

ImportProgressScope* current_import_progress() { return current_scope; }

void ImportProgressScope::note_file(int status, std::size_t activities) {
  ++progress_.files_done;
  progress_.activities = activities;
  if (status == TENDON_NOT_ACTIVITY) ++progress_.skipped;
  else if (status != TENDON_OK && status != TENDON_ERR_CANCELLED) ++progress_.failed;
  // A listing that missed files (a name the count did not recognise) is no total at all.
  if (progress_.files_done > progress_.files_total) progress_.files_total = 0;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_report_ < interval_) return;
  last_report_ = now;
  if (report_) report_(progress_);
}

ImportProgress ImportProgressScope::finish(std::size_t activities) {
  progress_.activities = activities;
  progress_.files_total = progress_.files_done;
  progress_.final = true;
  if (report_) report_(progress_);
  return progress_;
}

std::size_t count_export_files(std::string_view zip_bytes) {
  try {
    if (!archive::looks_like_zip(zip_bytes.substr(0, 4096))) return 0;
    return count_watch_files(*archive::open_zip(zip_bytes));
  } catch (const std::exception&) {
    return 0;  // the importer says what is wrong with it
  }
}

std::size_t count_export_files_in_folder(int directory_fd) {
  try {
    return count_watch_files(*archive::open_folder(directory_fd));
  } catch (const std::exception&) {
    return 0;
  }
}

}  // namespace tendon
