#include "plugin_setup.h"

#include "exec_importer.h"

namespace tendon {

std::unique_ptr<PluginHost> make_plugin_host(const Config& config, std::vector<PluginProblem>& problems) {
  auto host = std::make_unique<PluginHost>();
  register_builtin_plugins(*host);
  for (auto& p : host->load_folder(config.plugin_dir)) problems.push_back(std::move(p));
  for (const ExecImporterConfig& e : config.exec_importers) {
    ExecImporterSpec spec;
    spec.id = e.id;
    spec.argv = e.command;
    spec.suffixes = e.suffixes;
    spec.timeout_s = e.timeout_s;
    spec.description = "exec importer " + e.id;
    if (auto problem = host->add_exec_importer(spec)) problems.push_back(std::move(*problem));
  }
  return host;
}

}  // namespace tendon
