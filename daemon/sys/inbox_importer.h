#pragma once
// Imports the files an InboxWatcher reports: reading and parsing on a worker pool, the
// store write (one transaction) back on the loop's thread, then the file moved aside:
// processed/ when imported, skipped or already imported, failed/ with a .reason file when
// it failed. A file whose import was not committed is never moved: it stays for next time.
#include <boost/asio/io_context.hpp>
#include <boost/asio/thread_pool.hpp>
#include <filesystem>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <ostream>
#include <set>
#include <string>

#include "config/config.h"
#include "config/shoe_catalogue.h"
#include "ingest/file_formats.h"
#include "ingest/import_service.h"
#include "ingest/plugin_host.h"
#include "store/store.h"

namespace tendon {

// What an import reads from the daemon; references, so a reload is seen by the next file.
struct InboxImportContext {
  Store& store;
  const Config& config;
  const ShoeCatalogue& catalogue;
  const std::shared_ptr<PluginHost>& plugins;  // replaced on reload; parses keep their own copy
};

class InboxImporter {
 public:
  InboxImporter(boost::asio::io_context& io, InboxImportContext context, std::ostream& log, std::size_t workers = 2);
  // Abandons parses that have not started and waits for the running ones; nothing more is
  // stored. Must be destroyed before `io`.
  ~InboxImporter();
  InboxImporter(const InboxImporter&) = delete;
  InboxImporter& operator=(const InboxImporter&) = delete;

  // Which athlete each inbox folder belongs to.
  void set_inboxes(std::map<std::filesystem::path, std::string> athlete_by_folder);
  // Takes a file of one of the inboxes (on the loop's thread). A file already being read
  // is read again once that finishes (it was written again meanwhile).
  void take(const std::filesystem::path& file);
  // No new files; results still arriving are dropped and their files stay in the inbox.
  void stop();

  // Lends the worker pool to other long work (Activity.Import on the socket): `work` runs
  // on a worker, then `then` on the loop's thread, unless stop() came first (then `then`
  // is dropped unrun).
  void run_off_loop(std::function<void()> work, std::function<void()> then);

  // Called on the loop's thread with each file's final report (imported, skipped or
  // failed), after its log line; not for a write the store refused (the file stays and is
  // tried again). The daemon turns it into socket events; the importer knows no socket.
  using ReportHook = std::function<void(const ImportReport&)>;
  void on_report(ReportHook hook) { on_report_ = std::move(hook); }

 private:
  struct Parsed;  // a worker's result
  // Runs on a worker: everything that may take long and needs no store.
  static void read_and_parse(const PluginHost& plugins, Parsed& out);
  void start_parse(const std::filesystem::path& file, const std::string& athlete);
  // Parsed files wait here and are stored one per turn of the loop, so that a burst of
  // files never holds up socket requests behind all of their writes.
  void queue_for_store(Parsed parsed);
  void store_next();
  void finish(Parsed parsed);
  void move_aside(const ImportReport& report, const std::string& content_hash);

  boost::asio::io_context& io_;
  InboxImportContext context_;
  std::ostream& log_;
  boost::asio::thread_pool workers_;
  std::map<std::filesystem::path, std::string> athlete_by_folder_;
  // Files being read on a worker; true when the file was written again meanwhile.
  std::map<std::filesystem::path, bool> in_flight_;
  // Contents already handled that could not be moved out (a read-only watch mount): not
  // imported again on every rescan while the daemon runs.
  std::set<std::string> unmovable_contents_;
  std::list<Parsed> waiting_for_store_;  // std::list: Parsed is incomplete here
  bool store_scheduled_ = false;
  ReportHook on_report_;
  bool stopped_ = false;
};

}  // namespace tendon
