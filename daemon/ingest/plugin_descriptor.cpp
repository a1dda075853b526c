#include "plugin_descriptor.h"

#include <algorithm>
#include <cstring>

#include "plugin_text.h"

namespace tendon {

namespace {

bool is_id_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'; }

std::string quoted(std::string_view text) { return "'" + one_line(text, 80) + "'"; }

std::uint32_t leading_struct_size(const void* structure) {
  std::uint32_t size = 0;
  std::memcpy(&size, structure, sizeof size);
  return size;
}

// Copies the fields that lie within `size` into a zeroed T (fields beyond it: absent).
template <typename T>
T copy_within(const T* structure, std::uint32_t size) {
  T copy{};
  std::memcpy(&copy, structure, std::min<std::size_t>(size, sizeof(T)));
  return copy;
}

// A string the plugin may leave NULL (description, version): bounded and one line.
std::string optional_text(const char* text, std::size_t max_bytes) {
  return one_line(bounded_c_string(text, max_bytes), max_bytes);
}

// Reads importer number `index` (1-based in messages). Returns the problem, or "".
std::string read_importer(const tendon_importer* raw, std::size_t index, ImporterDescriptor& out) {
  const std::string which = "importer #" + std::to_string(index);
  if (raw == nullptr) return which + " is NULL";
  const std::uint32_t size = leading_struct_size(raw);
  if (size < kImporterLayout10Size) {
    return which + " struct_size " + std::to_string(size) + " is smaller than the 1.0 layout (" +
           std::to_string(kImporterLayout10Size) + ")";
  }
  const tendon_importer importer = copy_within(raw, size);
  const std::string_view id = bounded_c_string(importer.id, kMaxPluginIdBytes);
  if (importer.id == nullptr) return which + " has no id";
  if (auto p = id_problem(id)) return which + " id " + quoted(id) + " " + *p;
  out.id.assign(id);
  const std::string named = "importer '" + out.id + "'";
  if (importer.probe == nullptr) return named + " has no probe function";
  if (importer.import == nullptr) return named + " has no import function";
  out.probe = importer.probe;
  out.import = importer.import;
  out.probe_folder = importer.probe_folder;  // zero when beyond a 1.0 struct_size
  out.description = optional_text(importer.description, kMaxDescriptionBytes);
  // NULL suffixes: an importer found by content only.
  for (std::size_t i = 0; importer.suffixes != nullptr && importer.suffixes[i] != nullptr; ++i) {
    if (i == kMaxSuffixesPerImporter) {
      return named + " declares more than " + std::to_string(kMaxSuffixesPerImporter) + " suffixes";
    }
    const std::string_view suffix = bounded_c_string(importer.suffixes[i], kMaxSuffixBytes);
    if (auto p = suffix_problem(suffix)) return named + " suffix " + quoted(suffix) + " " + *p;
    out.suffixes.emplace_back(suffix);
  }
  return "";
}

// Reads source number `index` (1-based in messages). Returns the problem, or "".
std::string read_source(const tendon_source* raw, std::size_t index, SourceDescriptor& out) {
  const std::string which = "source #" + std::to_string(index);
  if (raw == nullptr) return which + " is NULL";
  const std::uint32_t size = leading_struct_size(raw);
  constexpr std::size_t kSourceLayout12Size = offsetof(tendon_source, poll) + sizeof(void (*)());
  if (size < kSourceLayout12Size) {
    return which + " struct_size " + std::to_string(size) + " is smaller than the 1.2 layout (" +
           std::to_string(kSourceLayout12Size) + ")";
  }
  const tendon_source source = copy_within(raw, size);
  const std::string_view id = bounded_c_string(source.id, kMaxPluginIdBytes);
  if (source.id == nullptr) return which + " has no id";
  if (auto p = id_problem(id)) return which + " id " + quoted(id) + " " + *p;
  out.id.assign(id);
  if (source.poll == nullptr) return "source '" + out.id + "' has no poll function";
  out.poll = source.poll;
  out.description = optional_text(source.description, kMaxDescriptionBytes);
  return "";
}

// The 1.2 sources of a plugin (none when its struct ends before them). Returns the problem, or "".
std::string read_sources(const tendon_plugin& plugin, PluginDescriptor& d) {
  if (plugin.source_count > kMaxSourcesPerPlugin) {
    return "declares " + std::to_string(plugin.source_count) + " sources (at most " +
           std::to_string(kMaxSourcesPerPlugin) + ")";
  }
  if (plugin.source_count > 0 && plugin.sources == nullptr) {
    return "sources is NULL but source_count is " + std::to_string(plugin.source_count);
  }
  for (std::uint32_t i = 0; i < plugin.source_count; ++i) {
    SourceDescriptor source;
    if (std::string p = read_source(plugin.sources[i], i + 1, source); !p.empty()) return p;
    const bool repeated = std::any_of(d.sources.begin(), d.sources.end(),
                                      [&](const SourceDescriptor& other) { return other.id == source.id; });
    if (repeated) return "source id '" + source.id + "' appears twice";
    d.sources.push_back(std::move(source));
  }
  return "";
}

}  // namespace

std::optional<std::string> id_problem(std::string_view id) {
  if (id.empty()) return "is empty";
  if (id.size() > kMaxPluginIdBytes) return "is longer than " + std::to_string(kMaxPluginIdBytes) + " bytes";
  if (!std::all_of(id.begin(), id.end(), is_id_char)) return "may only contain a-z, 0-9, '.', '_' and '-'";
  return std::nullopt;
}

std::optional<std::string> suffix_problem(std::string_view suffix) {
  if (suffix.size() < 2 || suffix.front() != '.') return "does not start with '.' and a name";
  if (suffix.size() > kMaxSuffixBytes) return "is longer than " + std::to_string(kMaxSuffixBytes) + " bytes";
  if (std::any_of(suffix.begin(), suffix.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    return "is not lower-case";
  }
  if (!std::all_of(suffix.begin(), suffix.end(), is_id_char)) return "may only contain a-z, 0-9, '.', '_' and '-'";
  return std::nullopt;
}

DescriptorReading read_plugin_descriptor(const tendon_plugin* raw) {
  DescriptorReading reading;
  if (raw == nullptr) {
    reading.problem = "descriptor is NULL";
    return reading;
  }
  // The versions come before the size check: a plugin of another major may lay out its
  // struct differently, and "ABI major 2" says more than a size.
  const std::uint32_t size = leading_struct_size(raw);
  constexpr std::size_t version_end = offsetof(tendon_plugin, abi_minor) + sizeof(std::uint16_t);
  if (size < version_end) {
    reading.problem = "descriptor struct_size " + std::to_string(size) + " is too small to hold the ABI version";
    return reading;
  }
  std::uint16_t major = 0, minor = 0;
  std::memcpy(&major, reinterpret_cast<const unsigned char*>(raw) + offsetof(tendon_plugin, abi_major), sizeof major);
  std::memcpy(&minor, reinterpret_cast<const unsigned char*>(raw) + offsetof(tendon_plugin, abi_minor), sizeof minor);
  if (major != TENDON_PLUGIN_ABI_MAJOR) {
    reading.problem = "ABI major " + std::to_string(major) + " is not supported (host speaks " +
                      std::to_string(TENDON_PLUGIN_ABI_MAJOR) + ")";
    return reading;
  }
  if (minor > TENDON_PLUGIN_ABI_MINOR) {
    reading.problem = "built for ABI " + std::to_string(major) + "." + std::to_string(minor) + ", host speaks " +
                      std::to_string(TENDON_PLUGIN_ABI_MAJOR) + "." + std::to_string(TENDON_PLUGIN_ABI_MINOR);
    return reading;
  }
  if (size < kPluginLayout10Size) {
    reading.problem = "descriptor struct_size " + std::to_string(size) + " is smaller than the 1.0 layout (" +
                      std::to_string(kPluginLayout10Size) + ")";
    return reading;
  }

  const tendon_plugin plugin = copy_within(raw, size);
  PluginDescriptor d;
  const std::string_view id = bounded_c_string(plugin.id, kMaxPluginIdBytes);
  if (plugin.id == nullptr) {
    reading.problem = "plugin id is NULL";
    return reading;
  }
  if (auto p = id_problem(id)) {
    reading.problem = "plugin id " + quoted(id) + " " + *p;
    return reading;
  }
  d.id.assign(id);
  d.version = optional_text(plugin.version, kMaxPluginVersionBytes);
  d.abi_minor = minor;
  d.flags = plugin.flags;
  d.init = plugin.init;
  d.shutdown = plugin.shutdown;
  // Fields beyond a 1.0 or 1.1 struct_size read as zero: no sources.
  if (std::string p = read_sources(plugin, d); !p.empty()) {
    reading.problem = std::move(p);
    return reading;
  }
  if (plugin.importer_count == 0 && d.sources.empty()) {
    reading.problem = "declares no importer and no source";
    return reading;
  }
  if (plugin.importer_count > kMaxImportersPerPlugin) {
    reading.problem = "declares " + std::to_string(plugin.importer_count) + " importers (at most " +
                      std::to_string(kMaxImportersPerPlugin) + ")";
    return reading;
  }
  if (plugin.importer_count > 0 && plugin.importers == nullptr) {
    reading.problem = "importers is NULL but importer_count is " + std::to_string(plugin.importer_count);
    return reading;
  }
  for (std::uint32_t i = 0; i < plugin.importer_count; ++i) {
    ImporterDescriptor importer;
    if (std::string p = read_importer(plugin.importers[i], i + 1, importer); !p.empty()) {
      reading.problem = std::move(p);
      return reading;
    }
    const bool repeated = std::any_of(d.importers.begin(), d.importers.end(),
                                      [&](const ImporterDescriptor& other) { return other.id == importer.id; });
    if (repeated) {
      reading.problem = "importer id '" + importer.id + "' appears twice";
      return reading;
    }
    d.importers.push_back(std::move(importer));
  }
  reading.descriptor = std::move(d);
  return reading;
}

}  // namespace tendon
