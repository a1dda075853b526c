#include "health_export_import.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "entry_path.h"
#include "export_tree.h"
#include "health_activity.h"
#include "health_workouts.h"
#include "plugin_support.h"

namespace tendon::apple_health {

namespace {

using archive::folded;

constexpr std::string_view kExportXml = "export.xml";
// export.xml alone may reach many gigabytes; it is streamed, so only time bounds it.
constexpr std::uint64_t kMaxExportXmlBytes = std::uint64_t{64} << 30;

template <typename T>
T within_struct_size(const T* raw) {
  T copy{};
  std::uint32_t size = 0;
  std::memcpy(&size, raw, sizeof size);
  std::memcpy(&copy, raw, std::min<std::size_t>(size, sizeof copy));
  return copy;
}

// The path of export.xml at the export's top or one folder down (apple_health_export/).
std::optional<std::string> export_xml_path(const std::vector<archive::Entry>& entries) {
  std::optional<std::string> one_down;
  for (const auto& entry : entries) {
    const std::string path = folded(entry.path);
    if (path == kExportXml) return entry.path;
    const auto slash = path.find('/');
    if (!one_down && slash != std::string::npos && path.find('/', slash + 1) == std::string::npos &&
        path.substr(slash + 1) == kExportXml) {
      one_down = entry.path;
    }
  }
  return one_down;
}

archive::Limits export_limits() {
  archive::Limits limits;
  limits.max_total_bytes = kMaxExportXmlBytes + (std::uint64_t{8} << 30);  // export.xml and the routes
  return limits;
}

// The whole import of one export: one object per call, so the plugin keeps no state.
class HealthImport {
 public:
  HealthImport(const tendon_host& host, const tendon_sink& sink) : host_(host), sink_(sink), report_(&sink_) {}

  int run(const tendon_input* raw_input) {
    const tendon_input input = within_struct_size(raw_input);
    const bool folder = raw_input->struct_size >= offsetof(tendon_input, directory_fd) + sizeof(std::int32_t) &&
                        input.directory_fd >= 0;
    const bool zip = !folder && input.data != nullptr &&
                     archive::looks_like_zip(std::string_view(reinterpret_cast<const char*>(input.data),
                                                              static_cast<std::size_t>(std::min<std::uint64_t>(input.size, 4))));
    if (!folder && !zip) return import_bare_xml(input);
    try {
      tree_ = folder ? archive::open_folder(input.directory_fd, export_limits())
                     : archive::open_zip(std::string_view(reinterpret_cast<const char*>(input.data),
                                                          static_cast<std::size_t>(input.size)),
                                         export_limits());
    } catch (const std::exception& e) {
      return report_.fail(TENDON_ERR_FORMAT, e.what());
    }
    flush_tree_problems();
    const auto xml_path = export_xml_path(tree_->entries());
    if (!xml_path) {
      return report_.fail(TENDON_ERR_FORMAT, "not an Apple Health export: no export.xml at its top or one folder down");
    }
    root_ = xml_path->substr(0, xml_path->size() - kExportXml.size());
    for (const auto& entry : tree_->entries()) listed_.insert(folded(entry.path));
    WorkoutReader reader([this](HealthWorkout&& w) { return take_workout(std::move(w)); });
    const bool streamed = tree_->stream(*xml_path, kMaxExportXmlBytes, [&](std::string_view chunk) { return reader.feed(chunk); });
    flush_tree_problems();
    if (cancelled_) return TENDON_ERR_CANCELLED;
    if (streamed) reader.finish();
    if (int status = settle_reading(reader, *xml_path, streamed || !reader.error().empty()); status != TENDON_OK) return status;
    return import_routes();
  }

 private:
  // The workout waiting for its route file, by the route's folded path.
  struct RoutedWorkout {
    HealthWorkout workout;
    bool done = false;
  };

  // The nested route's sink: amends each activity with its workout before passing it on.
  struct AmendingSink {
    HealthImport* self;
    const WorkoutActivity* workout;
    std::string path;
    std::size_t emitted = 0;
    std::string error;
  };

