#include "plugin_log.h"

#include <cstdio>

#include "plugin_text.h"
#include "tendon/version.h"

namespace tendon {

namespace {
constexpr std::size_t kMaxLogLineBytes = 1024;
constexpr std::size_t kMaxCapturedLines = 20;
}  // namespace

void log_plugin_line_to_stderr(std::string_view plugin_id, tendon_level level, std::string_view message) {
  const char* severity = level == TENDON_LEVEL_ERROR ? "error: " : level == TENDON_LEVEL_WARNING ? "warning: " : "";
  // One fprintf per line: stdio locks the stream, so lines from worker threads do not mix.
  std::fprintf(stderr, "tendond: plugin %.*s: %s%.*s\n", static_cast<int>(plugin_id.size()), plugin_id.data(),
               severity, static_cast<int>(message.size()), message.data());
}

PluginLog::PluginLog(std::string plugin_id, PluginLogSink sink)
    : plugin_id_(std::move(plugin_id)), sink_(sink ? std::move(sink) : PluginLogSink(log_plugin_line_to_stderr)) {
  host_.struct_size = sizeof host_;
  host_.abi_major = TENDON_PLUGIN_ABI_MAJOR;
  host_.abi_minor = TENDON_PLUGIN_ABI_MINOR;
  host_.host_version = TENDON_VERSION;
  host_.context = this;
  host_.log = &PluginLog::log;
  host_.import_nested = &PluginLog::import_nested;
}

void PluginLog::write(tendon_level level, std::string_view message) const { sink_(plugin_id_, level, message); }

void PluginLog::start_capture() {
  std::lock_guard lock(capture_mutex_);
  capturing_ = true;
  captured_.clear();
}

std::vector<std::string> PluginLog::stop_capture() {
  std::lock_guard lock(capture_mutex_);
  capturing_ = false;
  return std::move(captured_);
}

// Called by the plugin: nothing may be thrown back across the ABI.
void PluginLog::log(void* context, tendon_level level, const char* message) {
  auto* self = static_cast<PluginLog*>(context);
  if (self == nullptr) return;
  try {
    const int raw_level = static_cast<int>(level);
    const auto known_level = raw_level >= TENDON_LEVEL_INFO && raw_level <= TENDON_LEVEL_ERROR
                                 ? static_cast<tendon_level>(raw_level)
                                 : TENDON_LEVEL_INFO;
    const std::string line =
        message == nullptr ? "(no message)" : one_line(bounded_c_string(message, 4 * kMaxLogLineBytes), kMaxLogLineBytes);
    self->sink_(self->plugin_id_, known_level, line);
    std::lock_guard lock(self->capture_mutex_);
    if (self->capturing_ && self->captured_.size() < kMaxCapturedLines) self->captured_.push_back(line);
  } catch (...) {
    // A log line lost (the sink threw or memory ran out) must not take the plugin down.
  }
}

// Called by the plugin: the importer behind it walls its own calls into plugins.
int PluginLog::import_nested(void* context, const tendon_input* input, const tendon_sink* sink) {
  auto* self = static_cast<PluginLog*>(context);
  if (self == nullptr || !self->nested_) return TENDON_ERR_INTERNAL;
  try {
    return self->nested_(input, sink);
  } catch (...) {
    return TENDON_ERR_INTERNAL;
  }
}

}  // namespace tendon
