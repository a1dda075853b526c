#pragma once
// The long-running service: owns the config and the store, says what it uses, and waits
// on the event loop, importing what arrives in the athletes' inbox folders. SIGTERM /
// SIGINT stop it cleanly (an import not yet committed leaves its file in the inbox);
// SIGHUP reloads the config (a bad new config is reported and the old one kept). Clients
// talk to it on the control socket (docs/protocol.md).
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>

#include "config/config.h"
#include "config/shoe_catalogue.h"
#include "ingest/plugin_host.h"
#include "service_dirs.h"
#include "service_status.h"
#include "store/store.h"

namespace tendon {

class InboxImporter;
namespace webhook {
class WebhookWorker;
}
class SyncWorker;
class InboxWatcher;
struct ImportReport;

class Daemon {
 public:
  // Loads the config, opens (and migrates) the database, registers athletes and shoes and
  // creates missing inbox folders. Throws with a message naming file and reason.
  // `socket_path`: where the control socket is bound; default control_socket_place().
  // `mode`: who may use the socket (socket_access.h); a socket systemd passes wins over both.
  explicit Daemon(std::optional<std::filesystem::path> config_file,
                  std::optional<std::filesystem::path> socket_path = std::nullopt,
                  ServiceMode mode = ServiceMode::user);

  // One line per fact: which config, which database, each athlete's zone and inboxes,
  // the importers and any plugin that was refused.
  void announce(std::ostream& out) const;
  // Catches the signals, opens the control socket, watches the inboxes, says "ready", then runs the event loop until
  // SIGTERM or SIGINT; returns the exit code.
  int run(std::ostream& log);

 private:
  void apply_config();
  // False when the new config was refused (the old one stays); `refused_because` then
  // receives the config's message.
  bool reload(std::ostream& log, std::string* refused_because = nullptr);
  // What SIGHUP and Daemon.Reload do: reload, then watch the inboxes the config names.
  bool reload_and_watch(std::ostream& log, InboxWatcher& watcher, InboxImporter& importer,
                        std::string* refused_because = nullptr);
  // The importers of this config; broken external plugins are listed and left out.
  void load_importers();
  // The importers now, from any thread (the sync worker parses with them).
  std::shared_ptr<const PluginHost> importers_now() const;
  // Points the watcher and the importer at the inboxes of the current config.
  void watch_inboxes(InboxWatcher& watcher, InboxImporter& importer) const;
  // systemd's STATUS= line (service_status.h), when systemd listens.
  void report_status() const;
  // Remembers a file the inbox or the socket imported, for the status line.
  void note_import(const ImportReport& report);

  std::optional<std::filesystem::path> config_file_;
  std::optional<std::filesystem::path> socket_path_;
  ServiceMode mode_;
  std::optional<LastImport> last_import_;
  Config config_;
  std::unique_ptr<Store> store_;
  ShoeCatalogue catalogue_;
  // Shared: a parse running on a worker keeps the host it started with through a reload.
  std::shared_ptr<PluginHost> importers_;  // written on the loop's thread under importers_mutex_
  mutable std::mutex importers_mutex_;
  std::vector<PluginProblem> importer_problems_;
  webhook::WebhookWorker* webhooks_ = nullptr;  // while run() runs: told about reloads
  SyncWorker* sync_ = nullptr;                  // the same
};

}  // namespace tendon
