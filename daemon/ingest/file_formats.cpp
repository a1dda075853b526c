#include "file_formats.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <stdexcept>

#include "content_hash.h"
#include "gunzip.h"
#include "sport_inference.h"

namespace tendon {

namespace {

bool ends_with_ci(const std::string& text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  return std::equal(suffix.begin(), suffix.end(), text.end() - static_cast<std::ptrdiff_t>(suffix.size()),
                    [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
}

// "run.fit.gz" -> "run.fit": the importer is chosen by the suffix under the compression.
std::filesystem::path without_gz(const std::filesystem::path& name) {
  const std::string s = name.string();
  return ends_with_ci(s, ".gz") ? std::filesystem::path(s.substr(0, s.size() - 3)) : name;
}

// Watch files have no identity of their own: the content is it. Logs, exec importers and
// third-party summaries carry the source's ids, which stay stable when the log grows.
// Activities read from a file nested in the input (an export's FIT files) already carry
// that file's identity.
void give_content_identity(std::vector<Activity>& activities, const std::vector<bool>& from_nested_file,
                           std::string_view content) {
  std::string hash;
  for (std::size_t i = 0; i < activities.size(); ++i) {
    Activity& a = activities[i];
    if (i < from_nested_file.size() && from_nested_file[i]) continue;
    if (a.source_kind == SourceKind::summary && !a.source_id.empty()) continue;
    if (hash.empty()) hash = sha256_hex(content).substr(0, 32);
    const std::string within = a.source_id.empty() ? "#" + std::to_string(i) : a.source_id;
    a.source_id = hash + "/" + within;
  }
}

// Files are sniffed, not trusted by name: a FIT file saved as .gpx is still read, but the
// user hears that the name is wrong.
std::optional<std::string> misnamed(const PluginHost& host, const std::filesystem::path& name,
                                    const std::string& importer_id) {
  const std::string file = name.filename().string();
  for (const ImporterInfo& info : host.importers()) {
    if (info.id != importer_id) continue;
    for (const std::string& suffix : info.suffixes) {
      if (ends_with_ci(file, suffix)) return std::nullopt;
    }
    return "the content is " + importer_id + " although the name says otherwise; read as " + importer_id;
  }
  return std::nullopt;
}

// The importer's verdict into `out`: false when it failed (out.fatal says why).
bool take_outcome(PluginImport& imported, ParsedFile& out) {
  out.format = imported.importer_id;
  out.problems = std::move(imported.warnings);
  out.gear = std::move(imported.gear);
  if (imported.status == TENDON_OK) return true;
  out.not_activity = imported.status == TENDON_NOT_ACTIVITY;
  out.fatal = imported.error.empty() ? "the importer gave up without a reason" : imported.error;
  return false;
}

void settle_sports(ParsedFile& out) {
  for (Activity& a : out.activities) {
    if (auto note = settle_sport(a)) out.problems.push_back(*note);
  }
}

}  // namespace

ParsedFile parse_file_bytes(const PluginHost& host, const std::filesystem::path& name, std::string_view bytes) {
  ParsedFile out;
  if (bytes.empty()) {
    out.fatal = "empty file";
    return out;
  }
  std::string inflated;
  std::filesystem::path inner = name;
  if (looks_gzipped(bytes)) {
    try {
      inflated = gunzip(bytes, kMaxInflatedBytes);
    } catch (const std::exception& e) {
      out.fatal = e.what();
      return out;
    }
    bytes = inflated;
    inner = without_gz(name);
    if (bytes.empty()) {
      out.fatal = "empty file (inside gzip)";
      return out;
    }
  }

  PluginImport imported = host.import(inner, bytes);
  if (!take_outcome(imported, out)) return out;
  if (auto note = misnamed(host, inner, out.format)) {
    if (imported.activities.empty()) {
      // Sniffing found another format, but nothing in it: more likely a broken file than
      // a misnamed one, and the user should hear it failed.
      out.fatal = "the content does not match the name; read as " + out.format + " it holds no activity" +
                  (out.problems.empty() ? std::string() : " (" + out.problems.front() + ")");
      out.problems.clear();
      return out;
    }
    out.problems.push_back(*note);
  }
  out.activities = std::move(imported.activities);
  give_content_identity(out.activities, imported.from_nested_file, bytes);
  settle_sports(out);
  return out;
}

ParsedFile parse_folder(const PluginHost& host, const std::filesystem::path& name, int directory_fd) {
  ParsedFile out;
  PluginImport imported = host.import_folder(name, directory_fd);
  if (!take_outcome(imported, out)) return out;
  out.activities = std::move(imported.activities);
  // A folder has no content to hash: its summaries carry the export's own ids.
  for (std::size_t i = 0; i < out.activities.size(); ++i) {
    Activity& a = out.activities[i];
    const bool nested = i < imported.from_nested_file.size() && imported.from_nested_file[i];
    if (!nested && a.source_id.empty()) a.source_id = name.filename().string() + "#" + std::to_string(i);
  }
  settle_sports(out);
  return out;
}

std::string read_file_bytes(const std::filesystem::path& file, std::size_t max_bytes) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(std::string("cannot open: ") + std::strerror(errno));
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (!ec && size > max_bytes) {
    throw std::runtime_error("file is " + std::to_string(size) + " bytes, over the limit of " +
                             std::to_string(max_bytes));
  }
  std::string bytes;
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    bytes.append(buf, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > max_bytes) throw std::runtime_error("file is over the limit of " + std::to_string(max_bytes) + " bytes");
  }
  if (in.bad()) throw std::runtime_error(std::string("read error: ") + std::strerror(errno));
  return bytes;
}

}  // namespace tendon
