#include "export_progress_view.h"

#include <sys/socket.h>

#include "event_stream.h"
#include "json_read.h"

namespace tendon::cli {

namespace {

std::size_t count(const rapidjson::Value& params, const char* name) {
  return params.HasMember(name) && params[name].IsUint64() ? static_cast<std::size_t>(params[name].GetUint64()) : 0;
}

}  // namespace

ExportProgressView::ExportProgressView(const std::filesystem::path& socket, std::string import_id)
    : client_(control::Client::connect(socket)), import_id_(std::move(import_id)), bar_(0, true) {
  subscribe(client_, {"Import.Progress"});
  listener_ = std::thread([this] { listen(); });
}

ExportProgressView::~ExportProgressView() {
  // Ends the listener's blocking read: next_event() then sees the connection closed.
  ::shutdown(client_.native_handle(), SHUT_RDWR);
  listener_.join();
  bar_.finish();
}

void ExportProgressView::listen() {
  try {
    while (const auto event = client_.next_event()) {
      if (!event->HasMember("params") || !(*event)["params"].IsObject()) continue;
      const auto& p = (*event)["params"];
      if (!p.HasMember("import_id") || !p["import_id"].IsString() || p["import_id"].GetString() != import_id_) continue;
      bar_.update_export(count(p, "files_done"), count(p, "files_total"), count(p, "activities"), count(p, "skipped"),
                         count(p, "failed"));
    }
  } catch (const std::exception&) {
    // The connection broke: the import's own answer says how it went.
  }
}

}  // namespace tendon::cli
