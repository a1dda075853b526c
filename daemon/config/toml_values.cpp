#include "config/toml_values.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "config/paths.h"

namespace tendon::config_detail {

// http(s)://HOST... with no spaces or control characters: libcurl gets exactly this.
bool valid_url(std::string_view url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return false;
  std::string scheme(url.substr(0, scheme_end));
  std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  if (scheme != "http" && scheme != "https") return false;
  const std::string_view rest = url.substr(scheme_end + 3);
  if (rest.empty() || rest[0] == '/' || rest[0] == '?' || rest[0] == '#') return false;
  return std::none_of(url.begin(), url.end(),
                      [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f; });
}

namespace {

constexpr std::size_t kMaxSecretBytes = 4096;

// A secret from a file: the first line, without its line end (as `echo x > file` leaves it).
std::string read_secret_file(const std::filesystem::path& file, const std::string& what,
                             TableReader& r, std::string_view key) {
  std::ifstream in(file, std::ios::binary);
  if (!in) r.fail(key, what + ": cannot open " + file.string() + ": " + std::strerror(errno));
  std::string line;
  std::getline(in, line);
  if (in.bad()) r.fail(key, what + ": cannot read " + file.string() + ": " + std::strerror(errno));
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.empty()) r.fail(key, what + ": " + file.string() + " is empty");
  if (line.size() > kMaxSecretBytes) r.fail(key, what + ": " + file.string() + " is too long for a secret");
  return line;
}

}  // namespace

// `key` (the secret inline) or `key`_file (a file holding it), not both; "" when neither.
std::string read_secret(TableReader& r, const std::string& key, const std::filesystem::path& base) {
  const std::string file_key = key + "_file";
  const auto inline_value = r.string(key);
  const toml::node* file_node = r.get(file_key);
  if (inline_value && file_node != nullptr) {
    r.fail(file_key, r.key_path(file_key) + ": set " + key + " or " + file_key + ", not both");
  }
  if (inline_value) {
    if (inline_value->empty()) r.fail(key, r.key_path(key) + " is empty");
    if (std::any_of(inline_value->begin(), inline_value->end(),
                    [](char c) { return c == '\r' || c == '\n'; })) {
      r.fail(key, r.key_path(key) + " must be one line");
    }
    return *inline_value;
  }
  if (file_node == nullptr) return {};
  const auto text = r.string(file_key);
  if (text->empty()) r.fail(file_key, r.key_path(file_key) + " is empty");
  const auto path = resolve_path(*text, base);
  if (!path) {
    r.fail(file_key, r.key_path(file_key) + ": only ~ and ~/ are expanded, not ~user (write the full path)");
  }
  return read_secret_file(*path, r.key_path(file_key), r, file_key);
}

}  // namespace tendon::config_detail
