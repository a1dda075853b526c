#pragma once
// The progress bar of one big export while tendond imports it: a second connection to the
// daemon, subscribed to Import.Progress, whose events for this import_id a thread draws
// while the main thread waits in Activity.Import (that call blocks; events sent to its
// own connection would only be read after the answer).
#include <filesystem>
#include <string>
#include <thread>

#include "control/client.h"
#include "progress_bar.h"

namespace tendon::cli {

class ExportProgressView {
 public:
  // Connects and subscribes before the import is asked for, so no event is missed.
  // Throws (control::RpcError, std::runtime_error) when that fails: the caller goes on
  // without a bar.
  ExportProgressView(const std::filesystem::path& socket, std::string import_id);
  // Stops listening and wipes the bar.
  ~ExportProgressView();
  ExportProgressView(const ExportProgressView&) = delete;
  ExportProgressView& operator=(const ExportProgressView&) = delete;

 private:
  void listen();

  control::Client client_;
  std::string import_id_;
  ProgressBar bar_;
  std::thread listener_;
};

}  // namespace tendon::cli
