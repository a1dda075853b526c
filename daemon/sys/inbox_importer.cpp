#include "inbox_importer.h"

#include <boost/asio/post.hpp>
#include <ctime>
#include <fstream>
#include <system_error>

#include "inbox_report.h"
#include "inbox_rules.h"
#include "ingest/content_hash.h"
#include "ingest/import_service.h"

namespace tendon {

struct InboxImporter::Parsed {
  std::filesystem::path file;
  std::string athlete;
  bool gone = false;        // nothing to take: no longer there (already handled, deleted) or empty
  std::string read_error;   // the file could not be read
  std::string content_hash;
  ParsedFile parsed;
};

InboxImporter::InboxImporter(boost::asio::io_context& io, InboxImportContext context, std::ostream& log,
                             std::size_t workers)
    : io_(io), context_(context), log_(log), workers_(workers) {}

InboxImporter::~InboxImporter() {
  stop();
  workers_.join();
}

void InboxImporter::stop() {
  stopped_ = true;
  workers_.stop();  // parses not yet started are abandoned; a running one ends on its own
}

void InboxImporter::run_off_loop(std::function<void()> work, std::function<void()> then) {
  if (stopped_) return;
  boost::asio::post(workers_, [this, work = std::move(work), then = std::move(then), loop = io_.get_executor()]() {
    work();
    boost::asio::post(loop, [this, then]() {
      if (!stopped_) then();
    });
  });
}

void InboxImporter::set_inboxes(std::map<std::filesystem::path, std::string> athlete_by_folder) {
  athlete_by_folder_ = std::move(athlete_by_folder);
}

void InboxImporter::take(const std::filesystem::path& file) {
  if (stopped_ || is_ignored_inbox_name(file.filename().string())) return;
  const auto inbox = athlete_by_folder_.find(file.parent_path());
  if (inbox == athlete_by_folder_.end()) return;
  const auto running = in_flight_.find(file);
  if (running != in_flight_.end()) {
    running->second = true;
    return;
  }
  start_parse(file, inbox->second);
}

void InboxImporter::start_parse(const std::filesystem::path& file, const std::string& athlete) {
  in_flight_[file] = false;
  // The worker gets copies only: the plugin host it parses with stays alive through a
  // reload, and nothing it touches is shared with the loop's thread.
  boost::asio::post(workers_, [this, file, athlete, plugins = context_.plugins, loop = io_.get_executor()]() {
    Parsed result;
    result.file = file;
    result.athlete = athlete;
    read_and_parse(*plugins, result);
    // Back to the loop's thread. After stop() the loop no longer runs, so this handler is
    // dropped unrun and the file stays in the inbox.
    boost::asio::post(loop, [this, r = std::move(result)]() mutable { queue_for_store(std::move(r)); });
  });
}

void InboxImporter::queue_for_store(Parsed parsed) {
  waiting_for_store_.push_back(std::move(parsed));
  if (store_scheduled_) return;
  store_scheduled_ = true;
  boost::asio::post(io_, [this]() { store_next(); });
}

void InboxImporter::store_next() {
  store_scheduled_ = false;
  if (waiting_for_store_.empty()) return;
  Parsed next = std::move(waiting_for_store_.front());
  waiting_for_store_.pop_front();
  finish(std::move(next));
  if (waiting_for_store_.empty() || store_scheduled_) return;
  // Posted behind whatever the loop has ready (socket requests included), not run now.
  store_scheduled_ = true;
  boost::asio::post(io_, [this]() { store_next(); });
}

void InboxImporter::finish(Parsed parsed) {
  const bool written_again = in_flight_[parsed.file];
  in_flight_.erase(parsed.file);
  if (stopped_ || parsed.gone) return;
  if (written_again) {  // what was read may be a mix of two versions: read it again
    start_parse(parsed.file, parsed.athlete);
    return;
  }
  if (unmovable_contents_.count(parsed.content_hash) != 0) return;

  const bool unreadable = !parsed.read_error.empty() || !parsed.parsed.fatal.empty();
  ImportReport report;
  if (!parsed.read_error.empty()) {
    report.file = parsed.file;
    report.error = parsed.read_error;
  } else {
    ImportService service(context_.store, context_.config, context_.catalogue, *context_.plugins);
    // One transaction: committed, or rolled back with report.error set.
    report = service.store_parsed(parsed.file, std::move(parsed.parsed), parsed.athlete,
                                  static_cast<Instant>(std::time(nullptr)));
  }
  if (report.failed() && !unreadable) {
    // The file was fine but the store refused the write (rolled back): not the file's
    // fault, so it stays in the inbox for the next start or reload.
    log_ << inbox_log_line(report) << " (nothing stored; the file stays in the inbox)" << std::endl;
    return;
  }
  log_ << inbox_log_line(report) << "\n";
  constexpr std::size_t kWarningsLogged = 5;
  for (std::size_t i = 0; i < report.problems.size() && i < kWarningsLogged; ++i) {
    log_ << "tendond:   " << report.problems[i] << "\n";
  }
  if (report.problems.size() > kWarningsLogged) {
    log_ << "tendond:   ... and " << report.problems.size() - kWarningsLogged << " more warnings\n";
  }
  move_aside(report, parsed.content_hash);
  log_.flush();
  if (on_report_) on_report_(report);
}

void InboxImporter::move_aside(const ImportReport& report, const std::string& content_hash) {
  const std::filesystem::path inbox = report.file.parent_path();
  const bool failed = report.failed();
  const std::string_view reason_suffix = failed ? ".reason" : "";
  std::error_code ec;
  const std::filesystem::path moved_to = move_without_overwrite(
      report.file, inbox / (failed ? kFailedFolder : kProcessedFolder), ec, reason_suffix);
  if (ec) {
    // A watch mounted read-only (or a folder we may not write): remember the content so a
    // rescan does not import it again, and say so once.
    if (!content_hash.empty()) unmovable_contents_.insert(content_hash);
    log_ << "tendond: cannot move " << report.file.string() << " out of the inbox (" << ec.message()
         << "); it stays there and is not imported again until tendond restarts\n";
    return;
  }
  if (!failed) return;
  std::filesystem::path reason_file = moved_to;
  reason_file += std::string(reason_suffix);
  std::ofstream out(reason_file, std::ios::binary);
  out << inbox_reason_text(report);
  if (!out.flush()) log_ << "tendond: cannot write " << reason_file.string() << "\n";
}

void InboxImporter::read_and_parse(const PluginHost& plugins, Parsed& out) {
  std::string bytes;
  try {
    bytes = read_file_bytes(out.file, ImportService::kMaxFileBytes);
  } catch (const std::exception& e) {
    std::error_code ec;
    out.gone = !std::filesystem::exists(out.file, ec);
    out.read_error = e.what();
    return;
  }
  if (bytes.empty()) {
    // Nothing to judge yet (`touch`, or a writer that creates first and writes later): the
    // file stays, and its next close after writing brings it back.
    out.gone = true;
    return;
  }
  out.content_hash = sha256_hex(bytes);
  try {
    out.parsed = parse_file_bytes(plugins, out.file, bytes);
  } catch (const std::exception& e) {
    out.parsed.fatal = e.what();
    return;
  }
  // A file in which not one record could be read is broken for an inbox (tendonctl
  // reports it as warnings): it goes to failed/ with the first bad record as its reason.
  ParsedFile& p = out.parsed;
  if (p.fatal.empty() && !p.not_activity && p.activities.empty()) {
    p.fatal = p.problems.empty() ? "no activity in the file" : "no valid record: " + p.problems.front();
  }
}

}  // namespace tendon