  int import_bare_xml(const tendon_input& input) {
    if (input.read == nullptr) return report_.fail(TENDON_ERR_IO, "the input cannot be read");
    WorkoutReader reader([this](HealthWorkout&& w) { return take_workout(std::move(w)); });
    std::vector<std::uint8_t> chunk(1 << 16);
    for (;;) {
      const std::int64_t got = input.read(input.context, chunk.data(), chunk.size());
      if (got < 0) return report_.fail(TENDON_ERR_IO, "reading export.xml failed");
      if (got == 0) {
        reader.finish();
        break;
      }
      if (!reader.feed(std::string_view(reinterpret_cast<const char*>(chunk.data()), static_cast<std::size_t>(got)))) break;
    }
    if (cancelled_) return TENDON_ERR_CANCELLED;
    if (int status = settle_reading(reader, "export.xml", true); status != TENDON_OK) return status;
    // A bare export.xml has no workout-routes/ beside it: every workout from its figures.
    for (auto& [path, routed] : routed_) {
      if (emit_summary(routed.workout) != 0) return TENDON_ERR_CANCELLED;
    }
    return TENDON_OK;
  }

  // What the reader's stop means: a refusal fails the file; a fault after the root (a cut
  // file, a broken zip member) keeps the workouts read before it, with a warning.
  // `read_to_end`: false when the archive stopped handing bytes (its problem is reported).
  int settle_reading(const WorkoutReader& reader, const std::string& name, bool read_to_end) {
    for (const auto& problem : reader.problems()) report_.warning(name + ": " + problem);
    if (reader.refused()) return report_.fail(TENDON_ERR_FORMAT, name + ": " + reader.error());
    if (read_to_end && reader.error().empty()) return TENDON_OK;
    if (workouts_ == 0) {
      return report_.fail(TENDON_ERR_FORMAT, name + " could not be read" + (reader.error().empty() ? "" : ": " + reader.error()));
    }
    report_.warning(name + " is cut short or broken" + (reader.error().empty() ? "" : " (" + reader.error() + ")") + "; the " +
                    std::to_string(workouts_) + " workouts before it are imported");
    return TENDON_OK;
  }

  void flush_tree_problems() {
    for (const auto& problem : tree_->take_problems()) report_.warning(problem);
  }

  // The folded path of the route file a FileReference names, or nullopt when it is unsafe.
  std::optional<std::string> route_path(const std::string& reference) {
    std::string_view relative = reference;
    while (!relative.empty() && relative.front() == '/') relative.remove_prefix(1);  // relative to the export's top
    if (auto reason = archive::unsafe_path_reason(relative)) {
      report_.warning("route '" + reference.substr(0, 200) + "' " + *reason + "; not read");
      return std::nullopt;
    }
    return folded(archive::normalised_path(root_ + std::string(relative)));
  }

  bool take_workout(HealthWorkout&& workout) {
    ++workouts_;
    if (workout.route_files.size() == 1 && tree_) {
      const auto path = route_path(workout.route_files.front());
      if (path && listed_.count(*path) != 0 && routed_.count(*path) == 0) {
        routed_.emplace(*path, RoutedWorkout{std::move(workout), false});
        return true;
      }
      if (path && listed_.count(*path) == 0) {
        report_.warning("workout of line " + std::to_string(workout.line) + ": route " + workout.route_files.front() +
                        " is not in the export; imported from its figures");
      }
    }
    // No route, a route split over several files (one-minute pieces: the workout's own
    // figures describe the run whole), or a missing one: the workout's figures alone.
    return emit_summary(workout) == 0;
  }

  int emit_summary(const HealthWorkout& workout) {
    const WorkoutActivity activity(workout);
    const int stop = sink_.emit(sink_.context, &activity.summary());
    if (stop != 0) cancelled_ = true;
    return stop;
  }

  int import_routes() {
    if (routed_.empty()) return TENDON_OK;
    tree_->read([&](const std::string& path) { return routed_.count(folded(path)) != 0; },
                [&](const std::string& path, std::string_view bytes) {
                  RoutedWorkout& routed = routed_.at(folded(path));
                  if (routed.done) return true;  // two entries of the same name
                  routed.done = true;
                  return import_route(path, bytes, routed.workout) != TENDON_ERR_CANCELLED;
                });
    flush_tree_problems();
    if (cancelled_) return TENDON_ERR_CANCELLED;
    for (auto& [path, routed] : routed_) {
      if (routed.done) continue;
      report_.warning(path + " could not be read; its workout is imported from its figures");
      if (emit_summary(routed.workout) != 0) return TENDON_ERR_CANCELLED;
    }
    return TENDON_OK;
  }

