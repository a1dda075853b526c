#include "plugin_host.h"

#include <algorithm>
#include <map>
#include <set>
#include <shared_mutex>

#include "plugin_descriptor.h"
#include "plugin_file_trust.h"
#include "plugin_import_session.h"
#include "plugin_library.h"
#include "plugin_nested_import.h"
#include "plugin_registry.h"

namespace tendon {

namespace {

// Probes look at this much of the content (tendon_importer.probe: "at most 4096").
constexpr std::size_t kProbeHeadBytes = 4096;
// A content match must be this sure to take a file whose suffix says nothing.
constexpr int kSniffThreshold = 50;
// An exec importer was configured for its suffixes: it outranks any probe.
constexpr int kExecClaim = 101;

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
  return out;
}

bool is_plugin_file_name(const std::string& name) {
  constexpr std::string_view prefix = "tendon-", suffix = ".so";
  return name.size() > prefix.size() + suffix.size() && name.compare(0, prefix.size(), prefix) == 0 &&
         name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The importer picked for one input, copied out of the registry so that the registry
// lock need not be held while it runs.
struct Choice {
  LoadedPlugin* plugin = nullptr;
  const ImporterDescriptor* entry = nullptr;
  std::shared_ptr<const ExecImporterSpec> exec;
  std::string importer_id;
  std::string error;                  // nothing chosen: why
  std::vector<std::string> warnings;  // probes that threw
};

}  // namespace

struct PluginHost::Impl {
  const PluginHost* host = nullptr;  // for nested imports, which go through the whole host
  PluginLogSink log;
  PluginHostLimits limits;
  mutable std::shared_mutex registry;
  std::vector<std::unique_ptr<LoadedPlugin>> plugins;  // registration order
  std::vector<RegisteredImporter> importers;           // registration order
  std::vector<RegisteredSource> sources;               // registration order (ABI 1.2)

  ~Impl() {
    // Last loaded, first shut down: a later plugin may use what an earlier one set up.
    while (!plugins.empty()) plugins.pop_back();
  }

  // Who already uses `importer_id`, or "".
  std::string importer_owner(const std::string& importer_id) const {
    for (const auto& importer : importers) {
      if (importer.id != importer_id) continue;
      return importer.exec ? "exec importer (" + importer.exec->argv.front() + ")"
                           : "plugin '" + importer.plugin->descriptor().id + "' (" + importer.plugin->origin() + ")";
    }
    return "";
  }

  std::optional<PluginProblem> add(const tendon_plugin* raw, const std::string& origin,
                                   std::unique_ptr<SharedLibrary> library) {
    DescriptorReading reading = read_plugin_descriptor(raw);
    if (!reading.descriptor) return PluginProblem{origin, reading.problem};
    PluginDescriptor& descriptor = *reading.descriptor;

    std::unique_lock lock(registry);
    for (const auto& plugin : plugins) {
      if (plugin->descriptor().id == descriptor.id) {
        return PluginProblem{origin, "plugin id '" + descriptor.id + "' is already taken by " + plugin->origin()};
      }
    }
    for (const auto& importer : descriptor.importers) {
      if (std::string owner = importer_owner(importer.id); !owner.empty()) {
        return PluginProblem{origin, "importer id '" + importer.id + "' is already taken by " + owner};
      }
    }
    for (const auto& source : descriptor.sources) {
      for (const auto& other : sources) {
        if (other.id == source.id) {
          return PluginProblem{origin, "source id '" + source.id + "' is already taken by plugin '" +
                                           other.plugin->descriptor().id + "' (" + other.plugin->origin() + ")"};
        }
      }
    }
    auto plugin = std::make_unique<LoadedPlugin>(std::move(descriptor), origin, std::move(library), log);
    plugin->log().set_nested_importer([whole_host = host](const tendon_input* input, const tendon_sink* sink) {
      return import_nested(*whole_host, input, sink);
    });
    if (std::string failure = plugin->init(); !failure.empty()) return PluginProblem{origin, failure};
    for (const auto& entry : plugin->descriptor().importers) {
      importers.push_back(RegisteredImporter{entry.id, entry.suffixes, plugin.get(), &entry, nullptr});
    }
    for (const auto& entry : plugin->descriptor().sources) sources.push_back(RegisteredSource{entry.id, plugin.get(), &entry});
    plugins.push_back(std::move(plugin));
    return std::nullopt;
  }

