#pragma once
// The importers a daemon or CLI works with: the built-ins, the tendon-*.so plugins of the
// config's plugin folder and its exec importers.
#include <memory>
#include <vector>

#include "config/config.h"
#include "plugin_host.h"

namespace tendon {

// Broken external plugins do not stop anything: they are left out and listed in `problems`.
std::unique_ptr<PluginHost> make_plugin_host(const Config& config, std::vector<PluginProblem>& problems);

}  // namespace tendon
