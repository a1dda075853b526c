#pragma once
// One importer run over one input: the tendon_input and tendon_sink a plugin is handed,
// and the bookkeeping of what it sends back (activities converted and checked as they
// arrive, reports sorted into warnings and errors, every list bounded).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plugin_types.h"
#include "tendon/plugin.h"

namespace tendon {

// Warnings, at most `limit` of them; the rest are counted and summarised in one last line.
class BoundedWarnings {
 public:
  explicit BoundedWarnings(std::size_t limit) : limit_(limit) {}
  void add(std::string warning);
  std::vector<std::string> take();  // the kept lines, then "N more warnings not shown"

 private:
  std::size_t limit_;
  std::vector<std::string> kept_;
  std::size_t left_out_ = 0;
};

class ImportSession {
 public:
  // `bytes` and `file_name` must outlive the session; the plugin sees both.
  // `directory_fd` >= 0: the input is that folder (ABI 1.1), and `bytes` is empty.
  ImportSession(std::string importer_id, std::string_view bytes, const std::string& file_name,
                const PluginHostLimits& limits, int directory_fd = -1);
  ImportSession(const ImportSession&) = delete;  // the plugin holds pointers into it
  ImportSession& operator=(const ImportSession&) = delete;

  const tendon_input* input() const { return &input_; }
  const tendon_sink* sink() const { return &sink_; }

  // A note of the host's own (a probe that threw...), kept with the warnings.
  void add_warning(std::string warning) { warnings_.add(std::move(warning)); }

  // While set, emitted activities are a nested file's (import_nested): they take its
  // source kind and identity instead of the importer's.
  struct NestedOrigin {
    SourceKind kind = SourceKind::summary;
    std::string source_id;
  };
  void set_nested_origin(std::optional<NestedOrigin> origin) { nested_origin_ = std::move(origin); }
  // Activities taken so far (for progress reports while the plugin works).
  std::size_t activity_count() const { return activities_.size(); }

  // The result once the plugin's import returned `status`.
  PluginImport finish(int status);
  // The result when the plugin could not finish (it threw): nothing it emitted is kept.
  PluginImport fail(tendon_status status, std::string error);

 private:
  static std::int64_t read(void* context, std::uint8_t* buffer, std::size_t capacity);
  static int emit(void* context, const tendon_activity* activity);
  static void report(void* context, tendon_level level, const char* message);
  static void gear(void* context, const tendon_gear* gear);
  void take_gear(const tendon_gear* gear);
  int take_activity(const tendon_activity* activity);
  void take_report(int level, const char* message);

  std::string importer_id_;
  std::string_view bytes_;
  std::size_t read_offset_ = 0;
  const PluginHostLimits& limits_;
  tendon_input input_{};
  tendon_sink sink_{};

  std::size_t emitted_ = 0;  // every emit call, kept or dropped (numbers activities in messages)
  std::vector<Activity> activities_;
  std::vector<std::size_t> sample_counts_;
  std::vector<bool> from_nested_file_;
  std::optional<NestedOrigin> nested_origin_;
  std::vector<Shoe> gear_;
  BoundedWarnings warnings_;
  std::vector<std::string> errors_;  // ERROR-level reports
  std::string stop_reason_;          // the host asked the plugin to stop, and why
  tendon_status stop_status_ = TENDON_OK;
};

// "TENDON_ERR_FORMAT" for messages; "status 42" for a value outside the enum.
std::string status_name(int status);

}  // namespace tendon
