#pragma once
// What the crash-safety tests share: a generated history of activity-log files, the
// database read directly with SQLite (not through tendon's own code), and a tmpfs mount
// for the disk-full and read-only cases.
#include <sqlite3.h>
#include <sys/mount.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

namespace tendon::testing {

namespace fs = std::filesystem;

// A history: files by name, each a JSON Lines activity log; every run has its own id.
struct History {
  std::map<std::string, std::string> files;
  std::vector<std::string> source_ids;  // every run of every file
};

inline std::string iso_day(int days_after_2012) {
  const std::chrono::year_month_day day{std::chrono::sys_days{std::chrono::year{2012} / 1 / 1} +
                                        std::chrono::days{days_after_2012}};
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT06:30:00Z", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  return text;
}

// `files` files of `runs_per_file` daily runs, in date order. The distances come from a
// fixed seed (the history is the same in every run of the test): a steady base with a
// long run now and then, so the detectors raise alerts throughout.
inline History make_history(int files, int runs_per_file, const std::string& prefix = "h") {
  History history;
  std::mt19937 distances(20260101u);
  for (int f = 0; f < files; ++f) {
    std::string text;
    for (int r = 0; r < runs_per_file; ++r) {
      const int day = f * runs_per_file + r;
      int metres = 5000 + static_cast<int>(distances() % 3000);
      if (distances() % 9 == 0) metres = metres * 3 / 2;  // a spike
      const std::string id = prefix + std::to_string(f) + "-" + std::to_string(r);
      text += "{\"id\": \"" + id + "\", \"start\": \"" + iso_day(day) + "\", \"sport\": \"running\", \"distance_m\": " +
              std::to_string(metres) + "}\n";
      history.source_ids.push_back(id);
    }
    char name[32];
    std::snprintf(name, sizeof name, "%s%04d.jsonl", prefix.c_str(), f);
    history.files[name] = std::move(text);
  }
  return history;
}

// Written under a temporary name and renamed in, as a sync tool delivers.
inline void deliver(const fs::path& inbox, const std::string& name, const std::string& text) {
  const fs::path part = inbox / (name + ".part");
  std::ofstream(part, std::ios::binary) << text;
  fs::rename(part, inbox / name);
}

inline std::string file_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The regular files directly in `folder` (not in its sub-folders), by name.
inline std::vector<std::string> regular_files(const fs::path& folder) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (entry.is_regular_file()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// An alert's identity across two databases (row ids and times differ between them).
struct AlertIdentity {
  std::string athlete, activity_source, kind, category;
  auto operator<=>(const AlertIdentity&) const = default;
};

// The tendon database opened read-only with plain SQLite.
class DatabaseReader {
 public:
  // `immutable`: the file sits on a read-only mount, where SQLite cannot set up WAL's
  // shared memory; nothing else can change it then.
  explicit DatabaseReader(const fs::path& file, bool immutable = false) {
    const std::string uri = "file:" + file.string() + (immutable ? "?immutable=1" : "?mode=ro");
    if (sqlite3_open_v2(uri.c_str(), &db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr) != SQLITE_OK) {
      const std::string reason = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw std::runtime_error(file.string() + ": " + reason);
    }
  }
  ~DatabaseReader() { sqlite3_close(db_); }
  DatabaseReader(const DatabaseReader&) = delete;
  DatabaseReader& operator=(const DatabaseReader&) = delete;

  // Every row of `sql`, each column as text (NULL as "").
  std::vector<std::vector<std::string>> rows(const std::string& sql) const {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
      throw std::runtime_error(sql + ": " + sqlite3_errmsg(db_));
    }
    std::vector<std::vector<std::string>> result;
    int rc;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int c = 0; c < sqlite3_column_count(statement); ++c) {
        const auto* text = sqlite3_column_text(statement, c);
        row.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
      }
      result.push_back(std::move(row));
    }
    sqlite3_finalize(statement);
    if (rc != SQLITE_DONE) throw std::runtime_error(sql + ": " + sqlite3_errmsg(db_));
    return result;
  }

  std::string integrity() const {
    std::string all;
    for (const auto& row : rows("PRAGMA integrity_check")) all += row.at(0);
    return all;
  }
  std::size_t activity_count() const { return std::stoul(rows("SELECT count(*) FROM activities").at(0).at(0)); }
  // The source ids stored, sorted, duplicates kept (a duplicate is a finding).
  std::vector<std::string> source_ids() const {
    std::vector<std::string> ids;
    for (const auto& row : rows("SELECT source_id FROM activity_sources ORDER BY source_id")) ids.push_back(row.at(0));
    return ids;
  }
  // The alerts that stand (not withdrawn), sorted, duplicates kept.
  std::vector<AlertIdentity> standing_alerts() const {
    std::vector<AlertIdentity> alerts;
    for (const auto& row : rows(
             "SELECT athletes.name, coalesce(activity_sources.source_id, ''), alerts.kind, alerts.category "
             "FROM alerts JOIN athletes ON athletes.id = alerts.athlete_id "
             "LEFT JOIN activity_sources ON activity_sources.activity_id = alerts.activity_id "
             "WHERE alerts.state != 'withdrawn'")) {
      alerts.push_back({row.at(0), row.at(1), row.at(2), row.at(3)});
    }
    std::sort(alerts.begin(), alerts.end());
    return alerts;
  }

 private:
  sqlite3* db_ = nullptr;
};

// A small tmpfs at `folder` (created), unmounted at the end. Needs CAP_SYS_ADMIN (root in
// most containers): mounted() says whether it worked, so a test can skip without it.
class TmpfsMount {
 public:
  TmpfsMount(const fs::path& folder, std::size_t bytes) : folder_(folder) {
    fs::create_directories(folder);
    const std::string options = "size=" + std::to_string(bytes) + ",mode=0700";
    mounted_ = ::mount("tmpfs", folder.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, options.c_str()) == 0;
  }
  ~TmpfsMount() {
    if (mounted_) ::umount2(folder_.c_str(), MNT_DETACH);
  }
  TmpfsMount(const TmpfsMount&) = delete;
  TmpfsMount& operator=(const TmpfsMount&) = delete;

  bool mounted() const { return mounted_; }
  // Read-only for everyone, root included (the kernel refuses the writes, not a mode).
  bool set_read_only(bool read_only) const {
    const unsigned long flags = MS_REMOUNT | MS_NOSUID | MS_NODEV | (read_only ? MS_RDONLY : 0);
    return ::mount(nullptr, folder_.c_str(), nullptr, flags, nullptr) == 0;
  }

 private:
  fs::path folder_;
  bool mounted_ = false;
};

}  // namespace tendon::testing
