#pragma once
// The files Garmin keeps as uploaded (DI-Connect-Uploaded-Files/UploadedFiles_*.zip):
// zips inside the export, opened in memory with the same archive reader and the same
// safety rules (no unsafe names or links, bounded sizes and inflation), within what is
// left of the export's byte budget. Only activity-like entries are handed on.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tendon::garmin {

// Whether a (folded) entry name is an activity file the host reads: .fit, .tcx, .gpx,
// gzipped or not. Garmin's uploads also hold other things; those are not read.
bool is_activity_file_name(std::string_view folded_name);

class UploadedFiles {
 public:
  explicit UploadedFiles(std::uint64_t byte_budget) : remaining_(byte_budget) {}

  // label: "<zip path>: <entry>" for messages; name: the entry's own file name.
  using Visit = std::function<bool(const std::string& label, const std::string& name, std::string_view bytes)>;

  // Reads the zip `bytes` (its path in the export: `zip_path`) and visits each activity
  // file in it; what it refuses or cannot read is added to `problems`. False when a
  // visit asked to stop.
  bool read_zip(const std::string& zip_path, std::string_view bytes, const Visit& visit, std::vector<std::string>& problems);

 private:
  std::uint64_t remaining_;
};

}  // namespace tendon::garmin
