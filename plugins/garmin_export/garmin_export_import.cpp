#include "garmin_export_import.h"

#include <cmath>
#include <limits>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "entry_path.h"
#include "export_tree.h"
#include "zip_input.h"
#include "garmin_gear.h"
#include "struct_reading.h"
#include "summary_book.h"
#include "uploaded_files.h"

namespace tendon::garmin {

namespace {

using archive::ExportTree;
using archive::folded;

constexpr std::uint64_t kMaxZipBytes = std::uint64_t{4} << 30;
constexpr std::string_view kExportFolder = "di_connect/";
constexpr std::string_view kFitnessFolder = "di-connect-fitness/";
constexpr std::string_view kUploadsFolder = "di-connect-uploaded-files/";

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// DI_CONNECT at the top of the export, or one folder down (a re-zipped folder).
bool in_export_folder(const std::string& folded_path) {
  if (folded_path.rfind(kExportFolder, 0) == 0) return true;
  const auto slash = folded_path.find('/');
  return slash != std::string::npos && folded_path.compare(slash + 1, kExportFolder.size(), kExportFolder) == 0;
}

bool is_summary_file(const std::string& p) { return contains(p, kFitnessFolder) && ends_with(p, "_summarizedactivities.json"); }
bool is_gear_file(const std::string& p) { return contains(p, kFitnessFolder) && ends_with(p, "_gear.json"); }
bool is_upload(const std::string& p) { return contains(p, kUploadsFolder) && (ends_with(p, ".zip") || is_activity_file_name(p)); }

// "<activityId>_ACTIVITY.fit", the name of a per-activity download: the id is Garmin's.
// (The bulk export's "<user>_<number>.fit" numbers are file ids, not activity ids.)
std::optional<std::int64_t> activity_id_in_name(const std::string& name) {
  const std::string f = folded(name);
  const auto marker = f.find("_activity.");
  if (marker == 0 || marker == std::string::npos || marker > 18) return std::nullopt;
  if (f.find_first_not_of("0123456789") != marker) return std::nullopt;
  return std::stoll(f.substr(0, marker));
}

double known_or(double value, double fallback) { return std::isnan(value) ? fallback : value; }
double positive_or(double value, double fallback) { return std::isnan(value) || value <= 0 ? fallback : value; }

class Reporter {
 public:
  explicit Reporter(const tendon_sink& sink) : sink_(sink) {}
  void send(tendon_level level, const std::string& message) const {
    if (sink_.report != nullptr) sink_.report(sink_.context, level, message.c_str());
  }
  void warning(const std::string& message) const { send(TENDON_LEVEL_WARNING, message); }
  void warnings(const std::vector<std::string>& messages) const {
    for (const auto& m : messages) warning(m);
  }
  int fail(int status, const std::string& message) const {
    send(TENDON_LEVEL_ERROR, message);
    return status;
  }

 private:
  const tendon_sink& sink_;
};

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
    bool garmin = false;
    for (const auto& entry : tree_->entries()) garmin = garmin || in_export_folder(folded(entry.path));
    if (!garmin) return report_.fail(TENDON_ERR_FORMAT, "not a Garmin Connect export: no DI_CONNECT folder at its top or one folder down");
    read_fitness_files();
    describe_gear();
    if (const int status = import_uploads(); status != TENDON_OK) return status;
    return emit_unclaimed_summaries();
  }

 private:
  // The nested file's sink: the summary of the same run fills what the file lacks.
  struct AmendingSink {
    ExportImport* self;
    std::optional<std::int64_t> named_id;
    std::size_t emitted = 0;
    std::string error;  // the nested import's reason, when it fails
    std::string label;
  };


  void flush_tree_problems() { report_.warnings(tree_->take_problems()); }

