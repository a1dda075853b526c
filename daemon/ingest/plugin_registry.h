#pragma once
// The host's records of what it accepted: a plugin (its copied descriptor, state, log and
// library) and each importer it offers, plus exec importers. Internal to the host.
#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "exec_importer.h"
#include "plugin_descriptor.h"
#include "plugin_library.h"
#include "plugin_log.h"

namespace tendon {

class LoadedPlugin {
 public:
  LoadedPlugin(PluginDescriptor descriptor, std::string origin, std::unique_ptr<SharedLibrary> library,
               const PluginLogSink& sink);
  ~LoadedPlugin();  // shutdown, then the library is closed (declared first: destroyed last)
  LoadedPlugin(const LoadedPlugin&) = delete;
  LoadedPlugin& operator=(const LoadedPlugin&) = delete;

  // Calls init (when the plugin has one). Returns the reason it failed, or "".
  std::string init();

  // Calls probe / import behind the per-plugin lock (unless the plugin is thread-safe).
  // They throw what the plugin throws; the caller decides what that costs the plugin.
  int probe(const ImporterDescriptor& importer, std::string_view head);
  int import(const ImporterDescriptor& importer, const tendon_input* input, const tendon_sink* sink);

  // After an exception: no importer of this plugin is chosen again.
  void disable(std::string_view why);
  bool disabled() const { return disabled_.load(); }

  const PluginDescriptor& descriptor() const { return descriptor_; }
  const std::string& origin() const { return origin_; }
  const PluginLog& log() const { return log_; }
  PluginLog& log() { return log_; }

  // Calls the importer's probe_folder (ABI 1.1), behind the lock like probe; 0 without one.
  int probe_folder(const ImporterDescriptor& importer, int directory_fd);
  // Calls a source's poll (ABI 1.2), behind the lock like import.
  int poll(const SourceDescriptor& source, const tendon_source_round* round);

 private:
  std::unique_ptr<SharedLibrary> library_;
  PluginDescriptor descriptor_;
  std::string origin_;
  PluginLog log_;
  void* state_ = nullptr;
  std::mutex calls_;
  std::atomic<bool> disabled_{false};
};

// An importer as the host chooses among them: one of a plugin's, or an exec importer.
struct RegisteredImporter {
  std::string id;
  std::vector<std::string> suffixes;
  LoadedPlugin* plugin = nullptr;                  // set for a plugin's importer...
  const ImporterDescriptor* entry = nullptr;       // ...with its functions
  std::shared_ptr<const ExecImporterSpec> exec;    // set for an exec importer

  bool usable() const { return exec != nullptr || !plugin->disabled(); }
  // The length of the longest of its suffixes that `lower_name` ends with (0: none).
  std::size_t suffix_match(std::string_view lower_name) const;
};

// A source (ABI 1.2) as the sync worker finds it: one of a plugin's.
struct RegisteredSource {
  std::string id;
  LoadedPlugin* plugin = nullptr;
  const SourceDescriptor* entry = nullptr;
};

}  // namespace tendon
