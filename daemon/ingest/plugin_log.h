#pragma once
// The tendon_host a plugin gets at init, whose log callback lands in the daemon's log with
// the plugin's id, and whose import_nested (ABI 1.1) reaches the host's importers. The host keeps it (and its context) alive until the plugin's shutdown
// has returned, so a plugin may keep the pointer and log during imports too.
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "plugin_types.h"
#include "tendon/plugin.h"

namespace tendon {

class PluginLog {
 public:
  PluginLog(std::string plugin_id, PluginLogSink sink);
  PluginLog(const PluginLog&) = delete;  // the plugin holds a pointer to it
  PluginLog& operator=(const PluginLog&) = delete;

  const tendon_host* host() const { return &host_; }

  // What tendon_host.import_nested runs (set by the host before init; unset: the call
  // fails with TENDON_ERR_INTERNAL).
  using NestedImporter = std::function<int(const tendon_input* input, const tendon_sink* sink)>;
  void set_nested_importer(NestedImporter importer) { nested_ = std::move(importer); }

  // A line of the host's own about this plugin (refusal, disabling...).
  void write(tendon_level level, std::string_view message) const;

  // While capturing, lines the plugin logs are also kept: an init that fails is refused
  // with the reason it logged.
  void start_capture();
  std::vector<std::string> stop_capture();

 private:
  static void log(void* context, tendon_level level, const char* message);
  static int import_nested(void* context, const tendon_input* input, const tendon_sink* sink);

  std::string plugin_id_;
  PluginLogSink sink_;
  NestedImporter nested_;
  tendon_host host_{};
  std::mutex capture_mutex_;
  bool capturing_ = false;
  std::vector<std::string> captured_;
};

}  // namespace tendon
