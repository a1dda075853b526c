#pragma once
// What every verb works with while the CLI opens the database itself (offline mode):
// the config, the shoe catalogue, the store, the chosen athlete and "now".
#include <memory>
#include <optional>
#include <string>

#include "arguments.h"
#include "config/config.h"
#include "config/shoe_catalogue.h"
#include "core/time.h"
#include "ingest/plugin_host.h"
#include "store/store.h"

namespace tendon::cli {

struct OfflineContext {
  Config config;
  ShoeCatalogue catalogue;
  std::unique_ptr<Store> store;
  std::unique_ptr<PluginHost> plugins;     // built-ins, the plugin folder, exec importers
  const AthleteConfig* athlete = nullptr;  // --athlete, else the config's first
  Instant now = 0;                         // --now, else the clock
  bool json = false;

  // Loads config (--config), catalogue and store; registers the config's athletes and
  // their shoes so status works before the first import.
  static OfflineContext open(const Arguments& args);
  // The importers, loaded on first use (only import needs them); broken external plugins
  // are reported on stderr once and left out.
  const PluginHost& importers();
};

}  // namespace tendon::cli
