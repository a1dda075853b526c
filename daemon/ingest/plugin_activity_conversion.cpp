#include "plugin_activity_conversion.h"

#include <cmath>
#include <cstring>
#include <limits>

#include "core/sport.h"
#include "core/time.h"
#include "plugin_activity_checks.h"
#include "plugin_text.h"

namespace tendon {

namespace {

// An activity with every field absent: what a reader sees of fields beyond struct_size.
tendon_activity absent_activity() {
  tendon_activity a{};
  a.start_ms = std::numeric_limits<std::int64_t>::min();
  a.distance_m = a.elapsed_s = a.timer_s = a.ascent_m = a.avg_heart_rate_bpm = std::nan("");
  return a;
}

// Copies one field when it lies wholly within the `size` bytes the plugin declared. Byte
// copies, because the plugin's struct may be shorter than ours: reading it as our type
// would read past its end.
template <typename T>
void take(T& field, const unsigned char* bytes, std::size_t offset, std::uint32_t size) {
  if (offset + sizeof(T) <= size) std::memcpy(&field, bytes + offset, sizeof(T));
}

tendon_activity read_within_struct_size(const tendon_activity& raw, std::uint32_t size) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(&raw);
  tendon_activity a = absent_activity();
  a.struct_size = size;
  take(a.sport, bytes, offsetof(tendon_activity, sport), size);
  take(a.sub_sport, bytes, offsetof(tendon_activity, sub_sport), size);
  take(a.start_ms, bytes, offsetof(tendon_activity, start_ms), size);
  take(a.utc_offset_s, bytes, offsetof(tendon_activity, utc_offset_s), size);
  take(a.has_utc_offset, bytes, offsetof(tendon_activity, has_utc_offset), size);
  take(a.distance_m, bytes, offsetof(tendon_activity, distance_m), size);
  take(a.elapsed_s, bytes, offsetof(tendon_activity, elapsed_s), size);
  take(a.timer_s, bytes, offsetof(tendon_activity, timer_s), size);
  take(a.ascent_m, bytes, offsetof(tendon_activity, ascent_m), size);
  take(a.avg_heart_rate_bpm, bytes, offsetof(tendon_activity, avg_heart_rate_bpm), size);
  take(a.device, bytes, offsetof(tendon_activity, device), size);
  take(a.shoe, bytes, offsetof(tendon_activity, shoe), size);
  take(a.source_id, bytes, offsetof(tendon_activity, source_id), size);
  take(a.athlete, bytes, offsetof(tendon_activity, athlete), size);
  // The track counts only when its three fields are all there.
  if (offsetof(tendon_activity, sample_stride) + sizeof(std::uint32_t) <= size) {
    take(a.samples, bytes, offsetof(tendon_activity, samples), size);
    take(a.sample_count, bytes, offsetof(tendon_activity, sample_count), size);
    take(a.sample_stride, bytes, offsetof(tendon_activity, sample_stride), size);
  }
  return a;
}

std::optional<double> known(double value) { return std::isnan(value) ? std::nullopt : std::optional<double>(value); }

// Reads a plugin string into `out`; false (with the reason) when it is unusable.
bool read_text(const char* text, const char* field, std::string& out, std::string& problem) {
  const std::string_view view = bounded_c_string(text, kMaxActivityTextBytes);
  if (auto p = text_problem(view)) {
    problem = std::string(field) + " " + *p;
    return false;
  }
  out.assign(view);
  return true;
}

// Checks the track's shape (the host keeps only its length for now). Returns the reason it
// is ignored, or "" when it is consistent.
std::string track_problem(const tendon_activity& a, const PluginHostLimits& limits) {
  if (a.sample_count == 0) return "";
  if (a.samples == nullptr) return "sample_count " + std::to_string(a.sample_count) + " but samples is NULL";
  if (a.sample_stride < kMinimumSampleStride) {
    return "sample_stride " + std::to_string(a.sample_stride) + " is smaller than " +
           std::to_string(kMinimumSampleStride);
  }
  if (a.sample_count > limits.max_samples_per_activity) {
    return std::to_string(a.sample_count) + " samples, over the limit of " +
           std::to_string(limits.max_samples_per_activity);
  }
  // Every sample states its own size; one larger than the stride means the plugin's
  // stride and struct disagree, and every later sample would be read at the wrong place.
  const auto* base = reinterpret_cast<const unsigned char*>(a.samples);
  for (std::uint64_t i = 0; i < a.sample_count; ++i) {
    std::uint32_t size = 0;
    std::memcpy(&size, base + i * a.sample_stride, sizeof size);
    if (size < kMinimumSampleStride || size > a.sample_stride) {
      return "sample " + std::to_string(i) + " has struct_size " + std::to_string(size) + ", which does not fit " +
             "sample_stride " + std::to_string(a.sample_stride);
    }
  }
  return "";
}

}  // namespace

SourceKind source_kind_for_importer(std::string_view importer_id) {
  if (importer_id == "fit") return SourceKind::fit;
  if (importer_id == "tcx") return SourceKind::tcx;
  if (importer_id == "gpx") return SourceKind::gpx;
  return SourceKind::summary;
}

EmittedActivity convert_emitted_activity(const tendon_activity& raw, std::string_view importer_id,
                                         const PluginHostLimits& limits) {
  EmittedActivity out;
  std::uint32_t size = 0;
  std::memcpy(&size, &raw, sizeof size);
  if (size < kMinimumActivityStructSize) {
    out.dropped_because = "struct_size " + std::to_string(size) + " is too small to hold start_ms (needs " +
                          std::to_string(kMinimumActivityStructSize) + ")";
    return out;
  }
  const tendon_activity a = read_within_struct_size(raw, size);
  if (a.start_ms == std::numeric_limits<std::int64_t>::min()) {
    out.dropped_because = "it has no start time";
    return out;
  }

  Activity activity;
  activity.source_kind = source_kind_for_importer(importer_id);
  activity.start = floor_div(a.start_ms, 1000);
  if (a.has_utc_offset != 0) activity.utc_offset_s = a.utc_offset_s;
  std::string sport, shoe;
  if (!read_text(a.sport, "sport", sport, out.dropped_because) ||
      !read_text(a.sub_sport, "sub_sport", activity.sub_sport, out.dropped_because) ||
      !read_text(a.device, "device", activity.device, out.dropped_because) ||
      !read_text(a.shoe, "shoe", shoe, out.dropped_because) ||
      !read_text(a.source_id, "source_id", activity.source_id, out.dropped_because) ||
      !read_text(a.athlete, "athlete", activity.athlete, out.dropped_because)) {
    return out;
  }
  activity.sport = normalise_sport(sport);
  if (a.shoe != nullptr) activity.shoe = std::move(shoe);
  if (std::isnan(a.distance_m)) {
    out.notes.push_back("no distance (taken as 0)");
  } else {
    activity.distance_m = a.distance_m;
  }
  activity.elapsed_s = known(a.elapsed_s);
  activity.moving_s = known(a.timer_s);
  activity.ascent_m = known(a.ascent_m);
  activity.avg_hr = known(a.avg_heart_rate_bpm);
  if (auto problem = activity_problem(activity)) {
    out.dropped_because = std::move(*problem);
    return out;
  }

  if (std::string problem = track_problem(a, limits); !problem.empty()) {
    out.notes.push_back("track ignored: " + problem);
  } else {
    out.sample_count = static_cast<std::size_t>(a.sample_count);
  }
  out.activity = std::move(activity);
  return out;
}

}  // namespace tendon