  int import_route(const std::string& path, std::string_view bytes, const HealthWorkout& workout) {
    const WorkoutActivity activity(workout);
    AmendingSink amend{this, &activity, path, 0, ""};
    tendon_sink nested{};
    nested.struct_size = sizeof nested;
    nested.context = &amend;
    nested.emit = &HealthImport::amend_emit;
    nested.report = &HealthImport::amend_report;
    const std::string name = path.substr(path.rfind('/') + 1);
    tendon_input input{};
    input.struct_size = sizeof input;
    input.name = name.c_str();
    input.data = reinterpret_cast<const std::uint8_t*>(bytes.data());
    input.size = bytes.size();
    input.read = nullptr;
    input.directory_fd = -1;
    const int status = host_.import_nested(host_.context, &input, &nested);
    if (status == TENDON_ERR_CANCELLED || cancelled_) {
      cancelled_ = true;
      return TENDON_ERR_CANCELLED;
    }
    if (status == TENDON_OK && amend.emitted > 0) return status;
    const std::string why = status == TENDON_OK ? "holds no track" : amend.error.empty() ? "cannot be read" : amend.error;
    report_.warning(path + ": " + why + "; its workout is imported from its figures");
    return emit_summary(workout) == 0 ? TENDON_OK : TENDON_ERR_CANCELLED;
  }

  static int amend_emit(void* context, const tendon_activity* raw) {
    auto* amend = static_cast<AmendingSink*>(context);
    if (amend == nullptr || raw == nullptr) return 1;
    try {
      const tendon_activity route = within_struct_size(raw);
      const tendon_activity a = amend->workout->amended(route);
      const tendon_sink& outer = amend->self->sink_;
      const int stop = outer.emit(outer.context, &a);
      ++amend->emitted;
      if (stop != 0) amend->self->cancelled_ = true;
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

  const tendon_host& host_;
  const tendon_sink& sink_;
  xml::Reporter report_;  // the sink's reporting, shared with the GPX and TCX importers
  std::unique_ptr<archive::ExportTree> tree_;
  std::string root_;
  std::set<std::string> listed_;             // every file of the export, folded
  std::map<std::string, RoutedWorkout> routed_;
  std::size_t workouts_ = 0;
  bool cancelled_ = false;
};

bool head_names_health_export(std::string_view head) {
  for (const auto& name : archive::zip_names_in_head(head)) {
    const std::string path = folded(archive::normalised_path(name));
    if (path == kExportXml || path.rfind("apple_health_export/", 0) == 0) return true;
  }
  return false;
}

}  // namespace

int probe_health_bytes(const std::uint8_t* head, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(head), size);
  if (archive::looks_like_zip(bytes)) return head_names_health_export(bytes) ? 90 : 10;
  return bytes.find("<HealthData") != std::string_view::npos || bytes.find("<!DOCTYPE HealthData") != std::string_view::npos
             ? 80
             : 0;
}

int probe_health_folder(int directory_fd) {
  archive::Limits limits;
  limits.max_depth = 2;  // the top and one folder down
  limits.max_entries = 100'000;
  try {
    const auto tree = archive::open_folder(directory_fd, limits);
    const auto path = export_xml_path(tree->entries());
    if (!path) return 0;
    return path->size() == kExportXml.size() ? 90 : 80;
  } catch (const std::exception&) {
    return 0;
  }
}

int import_health_export(const tendon_host& host, const tendon_input* input, const tendon_sink* sink) {
  if (input == nullptr || sink == nullptr) return TENDON_ERR_INTERNAL;
  const tendon_sink whole_sink = within_struct_size(sink);
  if (whole_sink.emit == nullptr) return TENDON_ERR_INTERNAL;
  HealthImport import(host, whole_sink);
  return import.run(input);
}

}  // namespace tendon::apple_health
