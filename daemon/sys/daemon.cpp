#include "daemon.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <csignal>
#include <ctime>
#include <unistd.h>

#include "control/server.h"
#include "delivery/desktop/daemon_notifier.h"
#include "delivery/webhook/webhook_worker.h"
#include "service/register_service_methods.h"
#include "service/service_events.h"

#include "alert_test_method.h"
#include "inbox_importer.h"
#include "inbox_watcher.h"
#include "sync_methods.h"
#include "listen_fds.h"
#include "socket_access.h"
#include "systemd_notify.h"
#include "ingest/judgement_basis.h"
#include "ingest/plugin_setup.h"
#include "tendon/version.h"

namespace tendon {

Daemon::Daemon(std::optional<std::filesystem::path> config_file, std::optional<std::filesystem::path> socket_path,
               ServiceMode mode)
    : config_file_(std::move(config_file)),
      socket_path_(std::move(socket_path)),
      mode_(mode),
      config_(load_config_or_defaults(config_file_)) {
  store_ = std::make_unique<Store>(config_.database);
  apply_config();
  load_importers();
}

void Daemon::load_importers() {
  importer_problems_.clear();
  auto host = make_plugin_host(config_, importer_problems_);
  std::lock_guard lock(importers_mutex_);
  importers_ = std::move(host);
}

std::shared_ptr<const PluginHost> Daemon::importers_now() const {
  std::lock_guard lock(importers_mutex_);
  return importers_;
}

void Daemon::apply_config() {
  catalogue_ = effective_shoe_catalogue(config_);
  apply_config_to_store(*store_, config_, static_cast<Instant>(std::time(nullptr)));
  for (const auto& a : config_.athletes) {
    for (const auto& inbox : a.inboxes) std::filesystem::create_directories(inbox);
  }
}

void Daemon::announce(std::ostream& out) const {
  out << "tendond " << TENDON_VERSION << "\n";
  out << "tendond: config " << (config_.file.empty() ? std::string("(none, built-in defaults)") : config_.file.string())
      << "\n";
  out << "tendond: database " << store_->path().string() << " (schema " << store_->schema_version() << ")\n";
  for (const auto& a : config_.athletes) {
    out << "tendond: athlete " << a.name << " (" << a.timezone << ")";
    for (const auto& inbox : a.inboxes) out << ", inbox " << inbox.string();
    out << "\n";
  }
  out << "tendond: importers";
  for (const auto& info : importers_->importers()) {
    out << " " << info.id << (info.origin == "built-in" ? "" : " (" + info.origin + ")");
  }
  out << "\n";
  for (const auto& p : importer_problems_) out << "tendond: plugin refused: " << p.line() << "\n";
  for (const auto& s : config_.sync) {
    out << "tendond: sync " << s.source << " for " << s.athlete << " every " << s.interval_minutes << " min\n";
  }
  out.flush();
}

bool Daemon::reload(std::ostream& log, std::string* refused_because) {
  systemd::notify_reloading();
  try {
    Config next = load_config_or_defaults(config_file_);
    if (next.database != config_.database) {
      log << "tendond: the database path changed in the config; restart to use " << next.database.string() << "\n";
      next.database = config_.database;
    }
    config_ = std::move(next);
    apply_config();
    load_importers();
    if (webhooks_ != nullptr) webhooks_->set_endpoints(config_.webhooks);
    if (sync_ != nullptr) sync_->set_sources(config_.sync);
    for (const auto& p : importer_problems_) log << "tendond: plugin refused: " << p.line() << "\n";
    log << "tendond: config reloaded" << std::endl;
    report_status();
    systemd::notify_ready();
    return true;
  } catch (const std::exception& e) {
    log << "tendond: config not reloaded, keeping the previous one: " << e.what() << std::endl;
    if (refused_because != nullptr) *refused_because = e.what();
    systemd::notify_ready();  // still running, with the old config
    return false;
  }
}

bool Daemon::reload_and_watch(std::ostream& log, InboxWatcher& watcher, InboxImporter& importer,
                              std::string* refused_because) {
  if (!reload(log, refused_because)) return false;
  watch_inboxes(watcher, importer);
  return true;
}

void Daemon::watch_inboxes(InboxWatcher& watcher, InboxImporter& importer) const {
  std::map<std::filesystem::path, std::string> athlete_by_folder;
  std::vector<std::filesystem::path> folders;
  for (const auto& a : config_.athletes) {
    for (const auto& inbox : a.inboxes) {
      athlete_by_folder.emplace(inbox, a.name);
      folders.push_back(inbox);
    }
  }
  importer.set_inboxes(std::move(athlete_by_folder));  // first: the watcher's scan feeds it
  watcher.watch(folders);
}

void Daemon::report_status() const {
  if (!systemd::notifying()) return;  // counting the store is for systemd's eyes only
  std::size_t inboxes = 0;
  for (const auto& a : config_.athletes) inboxes += a.inboxes.size();
  systemd::notify_status(service_status_line(inboxes, stored_activity_count(*store_), last_import_));
}

void Daemon::note_import(const ImportReport& report) {
  if (!report.failed() && !report.skipped_file()) {
    last_import_ = LastImport{std::time(nullptr), report.file.filename().string()};
  }
  report_status();
}

int Daemon::run(std::ostream& log) {
  boost::asio::io_context io;
  // Pings from the start: systemd's watchdog clock runs while we start up too.
  systemd::Watchdog watchdog(io);
  // A socket systemd passed (socket activation) decides where we listen; else we bind.
  const std::optional<systemd::ActivationSocket> activated = systemd::take_activation_socket();
  const SocketPlace place = activated ? SocketPlace{activated->path, ""} : control_socket_place(mode_, socket_path_);
  const SocketAccess access = socket_access(mode_, place.path);
  // Before the importer, so destroyed after it: no report arrives for a server that is gone.
  control::ServerOptions server_options;
  server_options.decide_tier = access.policy;
  server_options.log = &log;
  control::Server server(io, std::move(server_options));
  // Desktop notifications hear what subscribers hear; declared before the importer, whose
  // reports publish, so it outlives them.
  const auto desktop = desktop::make_daemon_notifier(io, config_, mode_ == ServiceMode::system, *store_, log);
  desktop->start();
  // Webhooks go out from the outbox on their own thread and connection; each commit wakes
  // the worker (what it queued is visible then), and a reload hands it the new endpoints.
  webhook::WebhookWorker webhooks(store_->path(), config_.webhooks, log);
  struct WebhooksAttached {
    Daemon& daemon;
    ~WebhooksAttached() {
      daemon.store_->on_commit({});
      daemon.webhooks_ = nullptr;
    }
  } webhooks_attached{*this};
  webhooks_ = &webhooks;
  store_->on_commit([&webhooks] { webhooks.wake(); });
  webhooks.start();
  // Declared after `io`, so destroyed before it: the workers are joined while the loop
  // they report to still exists.
  InboxImporter importer(io, InboxImportContext{*store_, config_, catalogue_, importers_}, log);
  InboxWatcher watcher(io, [&importer](const std::filesystem::path& file) { importer.take(file); }, log);
  // The socket's methods (daemon/service): imports parse on the importer's workers and are
  // stored here on the loop; the inbox and the socket publish the same events.
  ServiceContext service{
      .store = *store_,
      .config = config_,
      .catalogue = catalogue_,
      .importers = [this] { return std::shared_ptr<const PluginHost>(importers_); },
      .run_off_loop = [&importer](std::function<void()> work,
                                  std::function<void()> then) { importer.run_off_loop(std::move(work), std::move(then)); },
      .publish =
          [&server, &desktop](std::string_view event, const control::JsonText& params) {
            server.publish(event, params);
            desktop->on_event_json(event, params.text());
          },
      .reload =
          [&] {
            std::string refused_because;
            if (!reload_and_watch(log, watcher, importer, &refused_because)) throw std::runtime_error(refused_because);
          },
  };
  register_service_methods(server.methods(), service);
  register_alert_test_method(server.methods(), service, mode_ == ServiceMode::system);
  const auto on_report = [this, &service](const ImportReport& report) {
    publish_import_events(service.publish, service.store, report);
    note_import(report);
  };
  importer.on_report(on_report);
  // Platform sync polls on its own thread; what it fetched is stored here, on the loop,
  // through the import service like an inbox file. Declared after the importer and the
  // server, so it is stopped first.
  SyncWorker sync(store_->path(), config_.sync,
                  SyncWorkerHooks{
                      .post_to_loop = [&io](std::function<void()> task) { boost::asio::post(io, std::move(task)); },
                      .store =
                          [&service, &log, on_report](const std::string& athlete, std::vector<NamedParse> pieces) {
                            return store_synced_pieces(service, athlete, std::move(pieces), log, on_report);
                          },
                      .plugins = [this] { return importers_now(); },
                  },
                  log);
  struct SyncAttached {
    Daemon& daemon;
    ~SyncAttached() { daemon.sync_ = nullptr; }
  } sync_attached{*this};
  sync_ = &sync;
  register_sync_methods(server.methods(), service, sync);
  // Signals are caught from here on: a SIGHUP sent after "ready" must reload, not kill.
  boost::asio::signal_set signals(io, SIGTERM, SIGINT, SIGHUP);
  std::function<void(const boost::system::error_code&, int)> on_signal = [&](const boost::system::error_code& ec,
                                                                              int signo) {
    if (ec) return;
    if (signo == SIGHUP) {
      reload_and_watch(log, watcher, importer);
      signals.async_wait(on_signal);
      return;
    }
    systemd::notify_stopping();
    log << "tendond: " << (signo == SIGTERM ? "SIGTERM" : "SIGINT") << " received, stopping" << std::endl;
    // Nothing new is taken; a parse still running finishes on its worker but is not
    // stored, and its file stays in the inbox for the next start.
    watcher.stop();
    importer.stop();
    sync.stop();      // a request in flight is given up within about a second; the cursor stays where it was
    webhooks.stop();  // a request in flight is given up within about a second; its row stays queued
    server.stop();  // clients see the connection close; the socket file is removed
    io.stop();
  };
  signals.async_wait(on_signal);
  if (activated) {
    server.adopt(activated->fd);  // systemd made it (mode, group): ours to use, not to remove
    log << "tendond: socket " << place.path.string() << " (from systemd)\n";
  } else {
    if (!place.note.empty()) log << "tendond: " << place.note << "\n";
    if (mode_ == ServiceMode::system) create_shared_socket_folder(place.path.parent_path());
    server.listen(access.socket);
    log << "tendond: socket " << place.path.string() << "\n";
  }
  watch_inboxes(watcher, importer);  // the start-up scan: its files are parsed once the loop runs
  report_status();
  sync.start();
  systemd::notify_ready();
  log << "tendond: ready; SIGHUP reloads the config, SIGTERM stops" << std::endl;
  io.run();
  return 0;
}

}  // namespace tendon
