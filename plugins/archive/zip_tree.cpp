// The zip side of ExportTree, through libarchive, from memory. Two passes over the same
// bytes: the listing at open (headers only), then each read() streams the entries it
// wants, one at a time, checking sizes and the inflation ratio as the bytes come.
#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

#include "entry_path.h"
#include "export_tree.h"

namespace tendon::archive {

namespace {

struct ArchiveFree {
  void operator()(struct archive* a) const { archive_read_free(a); }
};
using ArchiveReader = std::unique_ptr<struct archive, ArchiveFree>;

ArchiveReader open_reader(std::string_view bytes) {
  ArchiveReader reader(archive_read_new());
  if (!reader) throw std::runtime_error("out of memory opening the zip");
  // Zip only: the central directory (seekable in memory) gives each entry's real type.
  archive_read_support_format_zip(reader.get());
  if (archive_read_open_memory(reader.get(), bytes.data(), bytes.size()) != ARCHIVE_OK) {
    const char* why = archive_error_string(reader.get());
    throw std::runtime_error(std::string("not a readable zip: ") + (why ? why : "unknown format"));
  }
  return reader;
}

std::string entry_name(struct archive_entry* entry) {
  const char* utf8 = archive_entry_pathname_utf8(entry);
  if (utf8 != nullptr) return utf8;
  const char* raw = archive_entry_pathname(entry);
  return raw == nullptr ? std::string() : std::string(raw);
}

// Why an entry's kind may not be read, or "" for a regular file; directories are "skip".
std::string kind_problem(struct archive_entry* entry) {
  if (archive_entry_hardlink(entry) != nullptr) return "is a hard link (refused)";
  switch (archive_entry_filetype(entry)) {
    case AE_IFREG:
      return "";
    case AE_IFDIR:
      return "skip";
    case AE_IFLNK:
      return "is a symbolic link (refused)";
    default:
      return "is a device or special file (refused)";
  }
}

class ZipTree final : public ExportTree {
 public:
  ZipTree(std::string_view bytes, const Limits& limits) : ExportTree(limits), bytes_(bytes) { list(); }

  bool read(const Wanted& wanted, const Take& take) override {
    ArchiveReader reader = open_reader(bytes_);
    struct archive_entry* entry = nullptr;
    std::size_t seen = 0;
    std::string data;
    for (;;) {
      const int status = archive_read_next_header(reader.get(), &entry);
      if (status == ARCHIVE_EOF) return true;
      if (status < ARCHIVE_WARN) {
        note(std::string("the zip is broken after ") + std::to_string(seen) +
                            " entries: " + error_of(reader.get()));
        return true;
      }
      if (++seen > limits_.max_entries) return true;
      const std::string name = entry_name(entry);
      if (unsafe_path_reason(name) || !kind_problem(entry).empty()) continue;  // named at listing
      const std::string path = normalised_path(name);
      if (!wanted(path)) continue;
      if (!read_entry(reader.get(), entry, name, data)) continue;
      if (!take(path, data)) return false;
    }
  }

  bool stream(const std::string& wanted_path, std::uint64_t max_bytes, const TakeChunk& take_chunk) override {
    ArchiveReader reader = open_reader(bytes_);
    struct archive_entry* entry = nullptr;
    for (;;) {
      const int status = archive_read_next_header(reader.get(), &entry);
      if (status == ARCHIVE_EOF) return false;
      if (status < ARCHIVE_WARN) {
        note("the zip is broken before " + entry_label(wanted_path) + ": " + error_of(reader.get()));
        return false;
      }
      const std::string name = entry_name(entry);
      if (unsafe_path_reason(name) || !kind_problem(entry).empty()) continue;  // named at listing
      if (normalised_path(name) != wanted_path) continue;
      return pump_entry(reader.get(), entry, name, max_bytes, take_chunk);
    }
  }

