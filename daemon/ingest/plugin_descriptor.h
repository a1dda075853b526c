#pragma once
// Reading a plugin's descriptor (tendon_plugin, its importers and its sources) the way the ABI allows:
// struct_size first, versions next, then only the fields that lie within struct_size. The
// result is a host-owned copy: strings are copied, so nothing of the plugin's memory is
// kept but its function pointers.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tendon/plugin.h"

namespace tendon {

// The smallest struct a 1.0 plugin can hand over: up to the end of the last 1.0 field.
// These stay as they are when later minors append fields.
inline constexpr std::size_t kPluginLayout10Size = offsetof(tendon_plugin, importer_count) + sizeof(std::uint32_t);
inline constexpr std::size_t kImporterLayout10Size = offsetof(tendon_importer, import) + sizeof(void (*)());

inline constexpr std::size_t kMaxPluginIdBytes = 64;
inline constexpr std::size_t kMaxPluginVersionBytes = 64;
inline constexpr std::size_t kMaxDescriptionBytes = 256;
inline constexpr std::size_t kMaxImportersPerPlugin = 64;
inline constexpr std::size_t kMaxSuffixesPerImporter = 32;
inline constexpr std::size_t kMaxSuffixBytes = 16;
inline constexpr std::size_t kMaxSourcesPerPlugin = 16;

struct ImporterDescriptor {
  std::string id;
  std::string description;
  std::vector<std::string> suffixes;
  int (*probe)(void* state, const std::uint8_t* head, std::size_t head_size) = nullptr;
  int (*import)(void* state, const tendon_input* input, const tendon_sink* sink) = nullptr;
  int (*probe_folder)(void* state, int directory_fd) = nullptr;  // 1.1, optional
};

// 1.2: a source (tendon_source), polled by the daemon's sync worker.
struct SourceDescriptor {
  std::string id;
  std::string description;
  int (*poll)(void* state, const tendon_source_round* round) = nullptr;
};

struct PluginDescriptor {
  std::string id;
  std::string version;
  std::uint16_t abi_minor = 0;
  std::uint32_t flags = 0;
  int (*init)(const tendon_host* host, void** state) = nullptr;
  void (*shutdown)(void* state) = nullptr;
  std::vector<ImporterDescriptor> importers;
  std::vector<SourceDescriptor> sources;  // 1.2
};

// The descriptor, or why it is refused ("ABI major 2 is not supported (host speaks 1)").
// Checks everything a descriptor can get wrong on its own; uniqueness against other
// plugins is the host's to check.
struct DescriptorReading {
  std::optional<PluginDescriptor> descriptor;
  std::string problem;
};
DescriptorReading read_plugin_descriptor(const tendon_plugin* plugin);

// Ids of plugins and importers: 1..64 bytes of a-z, 0-9, '.', '_', '-'. Returns the
// problem ("is empty", ...) or nullopt.
std::optional<std::string> id_problem(std::string_view id);

// A file suffix: ".fit", ".tcx.gz": '.', then a-z, 0-9, '.', '_', '-', at most 16 bytes.
std::optional<std::string> suffix_problem(std::string_view suffix);

}  // namespace tendon
