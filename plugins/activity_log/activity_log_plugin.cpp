#include "activity_log_plugin.h"

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include "activity_log.h"

namespace tendon {

namespace {

// The host passes the whole content in `data`; reading through `read` is only the fallback
// for a host that streams, bounded so that a endless stream is an error, not a crash.
constexpr std::size_t kMaxStreamedBytes = std::size_t{1} << 30;

void report(const tendon_sink* sink, tendon_level level, const std::string& message) {
  if (sink->report != nullptr) sink->report(sink->context, level, message.c_str());
}

// The whole input as one view: `data` when the host has it, else read into `storage`.
tendon_status read_all(const tendon_input* input, const tendon_sink* sink, std::string& storage,
                       std::string_view& content) {
  if (input->data != nullptr && input->size != UINT64_MAX) {
    content = std::string_view(reinterpret_cast<const char*>(input->data), static_cast<std::size_t>(input->size));
    return TENDON_OK;
  }
  char buffer[64 * 1024];
  for (;;) {
    const std::int64_t n = input->read(input->context, reinterpret_cast<std::uint8_t*>(buffer), sizeof buffer);
    if (n < 0) {
      report(sink, TENDON_LEVEL_ERROR, "reading the input failed");
      return TENDON_ERR_IO;
    }
    if (n == 0) break;
    storage.append(buffer, static_cast<std::size_t>(n));
    if (storage.size() > kMaxStreamedBytes) {
      report(sink, TENDON_LEVEL_ERROR, "the log is larger than " + std::to_string(kMaxStreamedBytes) + " bytes");
      return TENDON_ERR_LIMIT;
    }
  }
  content = storage;
  return TENDON_OK;
}

const char* text_or_null(const std::string& text) { return text.empty() ? nullptr : text.c_str(); }
double value_or_unknown(const std::optional<double>& value) { return value ? *value : std::nan(""); }

// The ABI's view of one parsed record. The strings point into `a`, which outlives the emit.
tendon_activity to_abi(const Activity& a) {
  tendon_activity out{};
  out.struct_size = sizeof out;
  out.sport = a.sport.c_str();
  out.sub_sport = text_or_null(a.sub_sport);
  out.start_ms = a.start * 1000;
  out.utc_offset_s = a.utc_offset_s.value_or(0);
  out.has_utc_offset = a.utc_offset_s ? 1 : 0;
  out.distance_m = a.distance_m;
  out.elapsed_s = value_or_unknown(a.elapsed_s);
  out.timer_s = value_or_unknown(a.moving_s);
  out.ascent_m = value_or_unknown(a.ascent_m);
  out.avg_heart_rate_bpm = value_or_unknown(a.avg_hr);
  out.device = text_or_null(a.device);
  out.shoe = a.shoe ? a.shoe->c_str() : nullptr;
  out.source_id = text_or_null(a.source_id);
  out.athlete = text_or_null(a.athlete);
  out.samples = nullptr;
  out.sample_count = 0;
  out.sample_stride = sizeof(tendon_sample);
  return out;
}

std::string problem_line(const LogProblem& p) {
  return p.line ? "line " + std::to_string(p.line) + ": " + p.reason : p.reason;
}

int import_log(const tendon_input* input, const tendon_sink* sink, LogFormat format) {
  if (input == nullptr || sink == nullptr || sink->emit == nullptr) return TENDON_ERR_INTERNAL;
  try {
    std::string storage;
    std::string_view content;
    if (const tendon_status status = read_all(input, sink, storage, content); status != TENDON_OK) return status;
    const LogParseResult parsed = parse_activity_log(content, format);
    std::size_t first_warning = 0;
    if (parsed.fatal) {
      // As file_formats.cpp: the fatal reason is the first problem.
      report(sink, TENDON_LEVEL_ERROR,
             parsed.problems.empty() ? std::string("not a readable activity log") : parsed.problems.front().reason);
      first_warning = 1;
    }
    for (std::size_t i = first_warning; i < parsed.problems.size(); ++i) {
      report(sink, TENDON_LEVEL_WARNING, problem_line(parsed.problems[i]));
    }
    if (parsed.fatal) return TENDON_ERR_FORMAT;
    for (const Activity& a : parsed.activities) {
      const tendon_activity abi = to_abi(a);
      if (sink->emit(sink->context, &abi) != 0) return TENDON_ERR_CANCELLED;
    }
    return TENDON_OK;
  } catch (...) {
    // Nothing may cross the ABI; out of memory is the only thing expected here.
    report(sink, TENDON_LEVEL_ERROR, "internal error in the activity-log plugin");
    return TENDON_ERR_INTERNAL;
  }
}

// The first character that is not blank, not a BOM and not inside a '#' comment line.
int first_meaningful_char(const std::uint8_t* head, std::size_t size) {
  std::size_t i = 0;
  if (size >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF) i = 3;
  while (i < size) {
    const std::uint8_t c = head[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++i;
    } else if (c == '#') {
      while (i < size && head[i] != '\n') ++i;
    } else {
      return c;
    }
  }
  return -1;
}

bool looks_like_text(const std::uint8_t* head, std::size_t size) {
  for (std::size_t i = 0; i < size; ++i) {
    if (head[i] == 0) return false;
  }
  return true;
}

// Sure of JSON Lines when the first record opens an object. Other text keeps a low score:
// claimed by suffix, the parser then says what is wrong with it; never taken by content.
int probe_jsonl(void*, const std::uint8_t* head, std::size_t size) {
  if (head == nullptr || !looks_like_text(head, size)) return 0;
  return first_meaningful_char(head, size) == '{' ? 90 : 10;
}

// Sure of CSV when the header row names the three required fields.
int probe_csv(void*, const std::uint8_t* head, std::size_t size) {
  if (head == nullptr || !looks_like_text(head, size)) return 0;
  if (first_meaningful_char(head, size) == '{') return 0;
  std::string text(reinterpret_cast<const char*>(head), size);
  for (char& c : text) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  const bool header = text.find("start") != std::string::npos && text.find("sport") != std::string::npos &&
                      text.find("distance_m") != std::string::npos;
  return header ? 80 : 10;
}

int import_jsonl(void*, const tendon_input* input, const tendon_sink* sink) {
  return import_log(input, sink, LogFormat::json_lines);
}

int import_csv(void*, const tendon_input* input, const tendon_sink* sink) {
  return import_log(input, sink, LogFormat::csv);
}

const char* const kJsonlSuffixes[] = {".jsonl", ".ndjson", nullptr};
const char* const kCsvSuffixes[] = {".csv", nullptr};

const tendon_importer kJsonlImporter = {
    sizeof(tendon_importer), "activity-log-jsonl", "Activity log, JSON Lines (docs/activity-log.md)",
    kJsonlSuffixes,          &probe_jsonl,         &import_jsonl,
    nullptr,  // probe_folder: files only
};
const tendon_importer kCsvImporter = {
    sizeof(tendon_importer), "activity-log-csv", "Activity log, CSV with a header row (docs/activity-log.md)",
    kCsvSuffixes,            &probe_csv,         &import_csv,
    nullptr,  // probe_folder: files only
};
const tendon_importer* const kImporters[] = {&kJsonlImporter, &kCsvImporter};

const tendon_plugin kPlugin = {
    sizeof(tendon_plugin),
    TENDON_PLUGIN_ABI_MAJOR,
    TENDON_PLUGIN_ABI_MINOR,
    "activity-log",
    "1.0",
    TENDON_PLUGIN_THREAD_SAFE,  // parse_activity_log is a pure function
    nullptr,                    // no init: no state
    nullptr,
    kImporters,
    2,
    nullptr,  // sources: an importer only
    0,
};

}  // namespace

}  // namespace tendon

extern "C" const tendon_plugin* tendon_activity_log_plugin(void) { return &tendon::kPlugin; }
