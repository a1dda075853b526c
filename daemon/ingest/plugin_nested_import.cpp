#include "plugin_nested_import.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "file_formats.h"
#include "import_progress.h"
#include "plugin_import_session.h"

namespace tendon {

namespace {

struct ActiveImport {
  const LoadedPlugin* plugin;
  ImportSession* session;
};

// Imports nest on one thread only (import_nested is synchronous), so a stack per thread
// knows the session a nested file's activities belong to.
thread_local std::vector<ActiveImport> active_imports;

// Reads a plugin's struct within its struct_size into a zeroed copy.
template <typename T>
T within_struct_size(const T* raw) {
  T copy{};
  std::uint32_t size = 0;
  std::memcpy(&size, raw, sizeof size);
  std::memcpy(&copy, raw, std::min<std::size_t>(size, sizeof copy));
  return copy;
}

void send_report(const tendon_sink& sink, tendon_level level, const std::string& message) {
  if (sink.report != nullptr) sink.report(sink.context, level, message.c_str());
}

// The nested input's bytes: its data when given, else read to the end (bounded).
bool read_nested_bytes(const tendon_input& input, std::string& storage, std::string_view& bytes, std::string& error) {
  if (input.data != nullptr && input.size != std::numeric_limits<std::uint64_t>::max()) {
    if (input.size > kMaxInflatedBytes) {
      error = "over the limit of " + std::to_string(kMaxInflatedBytes) + " bytes";
      return false;
    }
    bytes = std::string_view(reinterpret_cast<const char*>(input.data), static_cast<std::size_t>(input.size));
    return true;
  }
  if (input.read == nullptr) {
    error = "the nested input has neither data nor read";
    return false;
  }
  char chunk[1 << 16];
  for (;;) {
    const std::int64_t got = input.read(input.context, reinterpret_cast<std::uint8_t*>(chunk), sizeof chunk);
    if (got < 0) {
      error = "reading the nested input failed";
      return false;
    }
    if (got == 0) break;
    storage.append(chunk, static_cast<std::size_t>(std::min<std::int64_t>(got, sizeof chunk)));
    if (storage.size() > kMaxInflatedBytes) {
      error = "over the limit of " + std::to_string(kMaxInflatedBytes) + " bytes";
      return false;
    }
  }
  bytes = storage;
  return true;
}

// The host's record of an activity, as a plugin would have emitted it (no track).
tendon_activity as_emitted(const Activity& a) {
  tendon_activity out{};
  out.struct_size = sizeof out;
  out.sport = a.sport.empty() ? nullptr : a.sport.c_str();
  out.sub_sport = a.sub_sport.empty() ? nullptr : a.sub_sport.c_str();
  out.start_ms = a.start * 1000;
  out.utc_offset_s = a.utc_offset_s.value_or(0);
  out.has_utc_offset = a.utc_offset_s.has_value() ? 1 : 0;
  out.distance_m = a.distance_m;
  out.elapsed_s = a.elapsed_s.value_or(TENDON_UNKNOWN);
  out.timer_s = a.moving_s.value_or(TENDON_UNKNOWN);
  out.ascent_m = a.ascent_m.value_or(TENDON_UNKNOWN);
  out.avg_heart_rate_bpm = a.avg_hr.value_or(TENDON_UNKNOWN);
  out.device = a.device.empty() ? nullptr : a.device.c_str();
  out.shoe = a.shoe ? a.shoe->c_str() : nullptr;
  out.source_id = a.source_id.c_str();
  out.athlete = a.athlete.empty() ? nullptr : a.athlete.c_str();
  return out;
}

// Clears the outer session's nested origin however the replay ends.
struct OriginScope {
  ImportSession& session;
  ~OriginScope() { session.set_nested_origin(std::nullopt); }
};

int replay(ParsedFile& parsed, const tendon_sink& sink, ImportSession& outer) {
  for (const auto& problem : parsed.problems) send_report(sink, TENDON_LEVEL_WARNING, problem);
  if (!parsed.fatal.empty()) {
    send_report(sink, TENDON_LEVEL_ERROR, parsed.fatal);
    return parsed.not_activity ? TENDON_NOT_ACTIVITY : TENDON_ERR_FORMAT;
  }
  if (sink.emit == nullptr) return TENDON_ERR_INTERNAL;
  for (const Activity& a : parsed.activities) {
    outer.set_nested_origin(ImportSession::NestedOrigin{a.source_kind, a.source_id});
    const OriginScope clear{outer};
    const tendon_activity emitted = as_emitted(a);
    if (sink.emit(sink.context, &emitted) != 0) return TENDON_ERR_CANCELLED;
  }
  return TENDON_OK;
}

int import_nested_file(const PluginHost& host, const tendon_input* raw_input, const tendon_sink& sink,
                       ImportSession& outer) {
  const tendon_input input = within_struct_size(raw_input);
  const std::string name = input.name == nullptr ? "nested" : std::string(input.name);
  std::string storage, error;
  std::string_view bytes;
  if (!read_nested_bytes(input, storage, bytes, error)) {
    send_report(sink, TENDON_LEVEL_ERROR, error);
    return TENDON_ERR_IO;
  }
  ParsedFile parsed = parse_file_bytes(host, name, bytes);
  return replay(parsed, sink, outer);
}

}  // namespace

ActiveImportScope::ActiveImportScope(const LoadedPlugin* plugin, ImportSession& session) {
  active_imports.push_back(ActiveImport{plugin, &session});
}

ActiveImportScope::~ActiveImportScope() { active_imports.pop_back(); }

bool is_importing_on_this_thread(const LoadedPlugin* plugin) {
  return std::any_of(active_imports.begin(), active_imports.end(),
                     [&](const ActiveImport& a) { return a.plugin == plugin; });
}

int import_nested(const PluginHost& host, const tendon_input* raw_input, const tendon_sink* raw_sink) {
  try {
    if (raw_input == nullptr || raw_sink == nullptr) return TENDON_ERR_INTERNAL;
    const tendon_sink sink = within_struct_size(raw_sink);
    if (active_imports.empty()) {
      send_report(sink, TENDON_LEVEL_ERROR, "import_nested called outside an import");
      return TENDON_ERR_INTERNAL;
    }
    if (active_imports.size() > static_cast<std::size_t>(kMaxNestedImportDepth)) {
      send_report(sink, TENDON_LEVEL_ERROR,
                  "files nested more than " + std::to_string(kMaxNestedImportDepth) + " deep are not read");
      return TENDON_ERR_LIMIT;
    }
    ImportSession& outer = *active_imports.back().session;
    const int status = import_nested_file(host, raw_input, sink, outer);
    // Progress counts the files the outermost importer (the export's) hands back.
    ImportProgressScope* progress = current_import_progress();
    if (progress != nullptr && active_imports.size() == 1) progress->note_file(status, outer.activity_count());
    return status;
  } catch (...) {
    // Out of memory, or the plugin's own sink threw: nothing may cross back.
    return TENDON_ERR_INTERNAL;
  }
}

}  // namespace tendon