  // Every *_summarizedActivities.json part and *_gear.json, one at a time.
  void read_fitness_files() {
    tree_->read(
        [](const std::string& path) {
          const std::string p = folded(path);
          return in_export_folder(p) && (is_summary_file(p) || is_gear_file(p));
        },
        [&](const std::string& path, std::string_view bytes) {
          if (is_gear_file(folded(path))) {
            std::vector<std::string> problems;
            gear_.add(bytes, problems);
            for (const auto& p : problems) report_.warning(path + ": " + p);
            return true;
          }
          SummaryReading reading = read_summarized_activities(bytes);
          if (!reading.error.empty()) report_.warning(path + ": " + reading.error + "; the activities after it are not read");
          if (reading.without_id > 0) {
            report_.warning(path + ": " + std::to_string(reading.without_id) + " activities without an activityId skipped");
          }
          book_.add(std::move(reading.activities));  // parts overlap: the same id is one activity
          return true;
        });
    flush_tree_problems();
  }

  void describe_gear() const {
    const bool takes_gear = sink_.struct_size >= offsetof(tendon_sink, gear) + sizeof(sink_.gear) && sink_.gear != nullptr;
    if (!takes_gear) return;
    for (const GarminGear& g : gear_.gear()) {
      if (!g.shoe) continue;
      tendon_gear out{};
      out.struct_size = sizeof out;
      out.name = g.name.c_str();
      out.brand = g.brand.empty() ? nullptr : g.brand.c_str();
      out.model = g.model.empty() ? nullptr : g.model.c_str();
      out.retired = g.retired;
      sink_.gear(sink_.context, &out);
    }
  }

  int import_uploads() {
    UploadedFiles uploads(archive::Limits{}.max_total_bytes);
    std::vector<std::string> problems;
    bool cancelled = false;
    const UploadedFiles::Visit visit = [&](const std::string& label, const std::string& name, std::string_view bytes) {
      cancelled = import_file(label, name, bytes) == TENDON_ERR_CANCELLED;
      return !cancelled;
    };
    tree_->read([](const std::string& path) { const std::string p = folded(path); return in_export_folder(p) && is_upload(p); },
                [&](const std::string& path, std::string_view bytes) {
                  const std::string name = path.substr(path.rfind('/') + 1);
                  const bool went_on = ends_with(folded(path), ".zip") ? uploads.read_zip(path, bytes, visit, problems)
                                                                       : visit(path, name, bytes);
                  report_.warnings(problems);
                  problems.clear();
                  flush_tree_problems();
                  return went_on;
                });
    flush_tree_problems();
    if (cancelled) return TENDON_ERR_CANCELLED;
    if (not_activities_ > 0) {
      // One line, not one per file: most uploads are monitoring, sleep or settings files.
      report_.send(TENDON_LEVEL_INFO, std::to_string(not_activities_) +
                                          " uploaded files are not activities (monitoring, settings, sleep...): skipped");
    }
    return TENDON_OK;
  }

  int import_file(const std::string& label, const std::string& name, std::string_view bytes) {
    AmendingSink amend{this, activity_id_in_name(name), 0, "", label};
    tendon_sink nested{};
    nested.struct_size = sizeof nested;
    nested.context = &amend;
    nested.emit = &ExportImport::amend_emit;
    nested.report = &ExportImport::amend_report;
    tendon_input input{};
    input.struct_size = sizeof input;
    input.name = name.c_str();
    input.data = reinterpret_cast<const std::uint8_t*>(bytes.data());
    input.size = bytes.size();
    input.directory_fd = -1;
    const int status = host_.import_nested(host_.context, &input, &nested);
    if (status == TENDON_ERR_CANCELLED) return status;
    if (status == TENDON_NOT_ACTIVITY || (status == TENDON_OK && amend.emitted == 0)) {
      ++not_activities_;
    } else if (status != TENDON_OK) {
      report_.warning(label + ": " + (amend.error.empty() ? "cannot be read" : amend.error) + " (skipped)");
    }
    return status;
  }

