#include "export_tree.h"

#include <cstring>

#include "entry_path.h"

namespace tendon::archive {

std::vector<std::string> ExportTree::take_problems() {
  std::vector<std::string> out = std::move(problems_);
  problems_.clear();
  return out;
}

void ExportTree::refuse(std::string_view name, const std::string& reason) { note(entry_label(name) + ": " + reason); }

void ExportTree::note(std::string problem) {
  constexpr std::size_t kMaxProblems = 1000;
  if (problems_.size() >= kMaxProblems) return;
  for (char& c : problem) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  problems_.push_back(std::move(problem));
}

bool ExportTree::count_total(std::string_view name, std::uint64_t bytes) {
  total_read_ += bytes;
  if (total_read_ <= limits_.max_total_bytes) return true;
  refuse(name, "the export inflates to more than " + std::to_string(limits_.max_total_bytes) +
                   " bytes in all (not read)");
  return false;
}

bool looks_like_zip(std::string_view head) {
  return head.size() >= 4 && (head.substr(0, 4) == std::string_view("PK\x03\x04", 4) ||
                              head.substr(0, 4) == std::string_view("PK\x05\x06", 4));
}

std::vector<std::string> zip_names_in_head(std::string_view head) {
  // Local file header: signature(4) version(2) flags(2) method(2) time(2) date(2) crc(4)
  // compressed(4) size(4) name_length(2) extra_length(2), then the name and extra field.
  constexpr std::size_t kHeader = 30;
  const auto u16 = [&](std::size_t at) {
    return static_cast<std::size_t>(static_cast<unsigned char>(head[at])) |
           static_cast<std::size_t>(static_cast<unsigned char>(head[at + 1])) << 8;
  };
  const auto u32 = [&](std::size_t at) { return u16(at) | u16(at + 2) << 16; };
  std::vector<std::string> names;
  std::size_t at = 0;
  while (at + kHeader <= head.size() && head.substr(at, 4) == std::string_view("PK\x03\x04", 4)) {
    const std::size_t name_length = u16(at + 26), extra_length = u16(at + 28);
    if (at + kHeader + name_length > head.size()) break;
    names.emplace_back(head.substr(at + kHeader, name_length));
    const bool sizes_after_data = (u16(at + 6) & 0x08) != 0;  // a data descriptor: size unknown here
    if (sizes_after_data) break;
    at += kHeader + name_length + extra_length + u32(at + 18);
  }
  return names;
}

}  // namespace tendon::archive
