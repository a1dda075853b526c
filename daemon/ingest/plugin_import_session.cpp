#include "plugin_import_session.h"

#include <algorithm>
#include <cstring>

#include "plugin_activity_conversion.h"
#include "plugin_text.h"

namespace tendon {

namespace {

constexpr std::size_t kMaxMessageBytes = 1024;
constexpr std::size_t kMaxErrorsKept = 10;
constexpr std::size_t kMaxGear = 10'000;          // shoes described in one input
constexpr std::size_t kMaxGearTextBytes = 256;   // as the activity's own strings

bool is_known_status(int status) { return status >= TENDON_OK && status <= TENDON_ERR_INTERNAL; }

// What a non-OK status means when the plugin did not say why.
std::string default_reason(int status) {
  switch (status) {
    case TENDON_NOT_ACTIVITY:
      return "the file holds no activity";
    case TENDON_ERR_FORMAT:
      return "not readable in this format";
    case TENDON_ERR_IO:
      return "reading the input failed";
    case TENDON_ERR_LIMIT:
      return "a size limit was hit";
    case TENDON_ERR_CANCELLED:
      return "cancelled";
    default:
      return "internal error in the plugin";
  }
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const auto& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

}  // namespace

std::string status_name(int status) {
  switch (status) {
    case TENDON_OK:
      return "TENDON_OK";
    case TENDON_NOT_ACTIVITY:
      return "TENDON_NOT_ACTIVITY";
    case TENDON_ERR_FORMAT:
      return "TENDON_ERR_FORMAT";
    case TENDON_ERR_IO:
      return "TENDON_ERR_IO";
    case TENDON_ERR_LIMIT:
      return "TENDON_ERR_LIMIT";
    case TENDON_ERR_CANCELLED:
      return "TENDON_ERR_CANCELLED";
    case TENDON_ERR_INTERNAL:
      return "TENDON_ERR_INTERNAL";
    default:
      return "status " + std::to_string(status);
  }
}

void BoundedWarnings::add(std::string warning) {
  if (kept_.size() < limit_) {
    kept_.push_back(std::move(warning));
  } else {
    ++left_out_;
  }
}

std::vector<std::string> BoundedWarnings::take() {
  std::vector<std::string> out = std::move(kept_);
  if (left_out_ > 0) out.push_back(std::to_string(left_out_) + " more warnings not shown");
  kept_.clear();
  left_out_ = 0;
  return out;
}

ImportSession::ImportSession(std::string importer_id, std::string_view bytes, const std::string& file_name,
                             const PluginHostLimits& limits, int directory_fd)
    : importer_id_(std::move(importer_id)), bytes_(bytes), limits_(limits), warnings_(limits.max_warnings) {
  input_.struct_size = sizeof input_;
  input_.name = file_name.c_str();
  // A pointer even for empty content, so that a plugin may always use data.
  input_.data = bytes.empty() ? reinterpret_cast<const std::uint8_t*>("") : reinterpret_cast<const std::uint8_t*>(bytes.data());
  input_.size = bytes.size();
  input_.context = this;
  input_.read = &ImportSession::read;
  input_.directory_fd = directory_fd;
  if (directory_fd >= 0) input_.data = nullptr;  // a folder has no bytes
  sink_.struct_size = sizeof sink_;
  sink_.context = this;
  sink_.emit = &ImportSession::emit;
  sink_.report = &ImportSession::report;
  sink_.gear = &ImportSession::gear;
}

// The three callbacks are called by the plugin: nothing may be thrown back across the ABI.
std::int64_t ImportSession::read(void* context, std::uint8_t* buffer, std::size_t capacity) {
  auto* self = static_cast<ImportSession*>(context);
  if (self == nullptr || (buffer == nullptr && capacity > 0)) return -1;
  const std::size_t n = std::min(capacity, self->bytes_.size() - self->read_offset_);
  if (n > 0) std::memcpy(buffer, self->bytes_.data() + self->read_offset_, n);
  self->read_offset_ += n;
  return static_cast<std::int64_t>(n);
}

int ImportSession::emit(void* context, const tendon_activity* activity) {
  auto* self = static_cast<ImportSession*>(context);
  if (self == nullptr) return 1;
  try {
    return self->take_activity(activity);
  } catch (...) {
    // Out of memory while keeping it: stop the plugin rather than lose activities silently.
    self->stop_reason_ = "the host ran out of memory while taking activity " + std::to_string(self->emitted_);
    self->stop_status_ = TENDON_ERR_INTERNAL;
    return 1;
  }
}

void ImportSession::report(void* context, tendon_level level, const char* message) {
  auto* self = static_cast<ImportSession*>(context);
  if (self == nullptr) return;
  try {
    self->take_report(static_cast<int>(level), message);
  } catch (...) {
    // A report lost to memory exhaustion is not worth failing the import for.
  }
}

void ImportSession::gear(void* context, const tendon_gear* gear) {
  auto* self = static_cast<ImportSession*>(context);
  if (self == nullptr) return;
  try {
    self->take_gear(gear);
  } catch (...) {
    // Gear lost to memory exhaustion only costs a drop lookup.
  }
}

// Read within its struct_size; a gear without a name cannot be matched to any activity.
void ImportSession::take_gear(const tendon_gear* raw) {
  if (raw == nullptr) return;
  tendon_gear g{};
  std::uint32_t size = 0;
  std::memcpy(&size, raw, sizeof size);
  std::memcpy(&g, raw, std::min<std::size_t>(size, sizeof g));
  if (size < offsetof(tendon_gear, retired) + sizeof g.retired) g.retired = -1;
  const auto text = [](const char* s) {
    return s == nullptr ? std::string() : one_line(bounded_c_string(s, kMaxGearTextBytes), kMaxGearTextBytes);
  };
  Shoe shoe;
  shoe.name = text(size >= offsetof(tendon_gear, name) + sizeof g.name ? g.name : nullptr);
  if (shoe.name.empty()) {
    warnings_.add("gear without a name ignored");
    return;
  }
  if (gear_.size() >= kMaxGear) return;
  shoe.brand = text(size >= offsetof(tendon_gear, brand) + sizeof g.brand ? g.brand : nullptr);
  shoe.model = text(size >= offsetof(tendon_gear, model) + sizeof g.model ? g.model : nullptr);
  shoe.retired = g.retired == 1;
  const auto same = std::find_if(gear_.begin(), gear_.end(), [&](const Shoe& s) { return s.name == shoe.name; });
  if (same != gear_.end()) *same = std::move(shoe);
  else gear_.push_back(std::move(shoe));
}

int ImportSession::take_activity(const tendon_activity* activity) {
  if (!stop_reason_.empty()) return 1;  // asked to stop already; the plugin did not listen
  ++emitted_;
  const std::string which = "activity " + std::to_string(emitted_);
  if (activity == nullptr) {
    warnings_.add(which + " dropped: emit was called with NULL");
    return 0;
  }
  if (activities_.size() >= limits_.max_activities) {
    stop_reason_ = "more than " + std::to_string(limits_.max_activities) + " activities in one file";
    stop_status_ = TENDON_ERR_LIMIT;
    return 1;
  }
  EmittedActivity converted = convert_emitted_activity(*activity, importer_id_, limits_);
  for (auto& note : converted.notes) warnings_.add(which + ": " + note);
  if (!converted.activity) {
    warnings_.add(which + " dropped: " + converted.dropped_because);
    return 0;
  }
  if (nested_origin_) {
    converted.activity->source_kind = nested_origin_->kind;
    converted.activity->source_id = nested_origin_->source_id;
  }
  activities_.push_back(std::move(*converted.activity));
  sample_counts_.push_back(converted.sample_count);
  from_nested_file_.push_back(nested_origin_.has_value());
  return 0;
}

void ImportSession::take_report(int level, const char* message) {
  std::string line = message == nullptr ? "(no message)" : one_line(bounded_c_string(message, 4 * kMaxMessageBytes), kMaxMessageBytes);
  if (level == TENDON_LEVEL_ERROR) {
    if (errors_.size() < kMaxErrorsKept) errors_.push_back(std::move(line));
  } else {
    warnings_.add(std::move(line));
  }
}

PluginImport ImportSession::finish(int status) {
  PluginImport out;
  out.importer_id = importer_id_;
  if (!stop_reason_.empty()) return fail(stop_status_, stop_reason_);
  if (!is_known_status(status)) {
    return fail(TENDON_ERR_INTERNAL, "the plugin returned an unknown " + status_name(status));
  }
  out.status = static_cast<tendon_status>(status);
  if (out.status == TENDON_OK) {
    // Errors reported on a successful import are taken as warnings: the file was read.
    for (auto& error : errors_) warnings_.add(std::move(error));
    out.activities = std::move(activities_);
    out.sample_counts = std::move(sample_counts_);
    out.from_nested_file = std::move(from_nested_file_);
    out.gear = std::move(gear_);
  } else {
    out.error = errors_.empty() ? default_reason(status) + " (the plugin gave no reason)" : join(errors_, "; ");
    // A failed import stores nothing: a half-read file would look like a complete one.
    if (!activities_.empty()) {
      warnings_.add(std::to_string(activities_.size()) + " activities read before the failure were discarded");
    }
  }
  out.warnings = warnings_.take();
  return out;
}

PluginImport ImportSession::fail(tendon_status status, std::string error) {
  PluginImport out;
  out.importer_id = importer_id_;
  out.status = status;
  out.error = std::move(error);
  if (!activities_.empty()) {
    warnings_.add(std::to_string(activities_.size()) + " activities read before the failure were discarded");
  }
  activities_.clear();
  sample_counts_.clear();
  from_nested_file_.clear();
  out.warnings = warnings_.take();
  return out;
}

}  // namespace tendon
