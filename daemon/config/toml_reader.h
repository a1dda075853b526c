#pragma once
// Reading one TOML table with source positions. Every key the program asks for is marked
// known, and finish() reports the first key nobody asked for, so a typo never passes
// silently (MPD's rule: unknown config keys are reported with their line).
// Every error is a ConfigError "FILE:LINE:COLUMN: reason". Internal to tendon_config.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

namespace tendon::config_detail {

[[noreturn]] void fail_at(const std::string& file, const toml::source_position& where,
                          const std::string& reason);

// "integer", "string", "table", ... for messages.
const char* type_name(const toml::node& node);

// A number for messages: 0.1 stays "0.1", 2000 stays "2000".
std::string format_number(double value);

class TableReader {
 public:
  // `path` is the dotted name used in messages ("thresholds.spike"); empty for the root.
  TableReader(const toml::table& table, std::string path, const std::string& file);

  const std::string& file() const { return file_; }
  const std::string& path() const { return path_; }
  std::string key_path(std::string_view key) const;
  toml::source_position where() const { return table_.source().begin; }
  // The position of key's value (or of the table when the key is absent).
  toml::source_position where(std::string_view key) const;

  // Each getter marks the key known; absent key: nullopt / nullptr. Wrong type or a value
  // outside [min, max]: ConfigError at the value.
  const toml::node* get(std::string_view key);
  std::optional<double> number(std::string_view key, double min, double max);
  std::optional<std::int64_t> integer(std::string_view key, std::int64_t min, std::int64_t max);
  std::optional<bool> boolean(std::string_view key);
  std::optional<std::string> string(std::string_view key);
  const toml::table* table(std::string_view key);
  const toml::array* array(std::string_view key);

  [[noreturn]] void fail(std::string_view key, const std::string& reason) const;
  [[noreturn]] void fail_here(const std::string& reason) const;

  // ConfigError for the first key (in file order) that no getter asked for.
  void finish() const;

 private:
  [[noreturn]] void wrong_type(std::string_view key, const toml::node& node,
                               const char* expected) const;

  const toml::table& table_;
  std::string path_;
  const std::string& file_;
  std::vector<std::string> known_;
};

// An element of an array, for messages: "athletes.anna.inboxes[2]".
std::string element_path(const std::string& array_path, std::size_t index);

}  // namespace tendon::config_detail
