#include "strava_export_import.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "entry_path.h"
#include "export_tree.h"
#include "zip_input.h"
#include "strava_gear.h"
#include "strava_rows.h"

namespace tendon::strava {

namespace {

using archive::ExportTree;
using archive::folded;

constexpr std::uint64_t kMaxZipBytes = std::uint64_t{4} << 30;
constexpr std::string_view kCatalogue = "activities.csv";
constexpr std::array<std::string_view, 6> kActivitySuffixes = {".fit", ".fit.gz", ".gpx", ".gpx.gz", ".tcx", ".tcx.gz"};

template <typename T>
T within_struct_size(const T* raw) {
  T copy{};
  std::uint32_t size = 0;
  std::memcpy(&size, raw, sizeof size);
  std::memcpy(&copy, raw, std::min<std::size_t>(size, sizeof copy));
  return copy;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool is_activity_file(const std::string& folded_path) {
  return std::any_of(kActivitySuffixes.begin(), kActivitySuffixes.end(),
                     [&](std::string_view s) { return ends_with(folded_path, s); });
}

// The export's top: "" when activities.csv is at the root, "export_1/" one folder down.
std::optional<std::string> export_root(const std::vector<archive::Entry>& entries) {
  std::optional<std::string> one_down;
  for (const auto& entry : entries) {
    const std::string path = folded(entry.path);
    if (path == kCatalogue) return std::string();
    const auto slash = path.find('/');
    if (!one_down && slash != std::string::npos && path.find('/', slash + 1) == std::string::npos &&
        path.substr(slash + 1) == kCatalogue) {
      one_down = entry.path.substr(0, slash + 1);
    }
  }
  return one_down;
}

class Reporter {
 public:
  explicit Reporter(const tendon_sink& sink) : sink_(sink) {}
  void send(tendon_level level, const std::string& message) const {
    if (sink_.report != nullptr) sink_.report(sink_.context, level, message.c_str());
  }
  void warning(const std::string& message) const { send(TENDON_LEVEL_WARNING, message); }
  int fail(int status, const std::string& message) const {
    send(TENDON_LEVEL_ERROR, message);
    return status;
  }

 private:
  const tendon_sink& sink_;
};

bool on_foot(std::string_view type) {
  const std::string t = folded(type);
  return t.find("run") != std::string::npos || t.find("walk") != std::string::npos || t.find("hike") != std::string::npos;
}

double known_or(double value, double fallback) { return std::isnan(value) ? fallback : value; }
double positive_or(double value, double fallback) { return std::isnan(value) || value <= 0 ? fallback : value; }

// The export's whole import: one object per call, so the plugin keeps no state.
class ExportImport {
 public:
  ExportImport(const tendon_host& host, const tendon_sink& sink) : host_(host), sink_(sink), report_(sink) {}

  int run(const tendon_input* raw_input) {
    const tendon_input input = within_struct_size(raw_input);
    const bool folder = raw_input->struct_size >= offsetof(tendon_input, directory_fd) + sizeof(std::int32_t) &&
                        input.directory_fd >= 0;
    try {
      if (folder) {
        tree_ = archive::open_folder(input.directory_fd);
      } else {
        std::string problem;
        if (const int status = zip_.load(input, kMaxZipBytes, problem); status != TENDON_OK) {
          return report_.fail(status, problem);
        }
        tree_ = archive::open_zip(zip_.bytes());
      }
    } catch (const std::exception& e) {
      return report_.fail(TENDON_ERR_FORMAT, e.what());
    }
    flush_tree_problems();
    const auto root = export_root(tree_->entries());
    if (!root) {
      return report_.fail(TENDON_ERR_FORMAT, "not a Strava export: no activities.csv at its top or one folder down");
    }
    root_ = *root;
    if (int status = read_catalogues(); status != TENDON_OK) return status;
    describe_gear();
    return import_rows();
  }

 private:
  struct RowState {
    StravaRow row;
    bool done = false;            // its activity was emitted
    std::string file_problem;     // why its file could not be used
  };

  // The nested file's sink: amends each activity with its row before passing it on.
  struct AmendingSink {
    ExportImport* self;
    const RowState* row;
    std::string shoe;
    std::size_t emitted = 0;
    std::string error;  // the nested import's reason, when it fails
    std::string path;
  };


  void flush_tree_problems() {
    for (const auto& problem : tree_->take_problems()) report_.warning(problem);
  }

  // activities.csv, shoes.csv and bikes.csv of the export's top, any case.
  int read_catalogues() {
    const std::string top = folded(root_);
    std::string activities, shoes, bikes;
    tree_->read([&](const std::string& path) {
      const std::string p = folded(path);
      return p == top + "activities.csv" || p == top + "shoes.csv" || p == top + "bikes.csv";
    },
                [&](const std::string& path, std::string_view bytes) {
                  const std::string p = folded(path);
                  (p == top + "activities.csv" ? activities : p == top + "shoes.csv" ? shoes : bikes).assign(bytes);
                  return true;
                });
    flush_tree_problems();
    const CsvTable table = read_csv(activities);
    if (!table.error.empty()) report_.warning("activities.csv: " + table.error + "; the rows after it are not read");
    if (table.records.empty()) return report_.fail(TENDON_ERR_FORMAT, "activities.csv is empty");
    const ColumnsReading columns = map_columns(table.records.front().fields);
    if (!columns.error.empty()) return report_.fail(TENDON_ERR_FORMAT, columns.error);
    for (std::size_t i = 1; i < table.records.size(); ++i) {
      RowReading reading = read_row(columns.columns, table.records[i], i);
      if (!reading.row) {
        report_.warning(reading.problem);
        continue;
      }
      rows_.push_back(RowState{std::move(*reading.row), false, ""});
    }
    std::vector<std::string> problems;
    gear_.add_shoes(shoes, problems);
    gear_.add_bikes(bikes, problems);
    for (const auto& p : problems) report_.warning(p);
    return TENDON_OK;
  }

  void describe_gear() const {
    const bool takes_gear = sink_.struct_size >= offsetof(tendon_sink, gear) + sizeof(sink_.gear) && sink_.gear != nullptr;
    if (!takes_gear) return;
    for (const auto& shoe : gear_.shoes()) {
      tendon_gear g{};
      g.struct_size = sizeof g;
      g.name = shoe.name.c_str();
      g.brand = shoe.brand.empty() ? nullptr : shoe.brand.c_str();
      g.model = shoe.model.empty() ? nullptr : shoe.model.c_str();
      g.retired = -1;  // Strava exports no retired flag
      sink_.gear(sink_.context, &g);
    }
  }

  std::string shoe_of(const StravaRow& row) const {
    if (row.gear.empty()) return "";
    if (const StravaShoe* shoe = gear_.shoe_for(row.gear)) return shoe->name;
    if (gear_.is_bike(row.gear) || !on_foot(row.type)) return "";
    return row.gear;  // a shoe shoes.csv does not list: known by its text
  }

  int import_rows() {
    // Which row names which file (folded path); files no row names are imported too.
    std::map<std::string, std::size_t> file_rows;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      RowState& state = rows_[i];
      if (state.row.filename.empty()) continue;
      if (auto reason = archive::unsafe_path_reason(state.row.filename)) {
        state.file_problem = "Filename '" + state.row.filename + "' " + *reason + "; not read";
        continue;
      }
      file_rows.emplace(folded(archive::normalised_path(root_ + state.row.filename)), i);
    }
    const std::string activity_folder = folded(root_) + "activities/";
    bool cancelled = false;
    tree_->read(
        [&](const std::string& path) {
          const std::string p = folded(path);
          return file_rows.count(p) != 0 || (p.rfind(activity_folder, 0) == 0 && is_activity_file(p));
        },
        [&](const std::string& path, std::string_view bytes) {
          const auto named = file_rows.find(folded(path));
          RowState* row = named == file_rows.end() ? nullptr : &rows_[named->second];
          if (row != nullptr && row->done) return true;  // two entries of the same name
          cancelled = import_file(path, bytes, row) == TENDON_ERR_CANCELLED;
          flush_tree_problems();
          return !cancelled;
        });
    flush_tree_problems();
    if (cancelled) return TENDON_ERR_CANCELLED;
    for (RowState& state : rows_) {
      if (state.done) continue;
      if (emit_from_csv(state) != 0) return TENDON_ERR_CANCELLED;
    }
    return TENDON_OK;
  }

  int import_file(const std::string& path, std::string_view bytes, RowState* row) {
    AmendingSink amend{this, row, row ? shoe_of(row->row) : "", 0, "", path};
    tendon_sink nested{};
    nested.struct_size = sizeof nested;
    nested.context = &amend;
    nested.emit = &ExportImport::amend_emit;
    nested.report = &ExportImport::amend_report;
    const std::string name = path.substr(path.rfind('/') + 1);
    tendon_input input{};
    input.struct_size = sizeof input;
    input.name = name.c_str();
    input.data = reinterpret_cast<const std::uint8_t*>(bytes.data());
    input.size = bytes.size();
    input.read = nullptr;
    input.directory_fd = -1;
    const int status = host_.import_nested(host_.context, &input, &nested);
    if (status == TENDON_ERR_CANCELLED) return status;
    if (status == TENDON_OK && amend.emitted > 0) {
      if (row != nullptr) row->done = true;
      return status;
    }
    const std::string why = status == TENDON_OK ? "holds no activity" : amend.error.empty() ? "cannot be read" : amend.error;
    if (row != nullptr) {
      row->file_problem = path + ": " + why;
    } else {
      report_.warning(path + ": " + why + " (no activities.csv row names it; skipped)");
    }
    return status;
  }

  static int amend_emit(void* context, const tendon_activity* raw) {
    auto* amend = static_cast<AmendingSink*>(context);
    if (amend == nullptr || raw == nullptr) return 1;
    try {
      tendon_activity a = within_struct_size(raw);
      if (const RowState* row = amend->row) {
        const StravaRow& r = row->row;
        if (a.shoe == nullptr && !amend->shoe.empty()) a.shoe = amend->shoe.c_str();
        if ((a.sport == nullptr || *a.sport == '\0') && !r.type.empty()) a.sport = r.type.c_str();
        // The file's figures win; the CSV fills what the file lacks (a one-point GPX).
        a.distance_m = positive_or(a.distance_m, r.distance_m);
        a.elapsed_s = positive_or(a.elapsed_s, r.elapsed_s);
        a.timer_s = positive_or(a.timer_s, r.moving_s);
        a.ascent_m = known_or(a.ascent_m, r.ascent_m);
        a.avg_heart_rate_bpm = known_or(a.avg_heart_rate_bpm, r.avg_hr);
      }
      const tendon_sink& outer = amend->self->sink_;
      const int stop = outer.emit(outer.context, &a);
      ++amend->emitted;
      return stop;
    } catch (...) {
      return 1;
    }
  }

  static void amend_report(void* context, tendon_level level, const char* message) {
    auto* amend = static_cast<AmendingSink*>(context);
    if (amend == nullptr || message == nullptr) return;
    try {
      if (level == TENDON_LEVEL_ERROR) {
        amend->error = message;
      } else {
        amend->self->report_.send(level, amend->path + ": " + message);
      }
    } catch (...) {
      // A lost warning is not worth failing the export for.
    }
  }

  // The row's own figures, for a manual entry or when its file could not be used.
  int emit_from_csv(const RowState& state) {
    const StravaRow& r = state.row;
    const std::string label = row_label(r);
    const bool manual = r.filename.empty();
    if (!r.start_ms) {
      report_.warning(label + ": no Activity Date Tendon can read" +
                      (state.file_problem.empty() ? "" : " and " + state.file_problem) + " (skipped)");
      return 0;
    }
    if (!manual) {
      const std::string problem = state.file_problem.empty() ? r.filename + " is missing from the export or was refused" : state.file_problem;
      report_.warning(label + ": " + problem + "; imported from activities.csv's figures");
    }
    const std::string shoe = shoe_of(r);
    const std::string source_id = "strava:" + r.id;
    tendon_activity a{};
    a.struct_size = sizeof a;
    a.sport = r.type.empty() ? nullptr : r.type.c_str();
    a.start_ms = *r.start_ms;
    a.distance_m = known_or(r.distance_m, 0);  // a manual strength session has none
    a.elapsed_s = r.elapsed_s;
    a.timer_s = r.moving_s;
    a.ascent_m = r.ascent_m;
    a.avg_heart_rate_bpm = r.avg_hr;
    a.shoe = shoe.empty() ? nullptr : shoe.c_str();
    a.source_id = source_id.c_str();
    a.samples = nullptr;
    return sink_.emit(sink_.context, &a);
  }

  const tendon_host& host_;
  const tendon_sink& sink_;
  Reporter report_;
  archive::ZipInput zip_;
  std::unique_ptr<ExportTree> tree_;
  std::string root_;
  std::vector<RowState> rows_;
  GearBook gear_;
};

}  // namespace

int probe_export_zip(const std::uint8_t* head, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(head), size);
  if (!archive::looks_like_zip(bytes)) return 0;
  for (const auto& name : archive::zip_names_in_head(bytes)) {
    const std::string path = folded(archive::normalised_path(name));
    const auto slash = path.find('/');
    if (path == kCatalogue ||
        (slash != std::string::npos && path.find('/', slash + 1) == std::string::npos && path.substr(slash + 1) == kCatalogue)) {
      return 90;
    }
  }
  return 10;
}

int probe_export_folder(int directory_fd) {
  archive::Limits limits;
  limits.max_depth = 2;  // the top and one folder down
  limits.max_entries = 100'000;
  try {
    const auto tree = archive::open_folder(directory_fd, limits);
    const auto root = export_root(tree->entries());
    if (!root) return 0;
    return root->empty() ? 90 : 80;
  } catch (const std::exception&) {
    return 0;
  }
}

int import_export(const tendon_host& host, const tendon_input* input, const tendon_sink* sink) {
  if (input == nullptr || sink == nullptr) return TENDON_ERR_INTERNAL;
  const tendon_sink whole_sink = within_struct_size(sink);
  if (whole_sink.emit == nullptr) return TENDON_ERR_INTERNAL;
  ExportImport import(host, whole_sink);
  return import.run(input);
}

}  // namespace tendon::strava
