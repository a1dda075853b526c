#include "export_fixtures.h"

#include <archive.h>
#include <archive_entry.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

#include <ctime>

namespace tendon::testing {

namespace {

la_ssize_t append_to_string(struct archive*, void* context, const void* buffer, size_t length) {
  static_cast<std::string*>(context)->append(static_cast<const char*>(buffer), length);
  return static_cast<la_ssize_t>(length);
}

struct WriterFree {
  void operator()(struct archive* a) const { archive_write_free(a); }
};

void check(int status, struct archive* a) {
  if (status < ARCHIVE_WARN) throw std::runtime_error(std::string("libarchive: ") + archive_error_string(a));
}

}  // namespace

std::string make_zip(const std::vector<ZipEntry>& entries) {
  std::string out;
  std::unique_ptr<struct archive, WriterFree> writer(archive_write_new());
  struct archive* a = writer.get();
  check(archive_write_set_format_zip(a), a);
  check(archive_write_set_bytes_in_last_block(a, 1), a);
  check(archive_write_open(a, &out, nullptr, append_to_string, nullptr), a);
  for (const auto& e : entries) {
    struct archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, e.name.c_str());
    archive_entry_set_mtime(entry, 1767340800, 0);
    if (e.kind == EntryKind::symlink) {
      archive_entry_set_filetype(entry, AE_IFLNK);
      archive_entry_set_perm(entry, 0777);
      archive_entry_set_symlink(entry, e.content.c_str());
      archive_entry_set_size(entry, 0);
    } else {
      archive_entry_set_filetype(entry, AE_IFREG);
      archive_entry_set_perm(entry, 0644);
      archive_entry_set_size(entry, static_cast<la_int64_t>(e.content.size()));
    }
    check(archive_write_header(a, entry), a);
    if (e.kind == EntryKind::file && !e.content.empty()) {
      if (archive_write_data(a, e.content.data(), e.content.size()) < 0) check(ARCHIVE_FATAL, a);
    }
    archive_entry_free(entry);
  }
  check(archive_write_close(a), a);
  return out;
}

std::string gzip(const std::string& bytes) {
  std::string out;
  std::unique_ptr<struct archive, WriterFree> writer(archive_write_new());
  struct archive* a = writer.get();
  check(archive_write_add_filter_gzip(a), a);
  check(archive_write_set_format_raw(a), a);
  check(archive_write_set_bytes_in_last_block(a, 1), a);
  check(archive_write_open(a, &out, nullptr, append_to_string, nullptr), a);
  struct archive_entry* entry = archive_entry_new();
  archive_entry_set_filetype(entry, AE_IFREG);
  archive_entry_set_size(entry, static_cast<la_int64_t>(bytes.size()));
  check(archive_write_header(a, entry), a);
  if (archive_write_data(a, bytes.data(), bytes.size()) < 0) check(ARCHIVE_FATAL, a);
  archive_entry_free(entry);
  check(archive_write_close(a), a);
  return out;
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

PluginHost& builtin_host() {
  static PluginHost host([](std::string_view, tendon_level, std::string_view) {});
  static const bool registered = (register_builtin_plugins(host), true);
  (void)registered;
  return host;
}

bool has_problem(const std::vector<std::string>& problems, const std::vector<std::string>& parts) {
  for (const auto& p : problems) {
    bool all = true;
    for (const auto& part : parts) all = all && p.find(part) != std::string::npos;
    if (all) return true;
  }
  return false;
}

std::string listed(const std::vector<std::string>& problems) {
  std::string out;
  for (const auto& p : problems) out += "  " + p + "\n";
  return out;
}

std::int64_t utc(int year, int month, int day, int hour, int minute, int second) {
  // timegm, not the importer's own arithmetic: the test must not share its mistakes.
  std::tm t{};
  t.tm_year = year - 1900;
  t.tm_mon = month - 1;
  t.tm_mday = day;
  t.tm_hour = hour;
  t.tm_min = minute;
  t.tm_sec = second;
  return static_cast<std::int64_t>(timegm(&t));
}

}  // namespace tendon::testing
