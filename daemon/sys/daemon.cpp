#include "daemon.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <csignal>
#include <ctime>
#include <unistd.h>

#include "control/server.h"
#include "control_events.h"
#include "control_methods.h"

#include "inbox_importer.h"
#include "inbox_watcher.h"
#include "socket_path.h"
#include "ingest/judgement_basis.h"
#include "ingest/plugin_setup.h"
#include "tendon/version.h"

namespace tendon {

Daemon::Daemon(std::optional<std::filesystem::path> config_file, std::optional<std::filesystem::path> socket_path)
    : config_file_(std::move(config_file)), socket_path_(std::move(socket_path)), config_(load_config_or_defaults(config_file_)) {
  store_ = std::make_unique<Store>(config_.database);
  apply_config();
  load_importers();
}

void Daemon::load_importers() {
  importer_problems_.clear();
  importers_ = make_plugin_host(config_, importer_problems_);
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
  out.flush();
}

bool Daemon::reload(std::ostream& log) {
  try {
    Config next = load_config_or_defaults(config_file_);
    if (next.database != config_.database) {
      log << "tendond: the database path changed in the config; restart to use " << next.database.string() << "\n";
      next.database = config_.database;
    }
    config_ = std::move(next);
    apply_config();
    load_importers();
    for (const auto& p : importer_problems_) log << "tendond: plugin refused: " << p.line() << "\n";
    log << "tendond: config reloaded" << std::endl;
    return true;
  } catch (const std::exception& e) {
    log << "tendond: config not reloaded, keeping the previous one: " << e.what() << std::endl;
    return false;
  }
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

int Daemon::run(std::ostream& log) {
  boost::asio::io_context io;
  // Before the importer, so destroyed after it: no report arrives for a server that is gone.
  control::ServerOptions server_options;
  control::PeerPolicy policy;
  policy.owner_uid = ::geteuid();
  policy.root_is_admin = true;
  server_options.decide_tier = policy;
  server_options.log = &log;
  control::Server server(io, std::move(server_options));
  register_control_methods(server, *store_, config_);
  // Declared after `io`, so destroyed before it: the workers are joined while the loop
  // they report to still exists.
  InboxImporter importer(io, InboxImportContext{*store_, config_, catalogue_, importers_}, log);
  importer.on_report([&server](const ImportReport& report) { publish_import_events(server, report); });
  InboxWatcher watcher(io, [&importer](const std::filesystem::path& file) { importer.take(file); }, log);
  // Signals are caught from here on: a SIGHUP sent after "ready" must reload, not kill.
  boost::asio::signal_set signals(io, SIGTERM, SIGINT, SIGHUP);
  std::function<void(const boost::system::error_code&, int)> on_signal = [&](const boost::system::error_code& ec,
                                                                              int signo) {
    if (ec) return;
    if (signo == SIGHUP) {
      if (reload(log)) watch_inboxes(watcher, importer);
      signals.async_wait(on_signal);
      return;
    }
    log << "tendond: " << (signo == SIGTERM ? "SIGTERM" : "SIGINT") << " received, stopping" << std::endl;
    // Nothing new is taken; a parse still running finishes on its worker but is not
    // stored, and its file stays in the inbox for the next start.
    watcher.stop();
    importer.stop();
    server.stop();  // clients see the connection close; the socket file is removed
    io.stop();
  };
  signals.async_wait(on_signal);
  SocketPlace socket{};
  if (socket_path_) {
    socket.path = *socket_path_;
  } else {
    socket = user_socket_place();
  }
  if (!socket.note.empty()) log << "tendond: " << socket.note << "\n";
  control::SocketOptions socket_options;
  socket_options.path = socket.path;
  socket_options.mode = 0600;  // user mode: only our uid (and root) may connect
  server.listen(socket_options);
  log << "tendond: socket " << socket.path.string() << "\n";
  watch_inboxes(watcher, importer);  // the start-up scan: its files are parsed once the loop runs
  log << "tendond: ready; SIGHUP reloads the config, SIGTERM stops" << std::endl;
  io.run();
  return 0;
}

}  // namespace tendon
