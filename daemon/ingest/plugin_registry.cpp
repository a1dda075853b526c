#include "plugin_registry.h"

#include "plugin_import_session.h"

namespace tendon {

LoadedPlugin::LoadedPlugin(PluginDescriptor descriptor, std::string origin, std::unique_ptr<SharedLibrary> library,
                           const PluginLogSink& sink)
    : library_(std::move(library)),
      descriptor_(std::move(descriptor)),
      origin_(std::move(origin)),
      log_(descriptor_.id, sink) {}

LoadedPlugin::~LoadedPlugin() {
  if (descriptor_.shutdown == nullptr) return;
  try {
    descriptor_.shutdown(state_);
  } catch (...) {
    log_.write(TENDON_LEVEL_ERROR, "shutdown threw an exception");
  }
}

std::string LoadedPlugin::init() {
  if (descriptor_.init == nullptr) return "";
  log_.start_capture();
  int status = TENDON_OK;
  try {
    status = descriptor_.init(log_.host(), &state_);
  } catch (...) {
    log_.stop_capture();
    descriptor_.shutdown = nullptr;  // there is no state to shut down
    return "init threw an exception";
  }
  const std::vector<std::string> logged = log_.stop_capture();
  if (status == TENDON_OK) return "";
  descriptor_.shutdown = nullptr;
  std::string reason = "init failed with " + status_name(status);
  if (logged.empty()) return reason + " (no reason logged)";
  reason += ": ";
  for (std::size_t i = 0; i < logged.size(); ++i) reason += (i ? "; " : "") + logged[i];
  return reason;
}

int LoadedPlugin::probe(const ImporterDescriptor& importer, std::string_view head) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(head.data());
  if ((descriptor_.flags & TENDON_PLUGIN_THREAD_SAFE) != 0) return importer.probe(state_, bytes, head.size());
  std::lock_guard lock(calls_);
  return importer.probe(state_, bytes, head.size());
}

int LoadedPlugin::probe_folder(const ImporterDescriptor& importer, int directory_fd) {
  if (importer.probe_folder == nullptr) return 0;
  if ((descriptor_.flags & TENDON_PLUGIN_THREAD_SAFE) != 0) return importer.probe_folder(state_, directory_fd);
  std::lock_guard lock(calls_);
  return importer.probe_folder(state_, directory_fd);
}

int LoadedPlugin::import(const ImporterDescriptor& importer, const tendon_input* input, const tendon_sink* sink) {
  if ((descriptor_.flags & TENDON_PLUGIN_THREAD_SAFE) != 0) return importer.import(state_, input, sink);
  std::lock_guard lock(calls_);
  return importer.import(state_, input, sink);
}

int LoadedPlugin::poll(const SourceDescriptor& source, const tendon_source_round* round) {
  if ((descriptor_.flags & TENDON_PLUGIN_THREAD_SAFE) != 0) return source.poll(state_, round);
  std::lock_guard lock(calls_);
  return source.poll(state_, round);
}

void LoadedPlugin::disable(std::string_view why) {
  if (!disabled_.exchange(true)) {
    log_.write(TENDON_LEVEL_ERROR, std::string(why) + "; plugin disabled until the daemon restarts");
  }
}

std::size_t RegisteredImporter::suffix_match(std::string_view lower_name) const {
  std::size_t best = 0;
  for (const auto& suffix : suffixes) {
    if (suffix.size() > best && lower_name.size() >= suffix.size() &&
        lower_name.substr(lower_name.size() - suffix.size()) == suffix) {
      best = suffix.size();
    }
  }
  return best;
}

}  // namespace tendon
