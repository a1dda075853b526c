#include "entry_path.h"

#include <vector>

namespace tendon::archive {

namespace {

std::vector<std::string_view> components(std::string_view name) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= name.size(); ++i) {
    if (i == name.size() || name[i] == '/' || name[i] == '\\') {
      out.push_back(name.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

bool is_control(unsigned char c) { return c < 0x20 || c == 0x7f; }

}  // namespace

std::optional<std::string> unsafe_path_reason(std::string_view name) {
  if (name.empty()) return "has no name";
  for (const char c : name) {
    if (is_control(static_cast<unsigned char>(c))) return "has a control character in its name";
  }
  if (name.front() == '/' || name.front() == '\\') return "is an absolute path";
  if (name.size() >= 2 && name[1] == ':' &&
      ((name[0] >= 'A' && name[0] <= 'Z') || (name[0] >= 'a' && name[0] <= 'z'))) {
    return "is an absolute path (drive letter)";
  }
  for (const auto part : components(name)) {
    if (part == "..") return "escapes its folder ('..')";
  }
  if (normalised_path(name).empty()) return "has no name";
  return std::nullopt;
}

std::string normalised_path(std::string_view name) {
  std::string out;
  for (const auto part : components(name)) {
    if (part.empty() || part == ".") continue;
    if (!out.empty()) out += '/';
    out += part;
  }
  return out;
}

std::string folded(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string entry_label(std::string_view name) {
  constexpr std::size_t kMaxShown = 200;
  std::string shown;
  for (const char c : name.substr(0, kMaxShown)) shown += is_control(static_cast<unsigned char>(c)) ? '?' : c;
  if (name.size() > kMaxShown) shown += "...";
  return "entry '" + shown + "'";
}

}  // namespace tendon::archive
