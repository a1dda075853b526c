#include "config/toml_reader.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "config/config.h"

namespace tendon::config_detail {

void fail_at(const std::string& file, const toml::source_position& where,
             const std::string& reason) {
  std::ostringstream out;
  out << file;
  if (where.line != 0) {
    out << ':' << where.line << ':' << where.column;
  }
  out << ": ";
  // One line whatever the reason quotes: a value may hold a line end ("co\ng" in TOML) and
  // toml++ quotes the text it saw, line ends included.
  for (const char c : reason) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\n') out << "\\n";
    else if (c == '\t') out << "\\t";
    else if (byte < 0x20 || byte == 0x7f) out << "\\x" << "0123456789abcdef"[byte >> 4] << "0123456789abcdef"[byte & 0xf];
    else out << c;
  }
  throw ConfigError(out.str());
}

const char* type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a floating-point number";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    case toml::node_type::none: break;
  }
  return "nothing";
}

std::string format_number(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

std::string element_path(const std::string& array_path, std::size_t index) {
  return array_path + "[" + std::to_string(index + 1) + "]";
}

TableReader::TableReader(const toml::table& table, std::string path, const std::string& file)
    : table_(table), path_(std::move(path)), file_(file) {}

std::string TableReader::key_path(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

toml::source_position TableReader::where(std::string_view key) const {
  if (const toml::node* node = table_.get(key)) return node->source().begin;
  return where();
}

const toml::node* TableReader::get(std::string_view key) {
  if (std::find(known_.begin(), known_.end(), key) == known_.end()) known_.emplace_back(key);
  return table_.get(key);
}

void TableReader::fail(std::string_view key, const std::string& reason) const {
  fail_at(file_, where(key), reason);
}

void TableReader::fail_here(const std::string& reason) const { fail_at(file_, where(), reason); }

void TableReader::wrong_type(std::string_view key, const toml::node& node,
                             const char* expected) const {
  fail(key, key_path(key) + " must be " + expected + ", not " + type_name(node));
}

std::optional<double> TableReader::number(std::string_view key, double min, double max) {
  const toml::node* node = get(key);
  if (node == nullptr) return std::nullopt;
  double value = 0;
  if (const auto* i = node->as_integer()) {
    value = static_cast<double>(i->get());
  } else if (const auto* f = node->as_floating_point()) {
    value = f->get();
  } else {
    wrong_type(key, *node, "a number");
  }
  if (!std::isfinite(value)) fail(key, key_path(key) + " must be a finite number");
  if (value < min || value > max) {
    fail(key, key_path(key) + " is " + format_number(value) + ", outside " +
                  format_number(min) + ".." + format_number(max));
  }
  return value;
}

std::optional<std::int64_t> TableReader::integer(std::string_view key, std::int64_t min,
                                                 std::int64_t max) {
  const toml::node* node = get(key);
  if (node == nullptr) return std::nullopt;
  const auto* i = node->as_integer();
  if (i == nullptr) wrong_type(key, *node, "an integer");
  const std::int64_t value = i->get();
  if (value < min || value > max) {
    fail(key, key_path(key) + " is " + std::to_string(value) + ", outside " +
                  std::to_string(min) + ".." + std::to_string(max));
  }
  return value;
}

std::optional<bool> TableReader::boolean(std::string_view key) {
  const toml::node* node = get(key);
  if (node == nullptr) return std::nullopt;
  const auto* b = node->as_boolean();
  if (b == nullptr) wrong_type(key, *node, "true or false");
  return b->get();
}

std::optional<std::string> TableReader::string(std::string_view key) {
  const toml::node* node = get(key);
  if (node == nullptr) return std::nullopt;
  const auto* s = node->as_string();
  if (s == nullptr) wrong_type(key, *node, "a string");
  return s->get();
}

const toml::table* TableReader::table(std::string_view key) {
  const toml::node* node = get(key);
  if (node == nullptr) return nullptr;
  const auto* t = node->as_table();
  if (t == nullptr) wrong_type(key, *node, "a table");
  return t;
}

const toml::array* TableReader::array(std::string_view key) {
  const toml::node* node = get(key);
  if (node == nullptr) return nullptr;
  const auto* a = node->as_array();
  if (a == nullptr) wrong_type(key, *node, "an array");
  return a;
}

void TableReader::finish() const {
  const toml::key* first = nullptr;
  for (auto&& [key, value] : table_) {
    (void)value;
    if (std::find(known_.begin(), known_.end(), key.str()) != known_.end()) continue;
    const auto& pos = key.source().begin;
    if (first == nullptr || pos.line < first->source().begin.line ||
        (pos.line == first->source().begin.line && pos.column < first->source().begin.column)) {
      first = &key;
    }
  }
  if (first == nullptr) return;
  std::string known;
  for (const auto& k : known_) known += (known.empty() ? "" : ", ") + k;
  const std::string where_text = path_.empty() ? "at the top level" : "in [" + path_ + "]";
  fail_at(file_, first->source().begin,
          "unknown key '" + std::string(first->str()) + "' " + where_text +
              (known.empty() ? std::string() : " (known keys: " + known + ")"));
}

}  // namespace tendon::config_detail
