#pragma once
// ABI 1.1's tendon_host.import_nested: a file a plugin found inside its input (an export's
// activities/123.fit.gz) is read by the host's own importers, as if it had been imported
// on its own (gunzip, suffix, probe, content identity), and its activities are replayed
// to the plugin's sink; what the plugin emits from there is marked as the nested file's.
//
// Also the record of the plugin imports running on this thread: a nested import must not
// choose a plugin that is already importing here (its lock is held, and it would recurse).
#include "tendon/plugin.h"

namespace tendon {

class LoadedPlugin;
class ImportSession;
class PluginHost;

// Nested imports go at most this deep (a zip in a zip in an export...).
inline constexpr int kMaxNestedImportDepth = 4;

// While alive, `plugin` is importing into `session` on this thread.
class ActiveImportScope {
 public:
  ActiveImportScope(const LoadedPlugin* plugin, ImportSession& session);
  ~ActiveImportScope();
  ActiveImportScope(const ActiveImportScope&) = delete;
  ActiveImportScope& operator=(const ActiveImportScope&) = delete;
};

bool is_importing_on_this_thread(const LoadedPlugin* plugin);

// tendon_host.import_nested for the import running on this thread. Never throws.
int import_nested(const PluginHost& host, const tendon_input* input, const tendon_sink* sink);

}  // namespace tendon
