#pragma once
// What the service's method handlers work with. tendond fills it from its own state
// (config and catalogue are assigned in place on reload, so references see the new ones;
// the importers are swapped, hence a getter); tendonctl's offline mode fills it from what
// it opened itself and leaves the daemon-only parts empty.
#include <ctime>
#include <functional>
#include <memory>
#include <string_view>

#include "config/config.h"
#include "config/shoe_catalogue.h"
#include "control/json_text.h"
#include "core/time.h"
#include "ingest/plugin_host.h"
#include "store/store.h"

namespace tendon {

// Runs `work` away from the loop's thread (it must touch nothing shared: no store), then
// `then` back on the loop's thread. `then` may never run when the daemon stops meanwhile.
using OffLoopRunner = std::function<void(std::function<void()> work, std::function<void()> then)>;
// Sends an event to the subscribers (tendond: control::Server::publish).
using EventPublisher = std::function<void(std::string_view event, const control::JsonText& params)>;

inline Instant system_clock_now() { return static_cast<Instant>(std::time(nullptr)); }

struct ServiceContext {
  Store& store;
  const Config& config;
  const ShoeCatalogue& catalogue;
  // The importers to parse with now; a parse keeps the host it started with.
  std::function<std::shared_ptr<const PluginHost>()> importers;
  // "now" for a request without a "now" param.
  std::function<Instant()> clock = system_clock_now;
  // nullptr: imports parse inline, on the caller's thread (the offline CLI).
  OffLoopRunner run_off_loop = nullptr;
  // nullptr: no one to tell (offline).
  EventPublisher publish = nullptr;
  // Reloads the config; throws std::runtime_error with the config's message when the new
  // one is refused (the old one stays). nullptr: no Daemon.Reload method.
  std::function<void()> reload = nullptr;
};

}  // namespace tendon
