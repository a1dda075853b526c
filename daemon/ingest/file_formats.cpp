#include "file_formats.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include "activity_log/activity_log.h"

namespace tendon {

namespace {

std::string lower_suffix(const std::filesystem::path& name) {
  std::string s = name.extension().string();
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

ParsedFile parse_log(std::string_view bytes, LogFormat format) {
  ParsedFile out;
  out.format = "activity-log";
  LogParseResult r = parse_activity_log(bytes, format);
  out.activities = std::move(r.activities);
  for (const auto& p : r.problems) {
    out.problems.push_back(p.line ? "line " + std::to_string(p.line) + ": " + p.reason : p.reason);
  }
  if (r.fatal) {
    // The fatal reason is the first problem; say it once, as the file's error.
    out.fatal = r.problems.empty() ? "not a readable activity log" : r.problems.front().reason;
    if (!out.problems.empty()) out.problems.erase(out.problems.begin());
  }
  return out;
}

}  // namespace

ParsedFile parse_file_bytes(const std::filesystem::path& name, std::string_view bytes) {
  const std::string suffix = lower_suffix(name);
  if (suffix == ".jsonl" || suffix == ".ndjson") return parse_log(bytes, LogFormat::json_lines);
  if (suffix == ".csv") return parse_log(bytes, LogFormat::csv);
  ParsedFile out;
  out.fatal = suffix.empty() ? "no file suffix; cannot tell the format"
                             : "unsupported format '" + suffix + "' (supported: .jsonl, .ndjson, .csv)";
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