  // A file that passed the name and folder checks.
  std::optional<PluginProblem> load_checked_file(const std::filesystem::path& file) {
    const std::string origin = file.string();
    if (auto reason = untrusted_file_reason(file)) return PluginProblem{origin, *reason};
    std::string error;
    std::unique_ptr<SharedLibrary> library = SharedLibrary::open(file, error);
    if (!library) return PluginProblem{origin, "dlopen failed: " + error};
    void* symbol = library->symbol(TENDON_ENTRY_SYMBOL);
    if (symbol == nullptr) return PluginProblem{origin, "no " TENDON_ENTRY_SYMBOL " symbol"};
    const auto entry = reinterpret_cast<tendon_entry_fn>(symbol);
    const tendon_plugin* descriptor = nullptr;
    try {
      descriptor = entry();
    } catch (...) {
      return PluginProblem{origin, TENDON_ENTRY_SYMBOL " threw an exception"};
    }
    if (descriptor == nullptr) return PluginProblem{origin, TENDON_ENTRY_SYMBOL " returned NULL"};
    return add(descriptor, origin, std::move(library));
  }

  // Calls a probe behind the wall: a probe that throws counts as "not mine" and disables
  // its plugin. The result is clamped to 0..100.
  int probe(const RegisteredImporter& importer, std::string_view head, std::vector<std::string>& warnings) const {
    try {
      return std::clamp(importer.plugin->probe(*importer.entry, head), 0, 100);
    } catch (...) {
      const std::string what = "plugin " + importer.plugin->descriptor().id + " threw an exception in the probe of '" +
                               importer.id + "'";
      importer.plugin->disable(what);
      warnings.push_back(what + "; plugin disabled");
      return 0;
    }
  }

  std::vector<std::string> supported_suffixes() const {
    std::set<std::string> suffixes;
    for (const auto& importer : importers) {
      if (importer.usable()) suffixes.insert(importer.suffixes.begin(), importer.suffixes.end());
    }
    return {suffixes.begin(), suffixes.end()};
  }

  // Why no importer was found for `file_name`.
  std::string no_importer_reason(const std::string& lower_name, const std::vector<const RegisteredImporter*>& refused,
                                 const std::vector<const RegisteredImporter*>& disabled) const {
    if (!refused.empty()) {
      std::string ids;
      for (const auto* importer : refused) ids += (ids.empty() ? "'" : ", '") + importer->id + "'";
      return "no importer recognises the content (the importer for its suffix, " + ids + ", does not take it)";
    }
    if (!disabled.empty()) {
      return "no importer recognises the content (the importer for its suffix, '" + disabled.front()->id +
             "', is disabled after an exception)";
    }
    std::string supported;
    for (const auto& suffix : supported_suffixes()) supported += (supported.empty() ? "" : ", ") + suffix;
    const auto dot = lower_name.find_last_of('.');
    if (dot == std::string::npos || dot + 1 == lower_name.size()) {
      return "no file suffix, and no importer recognises the content (supported: " + supported + ")";
    }
    return "unsupported format '" + lower_name.substr(dot) + "' (supported: " + supported + ")";
  }

  // A plugin importing on this thread (a nested import's caller) is not chosen again for
  // the nested file: its lock is held and it would recurse.
  static bool busy_here(const RegisteredImporter& importer) {
    return importer.plugin != nullptr && is_importing_on_this_thread(importer.plugin);
  }

  // The importer surest that the folder is its export (ABI 1.1 probe_folder), or why none.
  Choice choose_for_folder(int directory_fd) const {
    Choice choice;
    const RegisteredImporter* best = nullptr;
    int best_score = 0;
    for (const auto& importer : importers) {
      if (importer.exec || !importer.usable() || importer.entry->probe_folder == nullptr || busy_here(importer)) continue;
      int score = 0;
      try {
        score = std::clamp(importer.plugin->probe_folder(*importer.entry, directory_fd), 0, 100);
      } catch (...) {
        const std::string what = "plugin " + importer.plugin->descriptor().id +
                                 " threw an exception in the folder probe of '" + importer.id + "'";
        importer.plugin->disable(what);
        choice.warnings.push_back(what + "; plugin disabled");
      }
      if (score > best_score) best = &importer, best_score = score;
    }
    if (best == nullptr) {
      std::string ids;
      for (const auto& importer : importers) {
        if (importer.entry != nullptr && importer.entry->probe_folder != nullptr) ids += (ids.empty() ? "" : ", ") + importer.id;
      }
      choice.error = "no importer recognises the folder as an export" +
                     (ids.empty() ? std::string(" (no importer reads folders)") : " (tried: " + ids + ")");
      return choice;
    }
    choice.plugin = best->plugin;
    choice.entry = best->entry;
    choice.importer_id = best->id;
    return choice;
  }

