#include "uploaded_files.h"

#include <array>
#include <stdexcept>

#include "entry_path.h"
#include "export_tree.h"

namespace tendon::garmin {

namespace {

constexpr std::array<std::string_view, 6> kActivitySuffixes = {".fit", ".fit.gz", ".tcx", ".tcx.gz", ".gpx", ".gpx.gz"};

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

bool is_activity_file_name(std::string_view folded_name) {
  for (std::string_view suffix : kActivitySuffixes) {
    if (ends_with(folded_name, suffix)) return true;
  }
  return false;
}

bool UploadedFiles::read_zip(const std::string& zip_path, std::string_view bytes, const Visit& visit,
                             std::vector<std::string>& problems) {
  archive::Limits limits;
  limits.max_total_bytes = remaining_;
  std::unique_ptr<archive::ExportTree> tree;
  try {
    tree = archive::open_zip(bytes, limits);
  } catch (const std::exception& e) {
    problems.push_back(zip_path + ": " + e.what() + " (its files are not read)");
    return true;
  }
  const bool went_on = tree->read(
      [](const std::string& path) { return is_activity_file_name(archive::folded(path)); },
      [&](const std::string& path, std::string_view entry) {
        remaining_ -= std::min<std::uint64_t>(remaining_, entry.size());
        return visit(zip_path + ": " + path, path.substr(path.rfind('/') + 1), entry);
      });
  for (auto& problem : tree->take_problems()) problems.push_back(zip_path + ": " + problem);
  return went_on;
}

}  // namespace tendon::garmin