  static int amend_emit(void* context, const tendon_activity* raw) {
    auto* amend = static_cast<AmendingSink*>(context);
    if (amend == nullptr || raw == nullptr) return 1;
    try {
      ExportImport& self = *amend->self;
      tendon_activity a = within_struct_size(raw);
      const GarminSummary* s = self.book_.claim(a.start_ms, amend->named_id);
      amend->named_id.reset();  // a multisport file's other legs match by time
      if (s != nullptr) {
        // The FIT's figures win; the summary fills what the FIT lacks.
        if (a.shoe == nullptr) {
          if (const GarminGear* shoe = self.gear_.shoe_of(s->activity_id)) a.shoe = shoe->name.c_str();
        }
        if ((a.sport == nullptr || *a.sport == '\0') && !s->type.empty()) a.sport = s->type.c_str();
        if (a.has_utc_offset == 0 && s->utc_offset_s) a.utc_offset_s = *s->utc_offset_s, a.has_utc_offset = 1;
        a.distance_m = positive_or(a.distance_m, known_or(s->distance_m, a.distance_m));
        a.elapsed_s = positive_or(a.elapsed_s, known_or(s->elapsed_s, a.elapsed_s));
        a.timer_s = positive_or(a.timer_s, known_or(s->timer_s, a.timer_s));
        a.ascent_m = known_or(a.ascent_m, s->ascent_m);
        a.avg_heart_rate_bpm = known_or(a.avg_heart_rate_bpm, s->avg_hr);
      }
      const int stop = self.sink_.emit(self.sink_.context, &a);
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
        amend->self->report_.send(level, amend->label + ": " + message);
      }
    } catch (...) {
      // A lost warning is not worth failing the export for.
    }
  }

  // The summaries no uploaded file described: activities from their own figures.
  int emit_unclaimed_summaries() {
    for (const GarminSummary* s : book_.unclaimed()) {
      const std::string id = std::to_string(s->activity_id);
      if (s->type == "multi_sport") continue;  // its legs are activities of their own
      if (!s->start_ms) {
        report_.warning("activity " + id + ": no startTimeGmt or beginTimestamp (skipped)");
        continue;
      }
      const std::string source_id = "garmin:" + id;
      const GarminGear* shoe = gear_.shoe_of(s->activity_id);
      tendon_activity a{};
      a.struct_size = sizeof a;
      a.sport = s->type.empty() ? nullptr : s->type.c_str();
      a.start_ms = *s->start_ms;
      a.has_utc_offset = s->utc_offset_s ? 1 : 0;
      a.utc_offset_s = s->utc_offset_s.value_or(0);
      a.distance_m = known_or(s->distance_m, 0);  // a strength session has none
      a.elapsed_s = s->elapsed_s;
      a.timer_s = s->timer_s;
      a.ascent_m = s->ascent_m;
      a.avg_heart_rate_bpm = s->avg_hr;
      a.shoe = shoe == nullptr ? nullptr : shoe->name.c_str();
      a.source_id = source_id.c_str();
      if (sink_.emit(sink_.context, &a) != 0) return TENDON_ERR_CANCELLED;
    }
    return TENDON_OK;
  }

  const tendon_host& host_;
  const tendon_sink& sink_;
  Reporter report_;
  archive::ZipInput zip_;
  std::unique_ptr<ExportTree> tree_;
  SummaryBook book_;
  GearBook gear_;
  std::size_t not_activities_ = 0;
};

}  // namespace

int probe_export_zip(const std::uint8_t* head, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(head), size);
  if (!archive::looks_like_zip(bytes)) return 0;
  for (const auto& name : archive::zip_names_in_head(bytes)) {
    const std::string path = folded(archive::normalised_path(name));
    if (in_export_folder(path) || path.rfind("customer_data/", 0) == 0) return 90;
  }
  return 10;
}

int probe_export_folder(int directory_fd) {
  archive::Limits limits;
  limits.max_depth = 4;  // DI_CONNECT/<folder>/file, also one folder down
  limits.max_entries = 100'000;
  try {
    const auto tree = archive::open_folder(directory_fd, limits);
    for (const auto& entry : tree->entries()) {
      if (in_export_folder(folded(entry.path))) return 90;
    }
    return 0;
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

}  // namespace tendon::garmin
