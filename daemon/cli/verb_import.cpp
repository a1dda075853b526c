// tendonctl import FILE...: each file opened here and handed over as a descriptor
// (Activity.Import {fd, name}), so the daemon needs no access to the folder it is in. An
// unpacked export's folder is opened and passed the same way (the daemon reads inside it
// with openat relative to the descriptor).
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "alert_changes.h"
#include "control/rpc_error.h"
#include "exit_codes.h"
#include "export_progress_view.h"
#include "json_read.h"
#include "progress_bar.h"
#include "socket_choice.h"
#include "text_views.h"
#include "verbs.h"

namespace tendon::cli {

namespace {

using json_read::flag;
using json_read::integer;

// The report of a file that never reached the importer, in the shape of the others.
rapidjson::Document failed_report(const std::string& error) {
  rapidjson::Document r(rapidjson::kObjectType);
  auto& a = r.GetAllocator();
  r.AddMember("file", "", a);
  r.AddMember("format", "", a);
  r.AddMember("ok", false, a);
  r.AddMember("error", rapidjson::Value(error.c_str(), a), a);
  for (const char* count : {"imported", "replaced", "duplicates", "already_imported"}) {
    r.AddMember(rapidjson::StringRef(count), 0, a);
  }
  r.AddMember("problems", rapidjson::Value(rapidjson::kArrayType), a);
  r.AddMember("alerts_raised", 0, a);
  r.AddMember("alerts_withdrawn", 0, a);
  return r;
}

// Closes the descriptor of the file being imported, whatever happens to the call.
struct OpenFile {
  explicit OpenFile(const std::string& path) : fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {}
  ~OpenFile() {
    if (fd >= 0) ::close(fd);
  }
  OpenFile(const OpenFile&) = delete;
  OpenFile& operator=(const OpenFile&) = delete;
  int fd;
};

// An export (a zip, or an unpacked folder) holds many files: worth a bar of its own.
bool is_export(const std::string& path) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) return true;
  std::string suffix = std::filesystem::path(path).extension().string();
  for (char& c : suffix) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return suffix == ".zip";
}

// The bar of an export's own progress, from the daemon's Import.Progress events: only on a
// terminal, and only through the socket (offline there are no events). Without it (or
// when it cannot listen) the import goes on without a bar.
std::unique_ptr<ExportProgressView> progress_view(Invocation& run, const std::string& path,
                                                  const std::string& import_id) {
  if (run.args().flag("offline") || run.json() || !::isatty(STDERR_FILENO) || !is_export(path)) return nullptr;
  try {
    return std::make_unique<ExportProgressView>(socket_to_use(run.args().option("socket")), import_id);
  } catch (const std::exception&) {
    return nullptr;
  }
}

// One file through Activity.Import; the report names the file as the user gave it.
rapidjson::Document import_file(Invocation& run, const std::string& path) {
  rapidjson::Document report;
  const OpenFile file(path);
  if (file.fd < 0) {
    report = failed_report(std::string("cannot open: ") + std::strerror(errno));
  } else {
    JsonParams params = run.params();
    // "export_12345/" is named by its last component, not by the empty one after the '/'.
    const std::filesystem::path named = std::filesystem::path(path).lexically_normal();
    const std::string name = named.has_filename() ? named.filename().string() : named.parent_path().filename().string();
    params.set("fd", static_cast<std::int64_t>(0)).set("name", name);
    static int imports = 0;
    const std::string import_id = "tendonctl-" + std::to_string(::getpid()) + "-" + std::to_string(++imports);
    try {
      Channel& channel = run.channel();  // connected (or failed) before anyone listens
      const std::unique_ptr<ExportProgressView> view = progress_view(run, path, import_id);
      if (view) params.set("import_id", import_id);
      report = channel.call("Activity.Import", params.text(), file.fd);
    } catch (const control::RpcError& e) {
      // This file could not be taken (not a regular file, ...): the batch goes on. Being
      // refused altogether is not about this file.
      if (e.code() == TENDON_RPC_PERMISSION_DENIED) throw;
      report = failed_report(e.what());
    }
  }
  json_read::member(report, "file");  // there: a clear error otherwise
  report["file"].SetString(path.c_str(), report.GetAllocator());
  return report;
}

struct Tally {
  std::size_t files = 0, runs = 0, already = 0, failed = 0, with_problems = 0;
};

// Complaints go to stderr, one line each, naming the file.
std::string complaints(const rapidjson::Value& report, const std::string& path) {
  std::string out;
  if (!flag(report, "ok")) out += "tendonctl: " + path + ": " + json_read::text(report, "error") + "\n";
  for (const auto& problem : json_read::member(report, "problems").GetArray()) {
    out += "tendonctl: " + path + ": " + problem.GetString() + "\n";
  }
  return out;
}

std::string summary(const Tally& t) {
  return std::to_string(t.files) + " files: " + std::to_string(t.runs) + " runs imported, " + std::to_string(t.already) +
         " already imported, " + std::to_string(t.failed) + " failed\n";
}

}  // namespace

int verb_import(Invocation& run) {
  const auto& files = run.args().positional;
  if (files.empty()) throw UsageError("import needs at least one FILE");
  std::optional<AlertChanges> alerts;
  if (!run.json()) alerts.emplace(run.channel());
  ProgressBar bar(files.size(), files.size() > 1 && ::isatty(STDERR_FILENO));
  rapidjson::Document all(rapidjson::kArrayType);
  Tally tally;
  for (const auto& path : files) {
    rapidjson::Document report = import_file(run, path);
    ++tally.files;
    tally.runs += static_cast<std::size_t>(integer(report, "imported"));
    tally.already += static_cast<std::size_t>(integer(report, "already_imported"));
    tally.failed += flag(report, "ok") ? 0 : 1;
    // A valid file without an activity in it (a settings file) counts as a problem.
    const bool problems = !json_read::member(report, "problems").Empty() || report.HasMember("skipped");
    tally.with_problems += problems ? 1 : 0;
    bar.print_above(std::cerr, complaints(report, path));
    if (alerts) {
      const bool changed = integer(report, "alerts_raised") + integer(report, "alerts_withdrawn") > 0;
      if (changed) alerts->look();
      static const std::vector<const rapidjson::Value*> none;
      bar.print_above(std::cout, import_text(report, path, changed ? alerts->raised() : none,
                                             changed ? alerts->withdrawn() : none));
    } else {
      all.PushBack(rapidjson::Value(report, all.GetAllocator()), all.GetAllocator());
    }
    bar.update(tally.files, tally.runs, tally.failed);
  }
  bar.finish();
  if (run.json()) std::cout << json_read::pretty(all);
  else if (files.size() > 1) std::cout << summary(tally);
  if (tally.failed == files.size()) return kExitError;
  return tally.failed > 0 || tally.with_problems > 0 ? kExitPartial : kExitOk;
}

}  // namespace tendon::cli