  Choice choose(const std::string& file_name, std::string_view bytes) const {
    Choice choice;
    const std::string lower_name = lower(file_name);
    const std::string_view head = bytes.substr(0, kProbeHeadBytes);

    // The importers of the longest matching suffix.
    std::size_t longest = 0;
    for (const auto& importer : importers) longest = std::max(longest, importer.suffix_match(lower_name));
    std::vector<const RegisteredImporter*> by_suffix, disabled, refused;
    for (const auto& importer : importers) {
      if (longest == 0 || importer.suffix_match(lower_name) != longest) continue;
      if (busy_here(importer)) continue;
      (importer.usable() ? by_suffix : disabled).push_back(&importer);
    }

    std::map<const RegisteredImporter*, int> probed;
    const RegisteredImporter* best = nullptr;
    int best_score = 0;
    for (const auto* importer : by_suffix) {
      const int score = importer->exec ? kExecClaim : probe(*importer, head, choice.warnings);
      probed[importer] = score;
      if (score > best_score) best = importer, best_score = score;
      if (score == 0) refused.push_back(importer);
    }
    // Nothing by suffix: whichever importer is sure enough of the content.
    if (best == nullptr) {
      for (const auto& importer : importers) {
        if (importer.exec || !importer.usable() || probed.count(&importer) != 0 || busy_here(importer)) continue;
        const int score = probe(importer, head, choice.warnings);
        if (score > kSniffThreshold && score > best_score) best = &importer, best_score = score;
      }
    }
    if (best == nullptr || !best->usable()) {
      choice.error = no_importer_reason(lower_name, refused, disabled);
      return choice;
    }
    choice.plugin = best->plugin;
    choice.entry = best->entry;
    choice.exec = best->exec;
    choice.importer_id = best->id;
    return choice;
  }

  PluginImport run_plugin(const Choice& choice, const std::string& file_name, std::string_view bytes,
                          int directory_fd = -1) const {
    ImportSession session(choice.importer_id, bytes, file_name, limits, directory_fd);
    for (const auto& warning : choice.warnings) session.add_warning(warning);
    int status = TENDON_OK;
    const ActiveImportScope active(choice.plugin, session);
    try {
      status = choice.plugin->import(*choice.entry, session.input(), session.sink());
    } catch (...) {
      const std::string what = "plugin " + choice.plugin->descriptor().id + " threw an exception";
      choice.plugin->disable(what + " while importing '" + file_name + "'");
      return session.fail(TENDON_ERR_INTERNAL, what);
    }
    return session.finish(status);
  }
};

PluginHost::PluginHost() : PluginHost(PluginLogSink(log_plugin_line_to_stderr)) {}

PluginHost::PluginHost(PluginLogSink log, PluginHostLimits limits) : impl_(std::make_unique<Impl>()) {
  impl_->log = log ? std::move(log) : PluginLogSink(log_plugin_line_to_stderr);
  impl_->limits = limits;
  impl_->host = this;
}

PluginHost::~PluginHost() = default;

std::optional<PluginProblem> PluginHost::add(const tendon_plugin* plugin, const std::string& origin) {
  return impl_->add(plugin, origin, nullptr);
}

std::vector<PluginProblem> PluginHost::load_folder(const std::filesystem::path& folder) {
  std::error_code ec;
  // Only "not there" is fine; a folder we may not look into is a problem worth saying.
  if (std::filesystem::status(folder, ec).type() == std::filesystem::file_type::not_found) return {};
  if (auto reason = untrusted_folder_reason(folder)) return {PluginProblem{folder.string(), *reason}};
  std::vector<std::filesystem::path> files;
  for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (is_plugin_file_name(it->path().filename().string())) files.push_back(it->path());
  }
  if (ec) return {PluginProblem{folder.string(), "cannot list the folder: " + ec.message()}};
  std::sort(files.begin(), files.end());  // a stable order: which of two duplicates wins
  std::vector<PluginProblem> problems;
  for (const auto& file : files) {
    if (auto problem = impl_->load_checked_file(file)) problems.push_back(std::move(*problem));
  }
  return problems;
}

std::optional<PluginProblem> PluginHost::load_file(const std::filesystem::path& so_file) {
  if (!is_plugin_file_name(so_file.filename().string())) return PluginProblem{so_file.string(), "not named tendon-*.so"};
  const std::filesystem::path folder = so_file.has_parent_path() ? so_file.parent_path() : ".";
  if (auto reason = untrusted_folder_reason(folder)) return PluginProblem{so_file.string(), *reason};
  return impl_->load_checked_file(so_file);
}

