#pragma once
// One import: bytes -> activities -> duplicates resolved -> stored -> judged -> alerts
// stored, all in one transaction. A failure anywhere leaves the database as it was.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "config/shoe_catalogue.h"
#include "core/engine.h"
#include "file_formats.h"
#include "plugin_host.h"
#include "store/store.h"

namespace tendon {

struct AthleteImport {
  std::string athlete;
  std::size_t imported = 0;        // new activities stored
  std::size_t replaced = 0;        // a poorer stored duplicate took this richer source's figures
  std::size_t duplicates = 0;      // same run already stored from another source
  std::size_t already_imported = 0;// this very source was imported before
  std::vector<std::string> new_shoes;
  AlertDiff alerts;
};

struct ImportReport {
  std::filesystem::path file;
  std::string format;
  std::vector<AthleteImport> athletes;
  std::vector<std::string> problems;  // warnings: records skipped (with their line), a
                                      // truncated file read as far as it was whole, ...
  std::string error;                  // non-empty: the file failed and nothing was stored
  std::string skipped;                // non-empty: a valid file without activities (a FIT
                                      // settings file, a GPX route), and what it is

  bool failed() const { return !error.empty(); }
  bool skipped_file() const { return !skipped.empty(); }
  std::size_t total(std::size_t AthleteImport::*field) const;
  // "FILE: reason" in one line, for logs and the CLI.
  std::string error_line() const { return file.string() + ": " + error; }
};

class ImportService {
 public:
  static constexpr std::size_t kMaxFileBytes = 512u << 20;

  ImportService(Store& store, const Config& config, const ShoeCatalogue& catalogue, const PluginHost& plugins);

  // Records without an athlete go to `athlete` (default: the config's first athlete).
  ImportReport import_file(const std::filesystem::path& file, const std::optional<std::string>& athlete,
                           Instant now);
  ImportReport import_bytes(const std::filesystem::path& name, std::string_view bytes,
                            const std::optional<std::string>& athlete, Instant now);
  // Stores a file parse_file_bytes() has already read (the daemon parses on a worker
  // thread and stores here, on the thread that owns the store). import_bytes ends here too.
  ImportReport store_parsed(const std::filesystem::path& name, ParsedFile parsed,
                            const std::optional<std::string>& athlete, Instant now);

 private:
  // `gear`: shoes the source described (brand, model) for the drop lookup of new shoes.
  AthleteImport store_for_athlete(const AthleteConfig& athlete, std::vector<Activity> activities,
                                  const std::vector<Shoe>& gear, Instant now);

  Store& store_;
  const Config& config_;
  const ShoeCatalogue& catalogue_;
  const PluginHost& plugins_;
};

}  // namespace tendon