 private:
  static std::string error_of(struct archive* a) {
    const char* why = archive_error_string(a);
    return why == nullptr ? "unknown error" : why;
  }

  void list() {
    ArchiveReader reader = open_reader(bytes_);
    struct archive_entry* entry = nullptr;
    for (;;) {
      const int status = archive_read_next_header(reader.get(), &entry);
      if (status == ARCHIVE_EOF) return;
      if (status < ARCHIVE_WARN) {
        if (entries_.empty() && problems_.empty()) throw std::runtime_error("not a readable zip: " + error_of(reader.get()));
        note("the zip is broken after " + std::to_string(entries_.size()) + " entries: " +
                            error_of(reader.get()));
        return;
      }
      if (entries_.size() >= limits_.max_entries) {
        note("the zip has more than " + std::to_string(limits_.max_entries) + " entries; the rest is not read");
        return;
      }
      const std::string name = entry_name(entry);
      if (auto reason = unsafe_path_reason(name)) {
        refuse(name, *reason + "; not read");
        continue;
      }
      const std::string kind = kind_problem(entry);
      if (kind == "skip") continue;
      if (!kind.empty()) {
        refuse(name, kind);
        continue;
      }
      const auto declared = archive_entry_size_is_set(entry) ? archive_entry_size(entry) : 0;
      entries_.push_back(Entry{normalised_path(name), declared > 0 ? static_cast<std::uint64_t>(declared) : 0});
    }
  }

  // The entry's bytes into `data`, or false after naming the problem.
  bool read_entry(struct archive* reader, struct archive_entry* entry, const std::string& name, std::string& data) {
    data.clear();
    return pump_entry(reader, entry, name, limits_.max_entry_bytes, [&](std::string_view chunk) {
      data.append(chunk);
      return true;
    });
  }

  // Hands the entry's bytes to take_chunk as they inflate, within `max_bytes` and the
  // ratio and total limits; false after naming the problem, or when take_chunk stops.
  bool pump_entry(struct archive* reader, struct archive_entry* entry, const std::string& name,
                  std::uint64_t max_bytes, const TakeChunk& take_chunk) {
    if (archive_entry_size_is_set(entry) &&
        static_cast<std::uint64_t>(archive_entry_size(entry)) > max_bytes) {
      refuse(name, "is " + std::to_string(archive_entry_size(entry)) + " bytes, over the limit of " +
                       std::to_string(max_bytes) + " (not read)");
      return false;
    }
    const la_int64_t consumed_at_start = archive_filter_bytes(reader, -1);
    std::uint64_t inflated = 0;
    char chunk[1 << 16];
    for (;;) {
      const la_ssize_t got = archive_read_data(reader, chunk, sizeof chunk);
      if (got < 0) {
        refuse(name, "cannot be inflated: " + error_of(reader));
        return false;
      }
      if (got == 0) return true;
      inflated += static_cast<std::uint64_t>(got);
      if (inflated > max_bytes) {
        refuse(name, "inflates to more than " + std::to_string(max_bytes) + " bytes (not read)");
        return false;
      }
      const auto consumed = static_cast<double>(archive_filter_bytes(reader, -1) - consumed_at_start);
      if (inflated > limits_.ratio_floor_bytes && static_cast<double>(inflated) > limits_.max_ratio * std::max(consumed, 1.0)) {
        refuse(name, "inflates more than " + std::to_string(static_cast<long long>(limits_.max_ratio)) +
                         " times its compressed size: a decompression bomb (not read)");
        return false;
      }
      if (!count_total(name, static_cast<std::uint64_t>(got))) return false;
      if (!take_chunk(std::string_view(chunk, static_cast<std::size_t>(got)))) return false;
    }
  }

  std::string_view bytes_;
};

}  // namespace

std::unique_ptr<ExportTree> open_zip(std::string_view bytes, const Limits& limits) {
  return std::make_unique<ZipTree>(bytes, limits);
}

}  // namespace tendon::archive