std::optional<PluginProblem> PluginHost::add_exec_importer(const ExecImporterSpec& spec) {
  const std::string origin = "exec:" + (spec.argv.empty() ? spec.id : spec.argv.front());
  if (auto problem = exec_importer_spec_problem(spec)) return PluginProblem{origin, *problem};
  std::unique_lock lock(impl_->registry);
  if (std::string owner = impl_->importer_owner(spec.id); !owner.empty()) {
    return PluginProblem{origin, "importer id '" + spec.id + "' is already taken by " + owner};
  }
  impl_->importers.push_back(
      RegisteredImporter{spec.id, spec.suffixes, nullptr, nullptr, std::make_shared<const ExecImporterSpec>(spec)});
  return std::nullopt;
}

std::vector<ImporterInfo> PluginHost::importers() const {
  std::shared_lock lock(impl_->registry);
  std::vector<ImporterInfo> out;
  for (const auto& importer : impl_->importers) {
    ImporterInfo info;
    info.id = importer.id;
    info.suffixes = importer.suffixes;
    if (importer.exec) {
      info.description = importer.exec->description;
      info.plugin_id = importer.exec->id;
      info.origin = "exec:" + importer.exec->argv.front();
    } else {
      info.description = importer.entry->description;
      info.plugin_id = importer.plugin->descriptor().id;
      info.origin = importer.plugin->origin();
      info.disabled = importer.plugin->disabled();
    }
    out.push_back(std::move(info));
  }
  return out;
}

std::vector<SourceInfo> PluginHost::sources() const {
  std::shared_lock lock(impl_->registry);
  std::vector<SourceInfo> out;
  for (const auto& source : impl_->sources) {
    out.push_back(SourceInfo{source.id, source.entry->description, source.plugin->descriptor().id,
                             source.plugin->origin(), source.plugin->disabled()});
  }
  return out;
}

int PluginHost::poll_source(const std::string& source_id, const tendon_source_round* round, std::string& error) const {
  RegisteredSource chosen;
  {
    std::shared_lock lock(impl_->registry);
    for (const auto& source : impl_->sources) {
      if (source.id == source_id) chosen = source;
    }
  }
  // Plugins are never removed while the host lives, so the source outlives the lock.
  if (chosen.plugin == nullptr) {
    error = "no source '" + source_id + "'";
    return TENDON_ERR_INTERNAL;
  }
  if (chosen.plugin->disabled()) {
    error = "the plugin of source '" + source_id + "' is disabled after an exception";
    return TENDON_ERR_INTERNAL;
  }
  try {
    return chosen.plugin->poll(*chosen.entry, round);
  } catch (...) {
    error = "plugin " + chosen.plugin->descriptor().id + " threw an exception";
    chosen.plugin->disable(error + " while polling source '" + source_id + "'");
    return TENDON_ERR_INTERNAL;
  }
}

PluginImport PluginHost::import(const std::filesystem::path& name, std::string_view bytes) const {
  const std::string file_name = name.filename().string();
  Choice choice;
  {
    std::shared_lock lock(impl_->registry);
    choice = impl_->choose(file_name, bytes);
  }
  // Plugins are never removed while the host lives, so the chosen one outlives the lock.
  if (!choice.error.empty()) {
    PluginImport out;
    out.status = TENDON_ERR_FORMAT;
    out.error = std::move(choice.error);
    out.warnings = std::move(choice.warnings);
    return out;
  }
  if (choice.exec) {
    PluginImport out = run_exec_importer(*choice.exec, file_name, bytes, impl_->limits);
    out.warnings.insert(out.warnings.begin(), choice.warnings.begin(), choice.warnings.end());
    return out;
  }
  return impl_->run_plugin(choice, file_name, bytes);
}

PluginImport PluginHost::import_folder(const std::filesystem::path& name, int directory_fd) const {
  Choice choice;
  {
    std::shared_lock lock(impl_->registry);
    choice = impl_->choose_for_folder(directory_fd);
  }
  if (!choice.error.empty()) {
    PluginImport out;
    out.status = TENDON_ERR_FORMAT;
    out.error = std::move(choice.error);
    out.warnings = std::move(choice.warnings);
    return out;
  }
  return impl_->run_plugin(choice, name.filename().string(), std::string_view(), directory_fd);
}

}  // namespace tendon
